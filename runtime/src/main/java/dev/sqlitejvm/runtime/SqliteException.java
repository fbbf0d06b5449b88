package dev.sqlitejvm.runtime;

import java.sql.SQLException;

/**
 * A SQLite call failed. {@link #getErrorCode()} is SQLite's primary result code, as JDBC users of
 * SQLite expect; {@link #extendedCode()} is the extended code. The message is SQLite's own.
 */
public class SqliteException extends SQLException {
    private final int extendedCode;

    public SqliteException(int extendedCode, String message) {
        this(extendedCode, message, null);
    }

    public SqliteException(int extendedCode, String message, Throwable cause) {
        super(message, sqlState(extendedCode), ResultCodes.primary(extendedCode), cause);
        this.extendedCode = extendedCode;
    }

    /** SQLite's extended result code, such as 2067 (SQLITE_CONSTRAINT_UNIQUE). */
    public int extendedCode() {
        return extendedCode;
    }

    /** SQLite's primary result code, such as 19 (SQLITE_CONSTRAINT). */
    public int primaryCode() {
        return ResultCodes.primary(extendedCode);
    }

    private static String sqlState(int code) {
        switch (ResultCodes.primary(code)) {
            case ResultCodes.CONSTRAINT:
                return "23000";
            case ResultCodes.BUSY:
            case ResultCodes.LOCKED:
                return "40001";
            case ResultCodes.INTERRUPT:
                return "57014";
            case ResultCodes.CANTOPEN:
                return "08001";
            default:
                return null;
        }
    }
}
