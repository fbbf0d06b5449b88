package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.ValueType;

/** What is known about one result column, gathered when metadata is asked for. */
final class ColumnInfo {
    final String label;
    final String name;
    final String table;
    final String schema;
    final String declaredType;
    /** The type of the current row's value, for columns with no declared type; may be null. */
    final ValueType valueType;
    final int nullable;
    final boolean autoIncrement;

    ColumnInfo(String label, String name, String table, String schema, String declaredType, ValueType valueType,
               int nullable, boolean autoIncrement) {
        this.label = label;
        this.name = name;
        this.table = table;
        this.schema = schema;
        this.declaredType = declaredType;
        this.valueType = valueType;
        this.nullable = nullable;
        this.autoIncrement = autoIncrement;
    }

    int jdbcType() {
        if (declaredType != null) {
            return ColumnTypes.fromDeclared(declaredType);
        }
        return valueType == null ? java.sql.Types.NULL : ColumnTypes.fromValue(valueType);
    }

    String typeName() {
        if (declaredType != null) {
            int paren = declaredType.indexOf('(');
            return (paren < 0 ? declaredType : declaredType.substring(0, paren)).trim().toUpperCase(java.util.Locale.ROOT);
        }
        return valueType == null ? "NULL" : ColumnTypes.name(valueType);
    }
}
