package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.ColumnMetadata;
import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.ValueType;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * A JDBC statement. {@link #execute(String)} runs SQL holding several statements the way a
 * script runs: statements without result rows run at once, each one's update count queued; the
 * first statement with result columns becomes the current result set, and what follows it runs
 * when {@link #getMoreResults()} moves past it.
 */
public class SqliteStatement implements Statement, SelfWrapper {
    private static final String[] KEY_LABELS = {"last_insert_rowid()"};

    final SqliteConnection connection;
    final Database database;
    final Object lock;
    /** Results not yet consumed, current first: Long update counts and StatementResultSets. */
    private final ArrayDeque<Object> results = new ArrayDeque<>();
    /** The statement whose SQL tail is still to run after the current result set, or null. */
    private dev.sqlitejvm.runtime.Statement continuation;
    private final List<String> batch = new ArrayList<>();
    private String[] keyLabels = KEY_LABELS;
    private final List<Object[]> generatedKeys = new ArrayList<>();
    private boolean closed;
    private boolean closeOnCompletion;
    private boolean poolable;
    private long maxRows;
    private int maxFieldSize;
    private int fetchSize;
    private int queryTimeout;
    private volatile boolean timedOut;
    /** Set while the statement itself closes its results, which must not trigger closeOnCompletion. */
    private boolean closingResults;

    SqliteStatement(SqliteConnection connection) {
        this.connection = connection;
        this.database = connection.database();
        this.lock = connection.lock;
        connection.register(this);
    }

    // ---- execution machinery shared with PreparedStatement ----

    void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("Statement");
        }
        connection.checkOpen();
    }

    /** Closes the results of the previous execution and forgets its keys. Caller holds the lock. */
    void startExecution() throws SQLException {
        checkOpen();
        closeResults();
        generatedKeys.clear();
        keyLabels = KEY_LABELS;
        timedOut = false;
    }

    private void closeResults() throws SQLException {
        Object head;
        continuation = null;
        closingResults = true;
        try {
            while ((head = results.pollFirst()) != null) {
                if (head instanceof StatementResultSet) {
                    ((StatementResultSet) head).close();
                }
            }
        } finally {
            closingResults = false;
        }
    }

    /** Steps a statement, translating its failure. Caller holds the lock or is a result set. */
    boolean step(dev.sqlitejvm.runtime.Statement statement) throws SQLException {
        synchronized (lock) {
            try {
                return statement.step();
            } catch (SqliteException e) {
                throw timedOut ? Errors.fromTimedOut(e) : Errors.from(e);
            } catch (RuntimeException e) {
                throw Errors.fromCallback(e);
            }
        }
    }

    @FunctionalInterface
    interface Execution<T> {
        T run() throws SQLException;
    }

    /** Runs {@code body} under this statement's query timeout, if one is set. */
    <T> T withTimeout(Execution<T> body) throws SQLException {
        int seconds = queryTimeout;
        ScheduledFuture<?> timer = seconds <= 0 ? null : QueryTimer.schedule(() -> {
            timedOut = true;
            database.interrupt();
        }, seconds);
        try {
            return body.run();
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    dev.sqlitejvm.runtime.Statement prepare(String sql) throws SQLException {
        try {
            return database.prepare(sql);
        } catch (SqliteException e) {
            throw Errors.from(e);
        }
    }

    static dev.sqlitejvm.runtime.Statement prepareNext(dev.sqlitejvm.runtime.Statement statement) throws SQLException {
        try {
            return statement.prepareNext();
        } catch (SqliteException e) {
            throw Errors.from(e);
        }
    }

    static int columnCount(dev.sqlitejvm.runtime.Statement statement) throws SQLException {
        try {
            return statement.columnCount();
        } catch (SqliteException e) {
            throw Errors.from(e);
        }
    }

    /**
     * Runs a statement to its end and returns its update count: the rows its INSERT, UPDATE or
     * DELETE changed (not counting triggers), 0 for anything else. Rows of a RETURNING clause
     * become the generated keys; an INSERT without one records last_insert_rowid.
     */
    long runUpdate(dev.sqlitejvm.runtime.Statement statement, String sql) throws SQLException {
        try {
            connection.beginIfNeeded();
            long before = database.totalChanges();
            int columns = statement.columnCount();
            boolean returning = columns > 0 && !statement.isReadOnly();
            if (returning && keyLabels == KEY_LABELS) { // batches append rows from every execution
                generatedKeys.clear();
                keyLabels = new String[columns];
                for (int i = 0; i < columns; i++) {
                    keyLabels[i] = statement.columnName(i);
                }
            }
            while (step(statement)) {
                if (returning) {
                    generatedKeys.add(readRow(statement, columns));
                }
            }
            long count = database.totalChanges() == before ? 0 : database.changes();
            if (!returning && count > 0 && connection.config().generatedKeys()
                    && SqlText.isInsert(sql != null ? sql : statement.sql())) {
                if (keyLabels != KEY_LABELS) {
                    generatedKeys.clear();
                    keyLabels = KEY_LABELS;
                }
                generatedKeys.add(new Object[] {database.lastInsertRowid()});
            }
            return count;
        } catch (SqliteException e) {
            throw Errors.from(e);
        }
    }

    private static Object[] readRow(dev.sqlitejvm.runtime.Statement statement, int columns) throws SqliteException {
        Object[] row = new Object[columns];
        for (int i = 0; i < columns; i++) {
            switch (statement.columnType(i)) {
                case INTEGER:
                    row[i] = statement.columnLong(i);
                    break;
                case FLOAT:
                    row[i] = statement.columnDouble(i);
                    break;
                case TEXT:
                    row[i] = statement.columnText(i);
                    break;
                case BLOB:
                    row[i] = statement.columnBlob(i);
                    break;
                default:
                    row[i] = null;
            }
        }
        return row;
    }

    /** Runs a query's first step and makes its result set current. Caller holds the lock. */
    StatementResultSet openResultSet(dev.sqlitejvm.runtime.Statement statement, boolean owned) throws SQLException {
        connection.beginIfNeeded();
        boolean hasRow = step(statement);
        StatementResultSet resultSet = new StatementResultSet(this, statement, hasRow, owned, maxRows);
        results.add(resultSet);
        return resultSet;
    }

    void addUpdateCount(long count) {
        results.add(count);
    }

    /** Runs {@code statement} and those after it, up to the first that returns rows. */
    private boolean runScript(dev.sqlitejvm.runtime.Statement first) throws SQLException {
        dev.sqlitejvm.runtime.Statement statement = first;
        while (statement != null) {
            if (columnCount(statement) > 0) {
                try {
                    openResultSet(statement, true);
                } catch (SQLException e) {
                    closeQuietly(statement);
                    throw e;
                }
                String tail = statement.tail();
                continuation = SqlText.skipSpaceAndComments(tail, 0) < tail.length() ? statement : null;
                break;
            }
            dev.sqlitejvm.runtime.Statement next;
            try {
                results.add(runUpdate(statement, null));
                next = prepareNext(statement);
            } finally {
                closeQuietly(statement);
            }
            statement = next;
        }
        return results.peekFirst() instanceof ResultSet;
    }

    static void closeQuietly(dev.sqlitejvm.runtime.Statement statement) {
        try {
            statement.close();
        } catch (SqliteException ignored) {
            // finalize repeats the statement's last error, already reported
        }
    }

    /** Called by a result set when it closes. */
    void resultSetClosed(StatementResultSet resultSet) throws SQLException {
        results.remove(resultSet);
        if (closeOnCompletion && !closed && !closingResults && continuation == null && !(results.peekFirst() instanceof ResultSet)) {
            close();
        }
    }

    /** Called by a result set after its last row. */
    void resultSetExhausted(StatementResultSet resultSet) {
        // rows are read lazily; nothing to do until the result set closes
    }

    /** Column descriptions for result set metadata. */
    ColumnInfo[] describeColumns(dev.sqlitejvm.runtime.Statement statement, boolean noRow) throws SQLException {
        synchronized (lock) {
            try {
                int count = statement.columnCount();
                ColumnInfo[] columns = new ColumnInfo[count];
                for (int i = 0; i < count; i++) {
                    String table = statement.columnTableName(i);
                    String origin = statement.columnOriginName(i);
                    String schema = statement.columnDatabaseName(i);
                    String declared = statement.columnDeclaredType(i);
                    ValueType value = noRow || statement.isClosed() ? null : statement.columnType(i);
                    int nullable = ResultSetMetaData.columnNullableUnknown;
                    boolean autoIncrement = false;
                    if (table != null && origin != null) {
                        ColumnMetadata column = database.columnMetadata(schema, table, origin);
                        if (column != null) {
                            nullable = column.notNull ? ResultSetMetaData.columnNoNulls : ResultSetMetaData.columnNullable;
                            autoIncrement = column.autoIncrement;
                        }
                    }
                    columns[i] = new ColumnInfo(statement.columnName(i), origin, table, schema, declared, value,
                            nullable, autoIncrement);
                }
                return columns;
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }

    // ---- Statement ----

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        synchronized (lock) {
            boolean isResultSet = execute(sql);
            while (!isResultSet && (!results.isEmpty() || continuation != null)) {
                isResultSet = getMoreResults();
            }
            if (!isResultSet) {
                throw new SQLException("query does not return ResultSet", "SQLITE_DONE", 101);
            }
            return getResultSet();
        }
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        synchronized (lock) {
            startExecution();
            if (ExtendedCommand.runIfOne(connection, sql)) {
                results.add(0L);
                return false;
            }
            dev.sqlitejvm.runtime.Statement first = prepare(sql);
            return withTimeout(() -> runScript(first));
        }
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        synchronized (lock) {
            startExecution();
            if (ExtendedCommand.runIfOne(connection, sql)) {
                results.add(0L);
                return 0;
            }
            long total = withTimeout(() -> runAll(prepare(sql)));
            results.add(total);
            return total;
        }
    }

    /** Runs every statement of a script to its end; the sum of their update counts. */
    private long runAll(dev.sqlitejvm.runtime.Statement first) throws SQLException {
        long total = 0;
        dev.sqlitejvm.runtime.Statement statement = first;
        while (statement != null) {
            dev.sqlitejvm.runtime.Statement next;
            try {
                total += runUpdate(statement, null);
                next = prepareNext(statement);
            } finally {
                closeQuietly(statement);
            }
            statement = next;
        }
        return total;
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return executeUpdate(SqlText.withReturning(sql, columnNames));
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return executeLargeUpdate(SqlText.withReturning(sql, columnNames));
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return execute(sql);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        Object head = results.peekFirst();
        return head instanceof ResultSet ? (ResultSet) head : null;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        long count = getLargeUpdateCount();
        return count > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) count;
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        Object head = results.peekFirst();
        return head instanceof Long ? (Long) head : -1;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        synchronized (lock) {
            checkOpen();
            Object head = results.pollFirst();
            if (head instanceof StatementResultSet && current != KEEP_CURRENT_RESULT) {
                ((StatementResultSet) head).close();
            }
            if (results.isEmpty() && continuation != null) {
                dev.sqlitejvm.runtime.Statement next = prepareNext(continuation);
                continuation = null;
                return withTimeout(() -> runScript(next));
            }
            return results.peekFirst() instanceof ResultSet;
        }
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        return new ListResultSet(keyLabels, new ArrayList<>(generatedKeys), connection.dates(), this);
    }

    // ---- batches ----

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] narrow = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            narrow[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
        }
        return narrow;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        synchronized (lock) {
            startExecution();
            long[] counts = new long[batch.size()];
            try {
                for (int i = 0; i < counts.length; i++) {
                    String sql = batch.get(i);
                    try {
                        counts[i] = withTimeout(() -> runAll(prepare(sql)));
                    } catch (SQLException e) {
                        throw batchFailure(e, java.util.Arrays.copyOf(counts, i));
                    }
                }
                return counts;
            } finally {
                batch.clear();
            }
        }
    }

    static BatchUpdateException batchFailure(SQLException cause, long[] done) {
        return new BatchUpdateException(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), done, cause);
    }

    // ---- settings ----

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return maxFieldSize;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        maxFieldSize = Errors.nonNegative("max field size", max);
    }

    @Override
    public int getMaxRows() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, getLargeMaxRows());
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        maxRows = Errors.nonNegative("max rows", max);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen(); // SQLite has no JDBC escape syntax to process
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        queryTimeout = Errors.nonNegative("query timeout", seconds);
    }

    /** Interrupts whatever this statement's connection is running; safe from any thread. */
    @Override
    public void cancel() throws SQLException {
        checkOpen();
        database.interrupt();
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
    public void setCursorName(String name) throws SQLException {
        checkOpen(); // no positioned updates in SQLite: a no-op, as JDBC allows
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new SQLException("SQLite only supports FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        fetchSize = Errors.nonNegative("fetch size", rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public void setPoolable(boolean value) throws SQLException {
        checkOpen();
        poolable = value;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    // ---- lifecycle ----

    @Override
    public void close() throws SQLException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                closeResults();
                closeOwnResources();
            } finally {
                connection.forget(this);
            }
        }
    }

    /** Releases what a subclass holds beyond results (a prepared statement). */
    void closeOwnResources() throws SQLException {
    }

    @Override
    public boolean isClosed() {
        return closed;
    }
}
