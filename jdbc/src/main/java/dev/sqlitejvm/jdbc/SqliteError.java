package dev.sqlitejvm.jdbc;

/**
 * What every SQLException raised for a SQLite result code offers beyond JDBC:
 * {@link java.sql.SQLException#getErrorCode()} is the primary code, these give the extended one.
 */
public interface SqliteError {
    /** SQLite's extended result code, such as 2067 for SQLITE_CONSTRAINT_UNIQUE. */
    int getExtendedErrorCode();

    /** The result code as a constant, extended where SQLite gave one. */
    default SqliteErrorCode getResultCode() {
        return SqliteErrorCode.of(getExtendedErrorCode());
    }
}
