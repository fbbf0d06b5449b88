package org.sqlite;

import dev.sqlitejvm.jdbc.DriverFlavor;
import dev.sqlitejvm.jdbc.SqliteConnection;
import java.sql.SQLException;

/**
 * Makes the sqlite-jvm driver behave like xerial's when this module is on the class path: every
 * connection is an {@link SQLiteConnection}, and every SQLite error an {@link SQLiteException}.
 * Registered as a {@link DriverFlavor} service; not for direct use.
 */
public final class XerialFlavor implements DriverFlavor {
    @Override
    public SqliteConnection newConnection(SqliteConnection.Opened opened) throws SQLException {
        return new SQLiteConnection(opened);
    }

    @Override
    public SQLException newException(String message, String sqlState, int extendedCode, Throwable cause) {
        return new SQLiteException(message, sqlState, extendedCode, cause);
    }
}
