package dev.sqlitejvm.runtime;

/** {@code sqlite3_table_column_metadata}: what the schema declares about one table column. */
public final class ColumnMetadata {
    public final String declaredType;
    public final String collation;
    public final boolean notNull;
    public final boolean primaryKey;
    public final boolean autoIncrement;

    ColumnMetadata(String declaredType, String collation, boolean notNull, boolean primaryKey, boolean autoIncrement) {
        this.declaredType = declaredType;
        this.collation = collation;
        this.notNull = notNull;
        this.primaryKey = primaryKey;
        this.autoIncrement = autoIncrement;
    }
}
