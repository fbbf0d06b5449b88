package dev.sqlitejvm.jdbc;

import java.sql.SQLException;

/** A SQLite error that has no more specific JDBC exception class. */
public class SqliteSqlException extends SQLException implements SqliteError {
    private final int extendedCode;

    public SqliteSqlException(String message, String sqlState, int extendedCode, Throwable cause) {
        super(message, sqlState, extendedCode & 0xff, cause);
        this.extendedCode = extendedCode;
    }

    @Override
    public int getExtendedErrorCode() {
        return extendedCode;
    }
}
