package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.ResultCodes;
import dev.sqlitejvm.runtime.SqliteException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** Builds the driver's exceptions: the JDBC class that fits the code, in xerial's message form. */
final class Errors {
    private Errors() {
    }

    /** Translates a runtime failure. */
    static SQLException from(SqliteException e) {
        return of(e.extendedCode(), sqliteMessage(e), e);
    }

    /**
     * SQLite's own message. The runtime appends the VFS's explanation of a lock conflict
     * ("database is locked (x.db is locked)"); xerial users match on the plain text, so the
     * explanation stays only in the cause.
     */
    private static String sqliteMessage(SqliteException e) {
        String message = e.getMessage();
        String plain = "database is locked";
        if (e.primaryCode() == ResultCodes.BUSY && message != null && message.startsWith(plain + " (")) {
            return plain;
        }
        return message;
    }

    /** Translates a runtime failure of a statement whose query timeout fired. */
    static SQLException fromTimedOut(SqliteException e) {
        if (e.primaryCode() == ResultCodes.INTERRUPT) {
            return new SqliteTimeoutException(message(e.extendedCode(), "query timeout expired: " + sqliteMessage(e)),
                    "57014", e.extendedCode(), e);
        }
        return from(e);
    }

    /** {@code [SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.x)}. */
    static String message(int extendedCode, String sqliteMessage) {
        SqliteErrorCode code = SqliteErrorCode.of(extendedCode);
        return sqliteMessage == null ? code.toString() : code + " (" + sqliteMessage + ")";
    }

    static SQLException of(int extendedCode, String sqliteMessage, Throwable cause) {
        String message = message(extendedCode, sqliteMessage);
        DriverFlavor flavor = DriverFlavor.installed();
        if (flavor != null) {
            SQLException flavored = flavor.newException(message, sqlState(extendedCode), extendedCode, cause);
            if (flavored != null) {
                return flavored;
            }
        }
        switch (extendedCode & 0xff) {
            case ResultCodes.CONSTRAINT:
                return new SqliteConstraintException(message, "23000", extendedCode, cause);
            case ResultCodes.BUSY:
            case ResultCodes.LOCKED:
                return new SqliteTransientException(message, "40001", extendedCode, cause);
            case ResultCodes.CANTOPEN:
                return new SqliteSqlException(message, "08001", extendedCode, cause);
            case ResultCodes.INTERRUPT:
                return new SqliteSqlException(message, "57014", extendedCode, cause);
            default:
                return new SqliteSqlException(message, null, extendedCode, cause);
        }
    }

    /** The SQLState {@link #of} gives a result code. */
    static String sqlState(int extendedCode) {
        switch (extendedCode & 0xff) {
            case ResultCodes.CONSTRAINT:
                return "23000";
            case ResultCodes.BUSY:
            case ResultCodes.LOCKED:
                return "40001";
            case ResultCodes.CANTOPEN:
                return "08001";
            case ResultCodes.INTERRUPT:
                return "57014";
            default:
                return null;
        }
    }

    /** A misuse of the driver itself (closed object, bad argument): SQLITE_MISUSE-free plain text. */
    static SQLException misuse(String message) {
        return new SQLException(message);
    }

    /** Returns {@code value}, or throws the driver's usual message for a negative setting. */
    static int nonNegative(String what, int value) throws SQLException {
        return (int) nonNegative(what, (long) value);
    }

    static long nonNegative(String what, long value) throws SQLException {
        if (value < 0) {
            throw new SQLException(what + " must be >= 0: " + value);
        }
        return value;
    }

    static SQLException closed(String what) {
        return new SQLException(what + " is closed", "08003");
    }

    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported by SQLite");
    }

    /** A Java exception thrown by user code in a hook, reported as the SQL error it caused. */
    static SQLException fromCallback(RuntimeException e) {
        return new SqliteSqlException(message(ResultCodes.ERROR, "callback failed: " + e.getMessage()),
                null, ResultCodes.ERROR, e);
    }
}
