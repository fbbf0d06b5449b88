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
    private int progressId;
    private Hooks.ProgressHandler progressHandler;
    private int progressSteps;
    private int progressPeriod = INTERRUPT_CHECK_STEPS;
    private int progressStepsSeen;
    private final int[] hookIds = new int[5];
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
        WasmSqlite sqlite = InstancePool.take(options.vfs(), options.memoryLimitPages());
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
        int id = sqlite.callbacks.register((Callbacks.ProgressCallback) this::onProgress);
        sqlite.call(sqlite.fn.progressHandler, db, INTERRUPT_CHECK_STEPS, id);
        progressId = id;
    }

    /** The one progress callback SQLite has: the interrupt check, then the user's handler. */
    private boolean onProgress() {
        if (applyPendingInterrupt()) {
            return true;
        }
        Hooks.ProgressHandler handler = progressHandler;
        if (handler == null) {
            return false;
        }
        progressStepsSeen += progressPeriod;
        if (progressStepsSeen < progressSteps) {
            return false;
        }
        progressStepsSeen = 0;
        return handler.interrupt();
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
        if (!interruptPending && !sqlite.threadInterrupted()) {
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

    /**
     * What the schema declares about a table column, or {@code null} if there is no such column.
     *
     * @param schema "main", "temp", an attached name, or {@code null} to search them all
     */
    public ColumnMetadata columnMetadata(String schema, String table, String column) throws SqliteException {
        checkOpen();
        byte[] schemaBytes = schema == null ? null : schema.getBytes(StandardCharsets.UTF_8);
        byte[] tableBytes = table.getBytes(StandardCharsets.UTF_8);
        byte[] columnBytes = column.getBytes(StandardCharsets.UTF_8);
        int outputs = 20; // char **type, char **collation, int *notNull, int *primaryKey, int *autoinc
        int size = outputs + tableBytes.length + 1 + columnBytes.length + 1
                + (schemaBytes == null ? 0 : schemaBytes.length + 1);
        int block = sqlite.malloc(size);
        try {
            int tablePtr = block + outputs;
            int columnPtr = writeCString(tablePtr, tableBytes);
            int schemaPtr = writeCString(columnPtr, columnBytes);
            if (schemaBytes != null) {
                writeCString(schemaPtr, schemaBytes);
            }
            int rc = sqlite.callInt(sqlite.fn.tableColumnMetadata, db, schemaBytes == null ? 0 : schemaPtr,
                    tablePtr, columnPtr, block, block + 4, block + 8, block + 12, block + 16);
            if (rc != ResultCodes.OK) {
                return null;
            }
            return new ColumnMetadata(sqlite.readCString(sqlite.memory().readInt(block)),
                    sqlite.readCString(sqlite.memory().readInt(block + 4)),
                    sqlite.memory().readInt(block + 8) != 0, sqlite.memory().readInt(block + 12) != 0,
                    sqlite.memory().readInt(block + 16) != 0);
        } finally {
            sqlite.call(sqlite.fn.free, block);
        }
    }

    /** Writes a NUL-terminated string at {@code at}; returns the address after it. */
    private int writeCString(int at, byte[] bytes) {
        sqlite.memory().write(at, bytes, 0, bytes.length);
        sqlite.memory().writeByte(at + bytes.length, (byte) 0);
        return at + bytes.length + 1;
    }

    // ---- user functions, collations, hooks ----

    private static final int SQLITE_UTF8 = 1;

    /** Registers (or replaces) a scalar SQL function; {@code flags} from {@link Functions}. */
    public void createFunction(String name, int argCount, int flags, Functions.Scalar function) throws SqliteException {
        registerFunction(name, argCount, flags, new UserFunction(sqlite, function), 0);
    }

    /** Registers an aggregate function; {@code groups} makes the state object of each group. */
    public void createAggregateFunction(String name, int argCount, int flags,
                                        java.util.function.Supplier<? extends Functions.Aggregate> groups)
            throws SqliteException {
        registerFunction(name, argCount, flags, new UserFunction(sqlite, groups), 1);
    }

    /** Registers an aggregate window function. */
    public void createWindowFunction(String name, int argCount, int flags,
                                     java.util.function.Supplier<? extends Functions.Window> groups)
            throws SqliteException {
        registerFunction(name, argCount, flags, new UserFunction(sqlite, groups), 2);
    }

    private void registerFunction(String name, int argCount, int flags, UserFunction function, int kind)
            throws SqliteException {
        checkOpen();
        int id = sqlite.callbacks.register(function);
        int text = sqlite.scratchCString(name.getBytes(StandardCharsets.UTF_8));
        // on failure SQLite has already called the destructor, which released the id
        check(sqlite.callInt(sqlite.fn.createFunction, db, text, argCount, flags | SQLITE_UTF8, id, kind));
    }

    /** Removes a user function registered with this name and argument count. */
    public void removeFunction(String name, int argCount) throws SqliteException {
        checkOpen();
        int text = sqlite.scratchCString(name.getBytes(StandardCharsets.UTF_8));
        check(sqlite.callInt(sqlite.fn.createFunction, db, text, argCount, SQLITE_UTF8, 0, 3)); // kind 3: remove
    }

    /** Registers (or replaces) a collation; {@code null} removes it. */
    public void createCollation(String name, java.util.Comparator<String> comparator) throws SqliteException {
        checkOpen();
        int id = comparator == null ? 0 : sqlite.callbacks.register((Callbacks.CollationCallback) comparator::compare);
        int text = sqlite.scratchCString(name.getBytes(StandardCharsets.UTF_8));
        check(sqlite.callInt(sqlite.fn.createCollation, db, text, id));
    }

    private int replaceHook(int slot, Object callback) {
        sqlite.callbacks.release(hookIds[slot]);
        int id = callback == null ? 0 : sqlite.callbacks.register(callback);
        hookIds[slot] = id;
        return id;
    }

    /** Calls {@code listener} for every row inserted, updated or deleted; {@code null} removes it. */
    public void setUpdateListener(Hooks.UpdateListener listener) throws SqliteException {
        checkOpen();
        Callbacks.UpdateCallback callback = listener == null ? null : listener::rowChanged;
        sqlite.call(sqlite.fn.updateHook, db, replaceHook(0, callback));
    }

    public void setCommitListener(Hooks.CommitListener listener) throws SqliteException {
        checkOpen();
        Callbacks.CommitCallback callback = listener == null ? null : listener::vetoCommit;
        sqlite.call(sqlite.fn.commitHook, db, replaceHook(1, callback));
    }

    public void setRollbackListener(Runnable listener) throws SqliteException {
        checkOpen();
        sqlite.call(sqlite.fn.rollbackHook, db, replaceHook(2, listener));
    }

    /** Replaces the busy timeout with a handler; {@code null} removes it (busy then fails at once). */
    public void setBusyHandler(Hooks.BusyHandler handler) throws SqliteException {
        checkOpen();
        Callbacks.BusyCallback callback = handler == null ? null : handler::retry;
        check(sqlite.callInt(sqlite.fn.busyHandler, db, replaceHook(3, callback)));
    }

    public void setWalListener(Hooks.WalListener listener) throws SqliteException {
        checkOpen();
        Callbacks.WalCallback callback = listener == null ? null : listener::walCommitted;
        sqlite.call(sqlite.fn.walHook, db, replaceHook(4, callback));
    }

    /**
     * Calls {@code handler} about every {@code steps} virtual-machine steps; {@code null} removes
     * it. Shares SQLite's single progress callback with {@link #interrupt()}.
     */
    public void setProgressHandler(int steps, Hooks.ProgressHandler handler) throws SqliteException {
        checkOpen();
        progressHandler = steps > 0 ? handler : null;
        progressSteps = Math.max(1, steps);
        progressPeriod = progressHandler == null ? INTERRUPT_CHECK_STEPS : Math.min(progressSteps, INTERRUPT_CHECK_STEPS);
        progressStepsSeen = 0;
        sqlite.call(sqlite.fn.progressHandler, db, progressPeriod, progressId);
    }

    // ---- backup, serialization, blobs ----

    private static final int BACKUP_PAGES_PER_STEP = 256;
    private static final int BACKUP_BUSY_RETRIES = 100;

    /** Copies {@code schema} of this database into the file {@code destination}, replacing its content. */
    public void backup(String schema, String destination, Hooks.BackupProgress progress) throws SqliteException {
        copyWithFile(schema, destination, progress, true);
    }

    /** Replaces {@code schema} of this database with the content of the database file {@code source}. */
    public void restore(String schema, String source, Hooks.BackupProgress progress) throws SqliteException {
        copyWithFile(schema, source, progress, false);
    }

    private void copyWithFile(String schema, String file, Hooks.BackupProgress progress, boolean toFile)
            throws SqliteException {
        checkOpen();
        int flags = toFile ? 0x2 | 0x4 | 0x40 : 0x1 | 0x40; // READWRITE|CREATE|URI, or READONLY|URI
        int name = sqlite.scratchCString(file.getBytes(StandardCharsets.UTF_8));
        int other = sqlite.callInt(sqlite.fn.open, name, flags);
        try {
            int rc = sqlite.callInt(sqlite.fn.lastRc);
            if (rc != ResultCodes.OK) {
                String message = other == 0 ? "out of memory" : sqlite.readCString(sqlite.callInt(sqlite.fn.errmsg, other));
                throw new SqliteException(rc, message + " [" + file + "]");
            }
            if (toFile) {
                copy(other, "main", db, schema, progress);
            } else {
                copy(db, schema, other, "main", progress);
            }
        } finally {
            if (other != 0) {
                sqlite.call(sqlite.fn.closeV2, other);
            }
        }
    }

    private void copy(int destination, String destinationSchema, int source, String sourceSchema,
                      Hooks.BackupProgress progress) throws SqliteException {
        byte[] destName = destinationSchema.getBytes(StandardCharsets.UTF_8);
        byte[] sourceName = sourceSchema.getBytes(StandardCharsets.UTF_8);
        int names = sqlite.malloc(destName.length + sourceName.length + 2);
        int backup;
        try {
            int sourcePtr = writeCString(names, destName);
            writeCString(sourcePtr, sourceName);
            backup = sqlite.callInt(sqlite.fn.backupInit, destination, names, source, sourcePtr);
        } finally {
            sqlite.call(sqlite.fn.free, names);
        }
        if (backup == 0) {
            int code = sqlite.callInt(sqlite.fn.extendedErrcode, destination);
            throw new SqliteException(code, sqlite.readCString(sqlite.callInt(sqlite.fn.errmsg, destination)));
        }
        int rc;
        int busy = 0;
        try {
            while (true) {
                rc = sqlite.callInt(sqlite.fn.backupStep, backup, BACKUP_PAGES_PER_STEP);
                if (progress != null) {
                    progress.progress(sqlite.callInt(sqlite.fn.backupRemaining, backup),
                            sqlite.callInt(sqlite.fn.backupPagecount, backup));
                }
                if (rc == ResultCodes.DONE) {
                    break;
                }
                int primary = ResultCodes.primary(rc);
                if ((primary == ResultCodes.BUSY || primary == ResultCodes.LOCKED) && busy++ < BACKUP_BUSY_RETRIES) {
                    sleepQuietly(20);
                } else if (rc != ResultCodes.OK) {
                    break;
                }
            }
        } finally {
            int finish = sqlite.callInt(sqlite.fn.backupFinish, backup);
            if (finish != ResultCodes.OK) {
                rc = finish;
            }
        }
        if (rc != ResultCodes.DONE && rc != ResultCodes.OK) {
            int code = sqlite.callInt(sqlite.fn.extendedErrcode, destination);
            if (ResultCodes.primary(code) != ResultCodes.primary(rc)) {
                code = rc;
            }
            throw new SqliteException(code, sqlite.readCString(sqlite.callInt(sqlite.fn.errmsg, destination)));
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bytes of {@code schema} as a database file image (sqlite3_serialize). */
    public byte[] serialize(String schema) throws SqliteException {
        checkOpen();
        int name = sqlite.scratchCString(schema.getBytes(StandardCharsets.UTF_8));
        int data = sqlite.callInt(sqlite.fn.serialize, db, name);
        long size = sqlite.call(sqlite.fn.lastSize);
        if (data == 0) {
            if (size == 0) {
                return new byte[0];
            }
            throw new SqliteException(ResultCodes.NOMEM, "cannot serialize schema " + schema);
        }
        try {
            return sqlite.memory().readBytes(data, (int) size);
        } finally {
            sqlite.call(sqlite.fn.sqliteFree, data);
        }
    }

    /** Replaces {@code schema} with an in-memory database holding {@code image} (sqlite3_deserialize). */
    public void deserialize(String schema, byte[] image) throws SqliteException {
        checkOpen();
        byte[] name = schema.getBytes(StandardCharsets.UTF_8);
        int data = sqlite.callInt(sqlite.fn.malloc64, Math.max(1, image.length));
        if (data == 0) {
            throw new SqliteException(ResultCodes.NOMEM, "cannot allocate " + image.length + " bytes");
        }
        sqlite.memory().write(data, image, 0, image.length);
        int namePtr = sqlite.scratchCString(name);
        // FREEONCLOSE | RESIZEABLE: SQLite owns the buffer now, even if the call fails
        check(sqlite.callInt(sqlite.fn.deserialize, db, namePtr, data, image.length, image.length, 1 | 2));
    }

    /** Opens a BLOB for incremental I/O (sqlite3_blob_open). */
    public Blob openBlob(String schema, String table, String column, long rowid, boolean writable)
            throws SqliteException {
        checkOpen();
        byte[] s = schema.getBytes(StandardCharsets.UTF_8);
        byte[] t = table.getBytes(StandardCharsets.UTF_8);
        byte[] c = column.getBytes(StandardCharsets.UTF_8);
        int names = sqlite.malloc(s.length + t.length + c.length + 3);
        try {
            int tablePtr = writeCString(names, s);
            int columnPtr = writeCString(tablePtr, t);
            writeCString(columnPtr, c);
            int blob = sqlite.callInt(sqlite.fn.blobOpen, db, names, tablePtr, columnPtr, rowid, writable ? 1 : 0);
            int rc = sqlite.callInt(sqlite.fn.lastRc);
            if (rc != ResultCodes.OK) {
                if (blob != 0) {
                    sqlite.call(sqlite.fn.blobClose, blob);
                }
                throw error(rc);
            }
            return new Blob(this, blob);
        } finally {
            sqlite.call(sqlite.fn.free, names);
        }
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
        boolean closedCleanly = false;
        try {
            if (!sqlite.isPoisoned()) {
                for (Statement statement : new ArrayList<>(statements)) {
                    statement.close();
                }
                closedCleanly = sqlite.callInt(sqlite.fn.closeV2, db) == ResultCodes.OK;
            }
        } finally {
            statements.clear();
            if (closedCleanly) {
                InstancePool.giveBack(sqlite);
            } else {
                sqlite.discard();
            }
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
