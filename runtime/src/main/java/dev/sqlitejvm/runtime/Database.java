package dev.sqlitejvm.runtime;

import dev.sqlitejvm.vfs.MemoryVfs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A SQLite database connection: one wasm instance of SQLite with its own memory. Use it from one
 * thread at a time; open as many as needed for parallel work. {@link #interrupt()} is the one
 * method that any thread may call.
 */
public final class Database implements AutoCloseable {
    /** Virtual-machine steps between checks for {@link #interrupt()}. */
    private static final int INTERRUPT_CHECK_STEPS = 1000;

    final WasmSqlite sqlite;
    final int db;
    private final String filename;
    private final Set<Statement> statements = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile boolean interruptPending;
    private boolean closed;

    private Database(WasmSqlite sqlite, int db, String filename) {
        this.sqlite = sqlite;
        this.db = db;
        this.filename = filename;
    }

    /**
     * Opens (creating if needed) a database file, {@code :memory:}, or a {@code file:} URI.
     * {@code file:NAME?mode=memory&cache=shared} is an in-memory database shared by every
     * connection of this JVM that opens NAME, freed when the last one closes.
     */
    public static Database open(String filename) throws SqliteException {
        return open(filename, OpenOptions.defaults());
    }

    public static Database open(String filename, OpenOptions options) throws SqliteException {
        String sqliteName = filename;
        SharedMemoryUri sharedMemory = SharedMemoryUri.parse(filename);
        if (sharedMemory != null) {
            sqliteName = sharedMemory.uri;
            options = options.withVfs(MemoryVfs.named(sharedMemory.name));
        }
        WasmSqlite sqlite = new WasmSqlite(options.vfs(), options.memoryLimitPages());
        int db;
        try {
            int name = sqlite.scratchCString(sqliteName.getBytes(StandardCharsets.UTF_8));
            db = sqlite.callInt(sqlite.fn.open, name, options.flags());
            int rc = sqlite.callInt(sqlite.fn.lastRc);
            if (rc != ResultCodes.OK) {
                String message = db == 0 ? "out of memory" : sqlite.readCString(sqlite.callInt(sqlite.fn.errmsg, db));
                int code = db == 0 ? rc : sqlite.callInt(sqlite.fn.extendedErrcode, db);
                if (db != 0) {
                    sqlite.call(sqlite.fn.closeV2, db);
                }
                throw new SqliteException(code, withVfsDetail(sqlite, message, code) + " [" + filename + "]");
            }
        } catch (SqliteException e) {
            sqlite.discard();
            throw e;
        }
        Database database = new Database(sqlite, db, filename);
        database.installInterruptCheck();
        return database;
    }

    private void installInterruptCheck() throws SqliteException {
        int id = sqlite.callbacks.register((Callbacks.ProgressCallback) this::applyPendingInterrupt);
        sqlite.call(sqlite.fn.progressHandler, db, INTERRUPT_CHECK_STEPS, id);
    }

    // ---- statements ----

    /**
     * Prepares the first statement in {@code sql}; {@link Statement#tail()} is the rest.
     *
     * @return the statement, or {@code null} when {@code sql} holds only white space and comments
     */
    public Statement prepare(String sql) throws SqliteException {
        return prepare(sql.getBytes(StandardCharsets.UTF_8), 0);
    }

    Statement prepare(byte[] sql, int offset) throws SqliteException {
        checkOpen();
        int length = sql.length - offset;
        int text = sqlite.scratch(length + 1);
        try {
            sqlite.memory().write(text, sql, offset, length);
            sqlite.memory().writeByte(text + length, (byte) 0);
            int stmt = sqlite.callInt(sqlite.fn.prepare, db, text, length + 1, 0);
            int rc = sqlite.callInt(sqlite.fn.lastRc);
            int consumed = sqlite.callInt(sqlite.fn.lastTail);
            if (rc != ResultCodes.OK) {
                throw error(rc);
            }
            if (stmt == 0) {
                return null;
            }
            Statement statement = new Statement(this, stmt, sql, offset + Math.min(consumed, length));
            statements.add(statement);
            return statement;
        } finally {
            sqlite.release(text);
        }
    }

    /** Runs every statement in {@code sql}, discarding rows. */
    public void exec(String sql) throws SqliteException {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        int offset = 0;
        while (offset < text.length) {
            try (Statement statement = prepare(text, offset)) {
                if (statement == null) {
                    return;
                }
                while (statement.step()) {
                    // rows are not wanted
                }
                offset = statement.tailOffset();
            }
        }
    }

    void forget(Statement statement) {
        statements.remove(statement);
    }

    /** Statements prepared and not yet closed. */
    public int openStatementCount() {
        return statements.size();
    }

    // ---- connection state ----

    public long changes() throws SqliteException {
        checkOpen();
        return sqlite.call(sqlite.fn.changes64, db);
    }

    public long totalChanges() throws SqliteException {
        checkOpen();
        return sqlite.call(sqlite.fn.totalChanges64, db);
    }

    public long lastInsertRowid() throws SqliteException {
        checkOpen();
        return sqlite.call(sqlite.fn.lastInsertRowid, db);
    }

    public boolean isAutocommit() throws SqliteException {
        checkOpen();
        return sqlite.callInt(sqlite.fn.getAutocommit, db) != 0;
    }

    /** Sets the busy timeout: how long to retry, sleeping, while another connection holds a lock. */
    public void busyTimeout(int millis) throws SqliteException {
        checkOpen();
        check(sqlite.callInt(sqlite.fn.busyTimeout, db, millis));
    }

    /** {@code sqlite3_limit}: sets a run-time limit (a negative value only reads it); returns the old value. */
    public int limit(Limit limit, int newValue) throws SqliteException {
        checkOpen();
        return sqlite.callInt(sqlite.fn.limit, db, limit.id(), newValue);
    }

    /**
     * Stops the statement running on this connection as soon as possible; it fails with
     * SQLITE_INTERRUPT. Safe to call from any thread. Like {@code sqlite3_interrupt}, it has no
     * effect on statements started after all running statements have finished.
     */
    public void interrupt() {
        interruptPending = true;
    }

    /** Runs on the connection's thread, in the progress callback or before a step. */
    boolean applyPendingInterrupt() {
        if (!interruptPending) {
            return false;
        }
        interruptPending = false;
        try {
            sqlite.call(sqlite.fn.interrupt, db);
        } catch (SqliteException e) {
            // interrupt cannot fail; if the instance is gone, so is the statement
        }
        return true;
    }

    /** The file name of a schema ("main", "temp", an attached name); empty for in-memory. */
    public String filename(String schema) throws SqliteException {
        checkOpen();
        int name = sqlite.scratchCString(schema.getBytes(StandardCharsets.UTF_8));
        return sqlite.readCString(sqlite.callInt(sqlite.fn.dbFilename, db, name));
    }

    public String libVersion() throws SqliteException {
        return sqlite.readCString(sqlite.callInt(sqlite.fn.libversion));
    }

    public String sourceId() throws SqliteException {
        return sqlite.readCString(sqlite.callInt(sqlite.fn.sourceid));
    }

    /** The compile-time options of this build, as {@code PRAGMA compile_options} lists them. */
    public List<String> compileOptions() throws SqliteException {
        int count = sqlite.callInt(sqlite.fn.compileOptionCount);
        List<String> options = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            options.add(sqlite.readCString(sqlite.callInt(sqlite.fn.compileoptionGet, i)));
        }
        return options;
    }

    /** SQLite's most recent error message on this connection. */
    public String errorMessage() throws SqliteException {
        checkOpen();
        return sqlite.readCString(sqlite.callInt(sqlite.fn.errmsg, db));
    }

    /** The original open name. */
    public String name() {
        return filename;
    }

    /** Files this connection's SQLite holds open (database, journal, WAL, temporary). */
    public int openFileCount() {
        return sqlite.files.count();
    }

    /** Bytes of wasm linear memory this connection occupies. */
    public long memorySize() {
        return (long) sqlite.memory().pages() * WasmSqlite.PAGE_SIZE;
    }

    // ---- sessions ----

    /** Starts recording changes to every table of {@code schema} ("main" usually). */
    public Session createSession(String schema) throws SqliteException {
        checkOpen();
        int name = sqlite.scratchCString(schema.getBytes(StandardCharsets.UTF_8));
        int session = sqlite.callInt(sqlite.fn.sessionCreate, db, name);
        int rc = sqlite.callInt(sqlite.fn.lastRc);
        if (rc != ResultCodes.OK) {
            if (session != 0) {
                sqlite.call(sqlite.fn.sessionDelete, session);
            }
            throw error(rc);
        }
        return new Session(this, session);
    }

    /** Applies a changeset (from {@link Session#changeset()}); every conflict gets {@code onConflict}. */
    public void applyChangeset(byte[] changeset, ConflictAction onConflict) throws SqliteException {
        checkOpen();
        int data = sqlite.malloc(changeset.length);
        try {
            sqlite.memory().write(data, changeset);
            check(sqlite.callInt(sqlite.fn.changesetApply, db, changeset.length, data, onConflict.code()));
        } finally {
            sqlite.call(sqlite.fn.free, data);
        }
    }

    // ---- lifecycle and errors ----

    public boolean isClosed() {
        return closed;
    }

    /** Closes every statement still open, then the connection. Idempotent. */
    @Override
    public void close() throws SqliteException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!sqlite.isPoisoned()) {
                for (Statement statement : new ArrayList<>(statements)) {
                    statement.close();
                }
                sqlite.call(sqlite.fn.closeV2, db);
            }
        } finally {
            statements.clear();
            sqlite.discard();
        }
    }

    void checkOpen() throws SqliteException {
        if (closed) {
            throw new SqliteException(ResultCodes.MISUSE, "database connection is closed");
        }
        if (sqlite.isPoisoned()) {
            closeAfterFatalError();
            throw new SqliteException(ResultCodes.MISUSE, "database connection was closed after a fatal error");
        }
    }

    void check(int rc) throws SqliteException {
        if (rc != ResultCodes.OK) {
            throw error(rc);
        }
    }

    /** The exception for a failed call that returned {@code rc}, with SQLite's message. */
    SqliteException error(int rc) throws SqliteException {
        int code = sqlite.callInt(sqlite.fn.extendedErrcode, db);
        if (ResultCodes.primary(code) != ResultCodes.primary(rc)) {
            code = rc;
        }
        String message = withVfsDetail(sqlite, sqlite.readCString(sqlite.callInt(sqlite.fn.errmsg, db)), code);
        if (ResultCodes.primary(code) == ResultCodes.NOMEM) {
            // An instance that ran out of memory is not trusted further: close it, report it.
            closeAfterFatalError();
            message += "; the connection was closed";
        }
        return new SqliteException(code, message);
    }

    /** Called when a wasm call failed fatally: the instance is gone, so is every statement. */
    void closeAfterFatalError() {
        closed = true;
        statements.clear();
        sqlite.discard();
    }

    private static String withVfsDetail(WasmSqlite sqlite, String message, int code) {
        String detail = sqlite.takeVfsError();
        int primary = ResultCodes.primary(code);
        boolean fromVfs = primary == ResultCodes.CANTOPEN || primary == ResultCodes.IOERR
                || primary == ResultCodes.FULL || primary == ResultCodes.BUSY;
        return detail != null && fromVfs ? message + " (" + detail + ")" : message;
    }
}
