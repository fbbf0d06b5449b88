package org.sqlite;

import dev.sqlitejvm.jdbc.ConnectionProperty;
import dev.sqlitejvm.jdbc.SqliteConnection;
import dev.sqlitejvm.jdbc.TransactionListener;
import dev.sqlitejvm.runtime.Hooks;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * xerial's connection class. With this module on the class path, every connection the driver
 * opens (through {@link JDBC}, the sqlite-jvm driver, or either data source) is one, so both
 * {@code conn.unwrap(SQLiteConnection.class)} and a plain cast work. Everything else the driver
 * offers stays reachable through {@link #extensions()}.
 */
public class SQLiteConnection extends SqliteConnection {
    private final Map<SQLiteUpdateListener, Hooks.UpdateListener> updateListeners = new IdentityHashMap<>();
    private final Map<SQLiteCommitListener, TransactionListener> commitListeners = new IdentityHashMap<>();
    private final String url;
    private final SQLiteConfig.TransactionMode transactionMode;
    private volatile int busyTimeout;

    SQLiteConnection(SqliteConnection.Opened opened) throws SQLException {
        super(opened);
        this.url = opened.url();
        this.transactionMode = SQLiteConfig.TransactionMode.getMode(opened.config().get(ConnectionProperty.TRANSACTION_MODE));
        this.busyTimeout = Integer.parseInt(opened.config().get(ConnectionProperty.BUSY_TIMEOUT));
    }

    /** The JDBC URL this connection was opened with. */
    public String url() {
        return url;
    }

    /** The SQLite library version, {@code 3.54.1}. */
    public String libversion() throws SQLException {
        return extensions().libVersion();
    }

    public int getBusyTimeout() {
        return busyTimeout;
    }

    /** Milliseconds to keep retrying while another connection holds a lock; replaces any busy handler. */
    public void setBusyTimeout(int timeoutMillis) throws SQLException {
        extensions().setBusyTimeout(timeoutMillis);
        busyTimeout = timeoutMillis;
    }

    /** The transaction mode {@code BEGIN} uses when auto-commit is off (fixed when the connection opens). */
    public SQLiteConfig.TransactionMode getCurrentTransactionMode() {
        return transactionMode;
    }

    public void setLimit(SQLiteLimits limit, int value) throws SQLException {
        extensions().limit(limit.limit, value);
    }

    public int getLimit(SQLiteLimits limit) throws SQLException {
        return extensions().limit(limit.limit, -1);
    }

    /** The database {@code schema} ("main" usually) as the bytes of a database file. */
    public byte[] serialize(String schema) throws SQLException {
        return extensions().serialize(schema);
    }

    /** Replaces {@code schema} with an in-memory database holding {@code image}. */
    public void deserialize(String schema, byte[] image) throws SQLException {
        extensions().deserialize(schema, image);
    }

    public void addUpdateListener(SQLiteUpdateListener listener) throws SQLException {
        Hooks.UpdateListener adapter = (operation, schema, table, rowid) ->
                listener.onUpdate(updateType(operation), schema, table, rowid);
        synchronized (updateListeners) {
            if (updateListeners.putIfAbsent(listener, adapter) != null) {
                return;
            }
        }
        extensions().addUpdateListener(adapter);
    }

    public void removeUpdateListener(SQLiteUpdateListener listener) throws SQLException {
        Hooks.UpdateListener adapter;
        synchronized (updateListeners) {
            adapter = updateListeners.remove(listener);
        }
        if (adapter != null) {
            extensions().removeUpdateListener(adapter);
        }
    }

    private static SQLiteUpdateListener.Type updateType(int operation) {
        switch (operation) {
            case 9:
                return SQLiteUpdateListener.Type.DELETE;
            case 18:
                return SQLiteUpdateListener.Type.INSERT;
            default:
                return SQLiteUpdateListener.Type.UPDATE;
        }
    }

    public void addCommitListener(SQLiteCommitListener listener) throws SQLException {
        TransactionListener adapter = new TransactionListener() {
            @Override
            public void onCommit() {
                listener.onCommit();
            }

            @Override
            public void onRollback() {
                listener.onRollback();
            }
        };
        synchronized (commitListeners) {
            if (commitListeners.putIfAbsent(listener, adapter) != null) {
                return;
            }
        }
        extensions().addTransactionListener(adapter);
    }

    public void removeCommitListener(SQLiteCommitListener listener) throws SQLException {
        TransactionListener adapter;
        synchronized (commitListeners) {
            adapter = commitListeners.remove(listener);
        }
        if (adapter != null) {
            extensions().removeTransactionListener(adapter);
        }
    }

    /** This connection's sqlite-jvm connection: itself. */
    static SQLiteConnection of(java.sql.Connection conn) throws SQLException {
        if (conn == null) {
            throw new SQLException("connection is null");
        }
        if (conn instanceof SQLiteConnection) {
            return (SQLiteConnection) conn;
        }
        if (conn.isWrapperFor(SQLiteConnection.class)) {
            return conn.unwrap(SQLiteConnection.class);
        }
        throw new SQLException("connection must be to an SQLite db");
    }
}
