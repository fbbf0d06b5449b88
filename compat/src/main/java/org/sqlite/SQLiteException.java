package org.sqlite;

import java.sql.SQLException;

/**
 * xerial's exception for a SQLite result code. With this module on the class path every error
 * the driver raises for a result code is a {@code SQLiteException}: {@link #getErrorCode()} is
 * the primary code, {@link #getResultCode()} the extended one as a constant. The SQLState is set
 * where it says something (23000 constraint, 40001 busy/locked, 08001 cannot open, 57014 interrupted),
 * so frameworks that translate by SQLState still classify the error.
 */
public class SQLiteException extends SQLException {
    private static final long serialVersionUID = 1L;

    private final SQLiteErrorCode resultCode;
    private final int extendedCode;

    public SQLiteException(String message, SQLiteErrorCode resultCode) {
        super(message, null, resultCode.code & 0xff);
        this.resultCode = resultCode;
        this.extendedCode = resultCode.code;
    }

    SQLiteException(String message, String sqlState, int extendedCode, Throwable cause) {
        super(message, sqlState, extendedCode & 0xff, cause);
        this.resultCode = SQLiteErrorCode.getErrorCode(extendedCode);
        this.extendedCode = extendedCode;
    }

    /** The result code, extended where SQLite gave one (SQLITE_CONSTRAINT_UNIQUE rather than SQLITE_CONSTRAINT). */
    public SQLiteErrorCode getResultCode() {
        return resultCode;
    }

    /** SQLite's extended result code as a number. */
    public int getExtendedErrorCode() {
        return extendedCode;
    }
}
