package org.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Decides whether to keep retrying when a lock is busy, instead of the busy timeout
 * (sqlite3_busy_handler): {@link #callback} returns non-zero to retry, 0 to fail with SQLITE_BUSY.
 */
public abstract class BusyHandler {
    public static void setHandler(Connection conn, BusyHandler busyHandler) throws SQLException {
        SQLiteConnection connection = SQLiteConnection.of(conn);
        if (busyHandler == null) {
            connection.extensions().setBusyHandler(null);
            return;
        }
        connection.extensions().setBusyHandler(attempts -> {
            try {
                return busyHandler.callback(attempts) != 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Removes the handler (and with it any busy timeout). */
    public static void clearHandler(Connection conn) throws SQLException {
        SQLiteConnection.of(conn).extensions().setBusyHandler(null);
    }

    /** @param nbPrevInvok how many times the handler was called for this lock before */
    protected abstract int callback(int nbPrevInvok) throws SQLException;
}
