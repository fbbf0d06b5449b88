package dev.sqlitejvm.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;

/**
 * The connection a {@link SqlitePooledConnection} hands to the application: every call goes to
 * the physical connection, except {@link #close()}, which gives it back to the pool.
 */
final class PooledConnectionHandle implements Connection {
    private final SqlitePooledConnection owner;
    private final SqliteConnection connection;
    private boolean closed;

    PooledConnectionHandle(SqlitePooledConnection owner, SqliteConnection connection) {
        this.owner = owner;
        this.connection = connection;
    }

    private SqliteConnection physical() throws SQLException {
        if (closed) {
            throw Errors.closed("Connection");
        }
        return connection;
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            owner.handleClosed(this);
        }
    }

    /** The pool closed the physical connection or handed out a new handle. */
    void invalidate() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed || connection.isClosed();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return physical().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || physical().isWrapperFor(type);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        connection.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        connection.setClientInfo(properties);
    }

    @Override
    public void abort(java.util.concurrent.Executor arg0) throws SQLException {
        physical().abort(arg0);
    }

    @Override
    public void clearWarnings() throws SQLException {
        physical().clearWarnings();
    }

    @Override
    public void commit() throws SQLException {
        physical().commit();
    }

    @Override
    public Array createArrayOf(String arg0, Object[] arg1) throws SQLException {
        return physical().createArrayOf(arg0, arg1);
    }

    @Override
    public Blob createBlob() throws SQLException {
        return physical().createBlob();
    }

    @Override
    public Clob createClob() throws SQLException {
        return physical().createClob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return physical().createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return physical().createSQLXML();
    }

    @Override
    public Statement createStatement() throws SQLException {
        return physical().createStatement();
    }

    @Override
    public Statement createStatement(int arg0, int arg1) throws SQLException {
        return physical().createStatement(arg0, arg1);
    }

    @Override
    public Statement createStatement(int arg0, int arg1, int arg2) throws SQLException {
        return physical().createStatement(arg0, arg1, arg2);
    }

    @Override
    public Struct createStruct(String arg0, Object[] arg1) throws SQLException {
        return physical().createStruct(arg0, arg1);
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return physical().getAutoCommit();
    }

    @Override
    public String getCatalog() throws SQLException {
        return physical().getCatalog();
    }

    @Override
    public String getClientInfo(String arg0) throws SQLException {
        return physical().getClientInfo(arg0);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return physical().getClientInfo();
    }

    @Override
    public int getHoldability() throws SQLException {
        return physical().getHoldability();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return physical().getMetaData();
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return physical().getNetworkTimeout();
    }

    @Override
    public String getSchema() throws SQLException {
        return physical().getSchema();
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return physical().getTransactionIsolation();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return physical().getTypeMap();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return physical().getWarnings();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return physical().isReadOnly();
    }

    @Override
    public boolean isValid(int arg0) throws SQLException {
        return physical().isValid(arg0);
    }

    @Override
    public String nativeSQL(String arg0) throws SQLException {
        return physical().nativeSQL(arg0);
    }

    @Override
    public CallableStatement prepareCall(String arg0) throws SQLException {
        return physical().prepareCall(arg0);
    }

    @Override
    public CallableStatement prepareCall(String arg0, int arg1, int arg2) throws SQLException {
        return physical().prepareCall(arg0, arg1, arg2);
    }

    @Override
    public CallableStatement prepareCall(String arg0, int arg1, int arg2, int arg3) throws SQLException {
        return physical().prepareCall(arg0, arg1, arg2, arg3);
    }

    @Override
    public PreparedStatement prepareStatement(String arg0) throws SQLException {
        return physical().prepareStatement(arg0);
    }

    @Override
    public PreparedStatement prepareStatement(String arg0, int arg1) throws SQLException {
        return physical().prepareStatement(arg0, arg1);
    }

    @Override
    public PreparedStatement prepareStatement(String arg0, int arg1, int arg2) throws SQLException {
        return physical().prepareStatement(arg0, arg1, arg2);
    }

    @Override
    public PreparedStatement prepareStatement(String arg0, int arg1, int arg2, int arg3) throws SQLException {
        return physical().prepareStatement(arg0, arg1, arg2, arg3);
    }

    @Override
    public PreparedStatement prepareStatement(String arg0, int[] arg1) throws SQLException {
        return physical().prepareStatement(arg0, arg1);
    }

    @Override
    public PreparedStatement prepareStatement(String arg0, String[] arg1) throws SQLException {
        return physical().prepareStatement(arg0, arg1);
    }

    @Override
    public void releaseSavepoint(Savepoint arg0) throws SQLException {
        physical().releaseSavepoint(arg0);
    }

    @Override
    public void rollback() throws SQLException {
        physical().rollback();
    }

    @Override
    public void rollback(Savepoint arg0) throws SQLException {
        physical().rollback(arg0);
    }

    @Override
    public void setAutoCommit(boolean arg0) throws SQLException {
        physical().setAutoCommit(arg0);
    }

    @Override
    public void setCatalog(String arg0) throws SQLException {
        physical().setCatalog(arg0);
    }

    @Override
    public void setHoldability(int arg0) throws SQLException {
        physical().setHoldability(arg0);
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor arg0, int arg1) throws SQLException {
        physical().setNetworkTimeout(arg0, arg1);
    }

    @Override
    public void setReadOnly(boolean arg0) throws SQLException {
        physical().setReadOnly(arg0);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return physical().setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String arg0) throws SQLException {
        return physical().setSavepoint(arg0);
    }

    @Override
    public void setSchema(String arg0) throws SQLException {
        physical().setSchema(arg0);
    }

    @Override
    public void setTransactionIsolation(int arg0) throws SQLException {
        physical().setTransactionIsolation(arg0);
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> arg0) throws SQLException {
        physical().setTypeMap(arg0);
    }
}
