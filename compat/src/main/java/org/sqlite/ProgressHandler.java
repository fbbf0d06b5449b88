package org.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Called every {@code vmCalls} virtual-machine steps of a running statement
 * (sqlite3_progress_handler); {@link #progress()} returns non-zero to interrupt it.
 */
public abstract class ProgressHandler {
    public static final void setHandler(Connection conn, int vmCalls, ProgressHandler progressHandler)
            throws SQLException {
        SQLiteConnection connection = SQLiteConnection.of(conn);
        if (progressHandler == null) {
            connection.extensions().setProgressHandler(0, null);
            return;
        }
        connection.extensions().setProgressHandler(vmCalls, () -> {
            try {
                return progressHandler.progress() != 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    public static final void clearHandler(Connection conn) throws SQLException {
        SQLiteConnection.of(conn).extensions().setProgressHandler(0, null);
    }

    protected abstract int progress() throws SQLException;
}
