package dev.sqlitejvm.jdbc;

import java.sql.SQLTimeoutException;

/** A statement stopped (SQLITE_INTERRUPT) because its query timeout expired. */
public class SqliteTimeoutException extends SQLTimeoutException implements SqliteError {
    private final int extendedCode;

    public SqliteTimeoutException(String message, String sqlState, int extendedCode, Throwable cause) {
        super(message, sqlState, extendedCode & 0xff, cause);
        this.extendedCode = extendedCode;
    }

    @Override
    public int getExtendedErrorCode() {
        return extendedCode;
    }
}
