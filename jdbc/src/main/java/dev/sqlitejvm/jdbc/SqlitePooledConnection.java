package dev.sqlitejvm.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A physical connection kept by a pool; it hands out one logical handle at a time. */
public final class SqlitePooledConnection implements PooledConnection {
    private final SqliteConnection connection;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<StatementEventListener> statementListeners = new CopyOnWriteArrayList<>();
    private PooledConnectionHandle handle;

    SqlitePooledConnection(SqliteConnection connection) {
        this.connection = connection;
    }

    /** A new handle; the previous one, if still open, stops working (as JDBC requires). */
    @Override
    public synchronized Connection getConnection() throws SQLException {
        connection.checkOpen();
        if (handle != null) {
            handle.invalidate();
        }
        handle = new PooledConnectionHandle(this, connection);
        return handle;
    }

    /** The application closed its handle: end any transaction, tell the pool. */
    void handleClosed(PooledConnectionHandle closed) throws SQLException {
        synchronized (this) {
            if (closed != handle) {
                return;
            }
            handle = null;
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            ConnectionEvent event = new ConnectionEvent(this, e);
            for (ConnectionEventListener listener : listeners) {
                listener.connectionErrorOccurred(event);
            }
            throw e;
        }
        ConnectionEvent event = new ConnectionEvent(this);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        if (handle != null) {
            handle.invalidate();
            handle = null;
        }
        connection.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    /** Statement events are optional in JDBC; this driver does not pool statements. */
    @Override
    public void addStatementEventListener(StatementEventListener listener) {
        statementListeners.add(listener);
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
        statementListeners.remove(listener);
    }
}
