package dev.sqlitejvm.jdbc;

import java.sql.SQLIntegrityConstraintViolationException;

/** SQLITE_CONSTRAINT and its extended codes: UNIQUE, NOT NULL, FOREIGN KEY, CHECK... */
public class SqliteConstraintException extends SQLIntegrityConstraintViolationException implements SqliteError {
    private final int extendedCode;

    public SqliteConstraintException(String message, String sqlState, int extendedCode, Throwable cause) {
        super(message, sqlState, extendedCode & 0xff, cause);
        this.extendedCode = extendedCode;
    }

    @Override
    public int getExtendedErrorCode() {
        return extendedCode;
    }
}
