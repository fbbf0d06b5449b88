package dev.sqlitejvm.runtime;

import java.nio.charset.StandardCharsets;

/**
 * A prepared statement. Parameter and column indexes follow SQLite: parameters from 1, columns
 * from 0. Text crosses the boundary as UTF-8, copied once each way.
 */
public final class Statement implements AutoCloseable {
    private static final int SQLITE_TRANSIENT = -1;

    private final Database database;
    private final WasmSqlite sqlite;
    private final int stmt;
    private final byte[] sql;
    private final int tailOffset;
    private boolean closed;

    Statement(Database database, int stmt, byte[] sql, int tailOffset) {
        this.database = database;
        this.sqlite = database.sqlite;
        this.stmt = stmt;
        this.sql = sql;
        this.tailOffset = tailOffset;
    }

    /** The SQL text after this statement, which may hold further statements (or be blank). */
    public String tail() {
        return new String(sql, tailOffset, sql.length - tailOffset, StandardCharsets.UTF_8);
    }

    int tailOffset() {
        return tailOffset;
    }

    /** Prepares the next statement of the SQL text, or returns {@code null} if none is left. */
    public Statement prepareNext() throws SqliteException {
        return database.prepare(sql, tailOffset);
    }

    // ---- binding ----

    public int parameterCount() throws SqliteException {
        checkOpen();
        return sqlite.callInt(sqlite.fn.bindParameterCount, stmt);
    }

    /** The index of a named parameter such as {@code :name}, or 0 if there is none. */
    public int parameterIndex(String name) throws SqliteException {
        checkOpen();
        int text = sqlite.scratchCString(name.getBytes(StandardCharsets.UTF_8));
        return sqlite.callInt(sqlite.fn.bindParameterIndex, stmt, text);
    }

    /** The name of parameter {@code index} (with its prefix), or {@code null} for a {@code ?}. */
    public String parameterName(int index) throws SqliteException {
        checkOpen();
        return sqlite.readCString(sqlite.callInt(sqlite.fn.bindParameterName, stmt, index));
    }

    public void bindNull(int index) throws SqliteException {
        checkOpen();
        checkBind(sqlite.callInt(sqlite.fn.bindNull, stmt, index));
    }

    public void bindLong(int index, long value) throws SqliteException {
        checkOpen();
        checkBind(sqlite.callInt(sqlite.fn.bindInt64, stmt, index, value));
    }

    public void bindDouble(int index, double value) throws SqliteException {
        checkOpen();
        checkBind(sqlite.callInt(sqlite.fn.bindDouble, stmt, index, Double.doubleToRawLongBits(value)));
    }

    /** Binds text; {@code null} binds SQL NULL. */
    public void bindText(int index, String value) throws SqliteException {
        if (value == null) {
            bindNull(index);
            return;
        }
        checkOpen();
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int data = sqlite.scratch(utf8.length);
        try {
            sqlite.memory().write(data, utf8, 0, utf8.length);
            checkBind(sqlite.callInt(sqlite.fn.bindText, stmt, index, data, utf8.length, SQLITE_TRANSIENT));
        } finally {
            sqlite.release(data);
        }
    }

    /** Binds a blob; {@code null} binds SQL NULL, an empty array a zero-length blob. */
    public void bindBlob(int index, byte[] value) throws SqliteException {
        if (value == null) {
            bindNull(index);
            return;
        }
        checkOpen();
        int data = sqlite.scratch(value.length);
        try {
            sqlite.memory().write(data, value, 0, value.length);
            checkBind(sqlite.callInt(sqlite.fn.bindBlob64, stmt, index, data, value.length, SQLITE_TRANSIENT));
        } finally {
            sqlite.release(data);
        }
    }

    /** Binds a blob of {@code length} zero bytes without building it in Java. */
    public void bindZeroBlob(int index, long length) throws SqliteException {
        checkOpen();
        checkBind(sqlite.callInt(sqlite.fn.bindZeroblob64, stmt, index, length));
    }

    public void clearBindings() throws SqliteException {
        checkOpen();
        sqlite.callInt(sqlite.fn.clearBindings, stmt);
    }

    private void checkBind(int rc) throws SqliteException {
        database.check(rc);
    }

    // ---- execution ----

    /**
     * Runs the statement to its next row.
     *
     * @return {@code true} if a row is ready to read, {@code false} when the statement is done
     */
    public boolean step() throws SqliteException {
        checkOpen();
        database.applyPendingInterrupt();
        int rc = sqlite.callInt(sqlite.fn.step, stmt);
        sqlite.callbacks.rethrowHookFailure();
        if (rc == ResultCodes.ROW) {
            return true;
        }
        if (rc == ResultCodes.DONE) {
            return false;
        }
        throw database.error(rc);
    }

    /** Rewinds the statement so it can run again; bindings stay. */
    public void reset() throws SqliteException {
        checkOpen();
        // reset repeats the error of the last step, which the caller has already seen
        sqlite.callInt(sqlite.fn.reset, stmt);
    }

    public boolean isReadOnly() throws SqliteException {
        checkOpen();
        return sqlite.callInt(sqlite.fn.stmtReadonly, stmt) != 0;
    }

    /** The SQL text of this statement. */
    public String sql() throws SqliteException {
        checkOpen();
        return sqlite.readCString(sqlite.callInt(sqlite.fn.sql, stmt));
    }

    /** The SQL text with bound parameters expanded. */
    public String expandedSql() throws SqliteException {
        checkOpen();
        int text = sqlite.callInt(sqlite.fn.expandedSql, stmt);
        try {
            return sqlite.readCString(text);
        } finally {
            sqlite.call(sqlite.fn.sqliteFree, text);
        }
    }

    // ---- columns ----

    public int columnCount() throws SqliteException {
        checkOpen();
        return sqlite.callInt(sqlite.fn.columnCount, stmt);
    }

    public String columnName(int column) throws SqliteException {
        checkOpen();
        return sqlite.readCString(sqlite.callInt(sqlite.fn.columnName, stmt, column));
    }

    /** The declared type of a column of a table, or {@code null} for an expression. */
    public String columnDeclaredType(int column) throws SqliteException {
        checkOpen();
        return sqlite.readCString(sqlite.callInt(sqlite.fn.columnDecltype, stmt, column));
    }

    /** The table a result column comes from, or {@code null} for an expression. */
    public String columnTableName(int column) throws SqliteException {
        checkOpen();
        return sqlite.readCString(sqlite.callInt(sqlite.fn.columnTableName, stmt, column));
    }

    /** The table column a result column comes from (its name before any alias), or {@code null}. */
    public String columnOriginName(int column) throws SqliteException {
        checkOpen();
        return sqlite.readCString(sqlite.callInt(sqlite.fn.columnOriginName, stmt, column));
    }

    /** The schema ("main", "temp", an attached name) a result column comes from, or {@code null}. */
    public String columnDatabaseName(int column) throws SqliteException {
        checkOpen();
        return sqlite.readCString(sqlite.callInt(sqlite.fn.columnDatabaseName, stmt, column));
    }

    /** The type of the value in the current row. */
    public ValueType columnType(int column) throws SqliteException {
        checkOpen();
        return ValueType.of(sqlite.callInt(sqlite.fn.columnType, stmt, column));
    }

    public long columnLong(int column) throws SqliteException {
        checkOpen();
        return sqlite.call(sqlite.fn.columnInt64, stmt, column);
    }

    public double columnDouble(int column) throws SqliteException {
        checkOpen();
        return Double.longBitsToDouble(sqlite.call(sqlite.fn.columnDouble, stmt, column));
    }

    /** The value as text; {@code null} for SQL NULL. */
    public String columnText(int column) throws SqliteException {
        checkOpen();
        int text = sqlite.callInt(sqlite.fn.columnText, stmt, column);
        if (text == 0) {
            return null;
        }
        return sqlite.readUtf8(text, sqlite.callInt(sqlite.fn.columnBytes, stmt, column));
    }

    /** The value as a blob; {@code null} for SQL NULL. */
    public byte[] columnBlob(int column) throws SqliteException {
        checkOpen();
        int data = sqlite.callInt(sqlite.fn.columnBlob, stmt, column);
        int length = sqlite.callInt(sqlite.fn.columnBytes, stmt, column);
        if (data == 0) {
            return columnType(column) == ValueType.NULL ? null : new byte[0];
        }
        return sqlite.memory().readBytes(data, length);
    }

    // ---- lifecycle ----

    public boolean isClosed() {
        return closed;
    }

    /** Finalizes the statement. Idempotent. */
    @Override
    public void close() throws SqliteException {
        if (closed) {
            return;
        }
        closed = true;
        database.forget(this);
        if (!database.isClosed()) {
            sqlite.callInt(sqlite.fn.finalizeStmt, stmt);
        }
    }

    private void checkOpen() throws SqliteException {
        if (closed) {
            throw new SqliteException(ResultCodes.MISUSE, "statement is closed");
        }
        database.checkOpen();
    }
}
