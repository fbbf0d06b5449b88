package dev.sqlitejvm.jdbc;

import java.sql.SQLTransientException;

/** SQLITE_BUSY and SQLITE_LOCKED: another connection holds a lock; retrying may succeed. */
public class SqliteTransientException extends SQLTransientException implements SqliteError {
    private final int extendedCode;

    public SqliteTransientException(String message, String sqlState, int extendedCode, Throwable cause) {
        super(message, sqlState, extendedCode & 0xff, cause);
        this.extendedCode = extendedCode;
    }

    @Override
    public int getExtendedErrorCode() {
        return extendedCode;
    }
}
