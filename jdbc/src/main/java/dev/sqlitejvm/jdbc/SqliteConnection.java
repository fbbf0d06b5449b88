package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.OpenOptions;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.vfs.OpenFlags;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A JDBC connection to one SQLite database, backed by its own {@link Database} (its own wasm
 * instance). Every use of the database goes through {@link #lock}, so a connection shared by two
 * threads by mistake is serialised rather than corrupted; {@link Statement#cancel()} and query
 * timeouts do not take the lock (they only raise SQLite's interrupt flag).
 *
 * <p>Transactions follow xerial's model: with auto-commit off, a {@code BEGIN} in the configured
 * transaction mode is issued before the first statement that runs outside a transaction.
 *
 * <p>The SQLite-specific API lives in {@link SqliteExtensions}, reachable with
 * {@code connection.unwrap(SqliteConnection.class).extensions()}.
 */
public class SqliteConnection implements Connection {
    final Object lock = new Object();
    private final String url;
    private final Database database;
    private final SqliteConfig config;
    private final DateCodec dates;
    private final String beginSql;
    private final Set<SqliteStatement> statements = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Properties clientInfo = new Properties();
    private final SqliteExtensions extensions;
    private volatile boolean closed;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = TRANSACTION_SERIALIZABLE;
    private int holdability = ResultSet.CLOSE_CURSORS_AT_COMMIT;
    private int networkTimeout;
    private int savepoints;

    SqliteConnection(String url, Database database, SqliteConfig config) throws SQLException {
        this(new Opened(url, database, config));
    }

    /**
     * For a {@link DriverFlavor} that supplies a subclass: builds the connection for a database the
     * driver has opened and configured.
     */
    protected SqliteConnection(Opened opened) throws SQLException {
        this(opened.url, opened.database, opened.config, opened);
    }

    private SqliteConnection(String url, Database database, SqliteConfig config, Opened opened) throws SQLException {
        this.url = url;
        this.database = database;
        this.config = config;
        this.dates = config.dateCodec();
        this.beginSql = "BEGIN " + config.transactionMode();
        this.readOnly = (config.openFlags() & OpenFlags.READONLY) != 0;
        this.extensions = new SqliteExtensions(this);
    }

    /** Opens the database a parsed URL names and applies its properties. */
    static SqliteConnection open(JdbcUrl url) throws SQLException {
        SqliteConfig config = new SqliteConfig(url.properties);
        OpenOptions options = OpenOptions.defaults().flags(config.openFlags() | OpenFlags.URI);
        Database database;
        try {
            database = Database.open(url.filename, options);
        } catch (SqliteException e) {
            throw Errors.from(e);
        }
        try {
            config.applyTo(database);
            Opened opened = new Opened(url.url, database, config);
            DriverFlavor flavor = DriverFlavor.installed();
            SqliteConnection connection = flavor == null ? null : flavor.newConnection(opened);
            return connection != null ? connection : new SqliteConnection(opened);
        } catch (SQLException | RuntimeException e) {
            try {
                database.close();
            } catch (SqliteException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A database the driver has opened and configured, handed to {@link DriverFlavor#newConnection}. */
    public static final class Opened {
        final String url;
        final Database database;
        final SqliteConfig config;

        Opened(String url, Database database, SqliteConfig config) {
            this.url = url;
            this.database = database;
            this.config = config;
        }

        /** The JDBC URL the connection was opened with. */
        public String url() {
            return url;
        }

        /** The connection's validated properties. */
        public SqliteConfig config() {
            return config;
        }
    }

    // ---- for the driver's own classes ----

    Database database() {
        return database;
    }

    SqliteConfig config() {
        return config;
    }

    DateCodec dates() {
        return dates;
    }

    String url() {
        return url;
    }

    /** The SQLite API beyond JDBC: functions, collations, hooks, backup, blobs... */
    public SqliteExtensions extensions() {
        return extensions;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("Connection");
        }
    }

    /** Runs SQL that produces no rows, under the lock. */
    void exec(String sql) throws SQLException {
        synchronized (lock) {
            checkOpen();
            try {
                database.exec(sql);
            } catch (SqliteException e) {
                throw Errors.from(e);
            } catch (RuntimeException e) {
                throw Errors.fromCallback(e);
            }
        }
    }

    /** With auto-commit off, opens the transaction the next statement runs in. Caller holds the lock. */
    void beginIfNeeded() throws SQLException {
        if (autoCommit) {
            return;
        }
        try {
            if (database.isAutocommit()) {
                database.exec(beginSql);
            }
        } catch (SqliteException e) {
            throw Errors.from(e);
        }
    }

    /** Whether SQLite has a transaction open. Caller holds the lock. */
    boolean inTransaction() throws SQLException {
        try {
            return !database.isAutocommit();
        } catch (SqliteException e) {
            throw Errors.from(e);
        }
    }

    void register(SqliteStatement statement) {
        synchronized (lock) {
            statements.add(statement);
        }
    }

    void forget(SqliteStatement statement) {
        synchronized (lock) {
            statements.remove(statement);
        }
    }

    /** JDBC statements created and not yet closed (for leak checks). */
    public int openStatementCount() {
        synchronized (lock) {
            return statements.size();
        }
    }

    // ---- statements ----

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        return createStatement(type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int cursorHoldability) throws SQLException {
        checkOpen();
        checkCursor(type, concurrency, cursorHoldability);
        return new SqliteStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return prepareStatement(sql, type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int cursorHoldability)
            throws SQLException {
        checkOpen();
        checkCursor(type, concurrency, cursorHoldability);
        return new SqlitePreparedStatement(this, sql, null);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        return new SqlitePreparedStatement(this, sql, null);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        checkOpen();
        return new SqlitePreparedStatement(this, sql, null);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        return new SqlitePreparedStatement(this, sql, columnNames);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw Errors.unsupported("CallableStatement");
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        throw Errors.unsupported("CallableStatement");
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int cursorHoldability)
            throws SQLException {
        throw Errors.unsupported("CallableStatement");
    }

    private static void checkCursor(int type, int concurrency, int cursorHoldability) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            throw new SQLException("SQLite only supports TYPE_FORWARD_ONLY cursors");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw new SQLException("SQLite only supports CONCUR_READ_ONLY cursors");
        }
        if (cursorHoldability != ResultSet.CLOSE_CURSORS_AT_COMMIT
                && cursorHoldability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw new SQLException("unknown result set holdability: " + cursorHoldability);
        }
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    // ---- transactions ----

    @Override
    public void setAutoCommit(boolean enabled) throws SQLException {
        synchronized (lock) {
            checkOpen();
            if (enabled == autoCommit) {
                return;
            }
            if (enabled) {
                endTransaction("COMMIT"); // JDBC: switching auto-commit on commits the transaction
            }
            autoCommit = enabled;
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        synchronized (lock) {
            checkOpen();
            if (autoCommit) {
                throw new SQLException("database in auto-commit mode");
            }
            endTransaction("COMMIT");
        }
    }

    @Override
    public void rollback() throws SQLException {
        synchronized (lock) {
            checkOpen();
            if (autoCommit) {
                throw new SQLException("database in auto-commit mode");
            }
            endTransaction("ROLLBACK");
        }
    }

    /** COMMIT or ROLLBACK, if SQLite has a transaction open (SQL may have ended it already). */
    private void endTransaction(String sql) throws SQLException {
        try {
            if (!database.isAutocommit()) {
                database.exec(sql);
            }
        } catch (SqliteException e) {
            throw Errors.from(e);
        } catch (RuntimeException e) {
            throw Errors.fromCallback(e);
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return savepoint(null);
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        if (name == null) {
            throw new SQLException("savepoint name is null");
        }
        return savepoint(name);
    }

    private Savepoint savepoint(String name) throws SQLException {
        synchronized (lock) {
            checkOpen();
            if (autoCommit) {
                throw new SQLException("cannot set a savepoint in auto-commit mode");
            }
            SqliteSavepoint savepoint = new SqliteSavepoint(++savepoints, name);
            beginIfNeeded();
            exec("SAVEPOINT " + savepoint.sqlName());
            return savepoint;
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        synchronized (lock) {
            checkOpen();
            if (autoCommit) {
                throw new SQLException("database in auto-commit mode");
            }
            exec("ROLLBACK TO SAVEPOINT " + sqlName(savepoint));
        }
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        synchronized (lock) {
            checkOpen();
            exec("RELEASE SAVEPOINT " + sqlName(savepoint));
        }
    }

    private static String sqlName(Savepoint savepoint) throws SQLException {
        if (!(savepoint instanceof SqliteSavepoint)) {
            throw new SQLException("not a savepoint of this driver: " + savepoint);
        }
        return ((SqliteSavepoint) savepoint).sqlName();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        switch (level) {
            case TRANSACTION_SERIALIZABLE:
                exec("PRAGMA read_uncommitted = 0");
                break;
            case TRANSACTION_READ_UNCOMMITTED:
                exec("PRAGMA read_uncommitted = 1");
                break;
            default:
                throw new SQLException("SQLite supports only TRANSACTION_SERIALIZABLE and TRANSACTION_READ_UNCOMMITTED.");
        }
        isolation = level;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return isolation;
    }

    /**
     * Without {@code jdbc.explicit_readonly}, the read-only state is fixed when the connection
     * opens (open_mode); with it, this switches SQLite's {@code query_only} pragma.
     */
    @Override
    public void setReadOnly(boolean enabled) throws SQLException {
        synchronized (lock) {
            checkOpen();
            if (enabled == readOnly) {
                return;
            }
            if (!config.explicitReadOnly()) {
                throw new SQLException("Cannot change read-only flag after establishing a connection."
                        + " Use the open_mode property, or set jdbc.explicit_readonly=true.");
            }
            if ((config.openFlags() & OpenFlags.READONLY) != 0 && !enabled) {
                throw new SQLException("the connection was opened read-only (open_mode)");
            }
            if (inTransaction()) {
                throw new SQLException("Cannot change read-only flag inside a transaction");
            }
            exec("PRAGMA query_only = " + (enabled ? 1 : 0));
            readOnly = enabled;
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setHoldability(int value) throws SQLException {
        checkOpen();
        checkCursor(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, value);
        holdability = value;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return holdability;
    }

    // ---- state, metadata, misc ----

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new SqliteDatabaseMetaData(this);
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen(); // SQLite has no catalogs: ignored, as JDBC allows
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen(); // SQLite resolves unqualified names itself: ignored, as JDBC allows
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return new HashMap<>();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public Clob createClob() throws SQLException {
        checkOpen();
        return new StringClob("");
    }

    @Override
    public Blob createBlob() throws SQLException {
        checkOpen();
        return new BytesBlob(new byte[0]);
    }

    @Override
    public NClob createNClob() throws SQLException {
        checkOpen();
        return new StringClob("");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw Errors.unsupported("SQLXML");
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        throw Errors.unsupported("Array");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw Errors.unsupported("Struct");
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        Errors.nonNegative("timeout", timeout);
        if (closed) {
            return false;
        }
        synchronized (lock) {
            try {
                database.isAutocommit(); // a call into the instance: fails if it was poisoned
                return !database.isClosed();
            } catch (SqliteException e) {
                return false;
            }
        }
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("Connection is closed", Map.of(name, ClientInfoStatus.REASON_UNKNOWN));
        }
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("Connection is closed", Map.of());
        }
        clientInfo.clear();
        for (String name : properties.stringPropertyNames()) {
            clientInfo.setProperty(name, properties.getProperty(name));
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    /** SQLite has no network: the value is kept and reported, nothing else. */
    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        networkTimeout = Errors.nonNegative("timeout", milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeout;
    }

    // ---- lifecycle ----

    @Override
    public void close() throws SQLException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            SQLException failure = null;
            for (SqliteStatement statement : new ArrayList<>(statements)) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    failure = e;
                }
            }
            statements.clear();
            try {
                database.close();
            } catch (SqliteException e) {
                failure = Errors.from(e);
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Stops whatever runs now, marks the connection closed, and releases it on {@code executor}. */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw new SQLException("executor is null");
        }
        if (closed) {
            return;
        }
        database.interrupt();
        closed = true;
        executor.execute(() -> {
            synchronized (lock) {
                for (SqliteStatement statement : new ArrayList<>(statements)) {
                    try {
                        statement.close();
                    } catch (SQLException ignored) {
                        // aborting: nothing to report to
                    }
                }
                statements.clear();
                try {
                    database.close();
                } catch (SqliteException ignored) {
                    // aborting: nothing to report to
                }
            }
        });
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type.isInstance(extensions)) {
            return type.cast(extensions);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this) || type.isInstance(extensions);
    }
}
