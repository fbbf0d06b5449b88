package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.Functions;
import dev.sqlitejvm.runtime.Hooks;
import dev.sqlitejvm.runtime.Limit;
import dev.sqlitejvm.runtime.SqliteException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * SQLite's API beyond JDBC, for one connection: user functions and collations, listeners and
 * handlers, online backup, serialization, incremental BLOB I/O, limits. Reach it with
 * {@code connection.unwrap(SqliteConnection.class).extensions()}.
 *
 * <p>Callbacks run on the thread using the connection, inside the SQLite call that triggers
 * them. An exception thrown by a function becomes that statement's SQL error; one thrown by a
 * listener or handler is reported by the statement as an SQLException. Either way the
 * connection stays usable.
 */
public final class SqliteExtensions {
    private final SqliteConnection connection;
    private final List<Hooks.UpdateListener> updateListeners = new CopyOnWriteArrayList<>();
    private final List<TransactionListener> transactionListeners = new CopyOnWriteArrayList<>();

    SqliteExtensions(SqliteConnection connection) {
        this.connection = connection;
    }

    @FunctionalInterface
    private interface DatabaseCall<T> {
        T run(Database database) throws SqliteException;
    }

    private <T> T call(DatabaseCall<T> body) throws SQLException {
        synchronized (connection.lock) {
            connection.checkOpen();
            try {
                return body.run(connection.database());
            } catch (SqliteException e) {
                throw Errors.from(e);
            } catch (RuntimeException e) {
                throw Errors.fromCallback(e);
            }
        }
    }

    // ---- functions and collations ----

    /**
     * Registers a scalar function.
     *
     * @param argCount the number of arguments, or -1 for any
     * @param flags {@link Functions#DETERMINISTIC} and the like, or 0
     */
    public void createFunction(String name, int argCount, int flags, Functions.Scalar function) throws SQLException {
        call(db -> {
            db.createFunction(name, argCount, flags, function);
            return null;
        });
    }

    /** Registers an aggregate function; {@code groups} makes a fresh state object for each group. */
    public void createAggregateFunction(String name, int argCount, int flags,
                                        Supplier<? extends Functions.Aggregate> groups) throws SQLException {
        call(db -> {
            db.createAggregateFunction(name, argCount, flags, groups);
            return null;
        });
    }

    /** Registers an aggregate window function. */
    public void createWindowFunction(String name, int argCount, int flags,
                                     Supplier<? extends Functions.Window> groups) throws SQLException {
        call(db -> {
            db.createWindowFunction(name, argCount, flags, groups);
            return null;
        });
    }

    public void removeFunction(String name, int argCount) throws SQLException {
        call(db -> {
            db.removeFunction(name, argCount);
            return null;
        });
    }

    /** Registers a collation, usable as {@code COLLATE name}; {@code null} removes it. */
    public void createCollation(String name, Comparator<String> comparator) throws SQLException {
        call(db -> {
            db.createCollation(name, comparator);
            return null;
        });
    }

    // ---- listeners and handlers ----

    /** Tells {@code listener} of every row inserted, updated or deleted. */
    public void addUpdateListener(Hooks.UpdateListener listener) throws SQLException {
        updateListeners.add(listener);
        installUpdateHook();
    }

    public void removeUpdateListener(Hooks.UpdateListener listener) throws SQLException {
        updateListeners.remove(listener);
        installUpdateHook();
    }

    private void installUpdateHook() throws SQLException {
        Hooks.UpdateListener dispatch = updateListeners.isEmpty() ? null : (operation, schema, table, rowid) -> {
            for (Hooks.UpdateListener listener : updateListeners) {
                listener.rowChanged(operation, schema, table, rowid);
            }
        };
        call(db -> {
            db.setUpdateListener(dispatch);
            return null;
        });
    }

    /** Tells {@code listener} of every commit and rollback. */
    public void addTransactionListener(TransactionListener listener) throws SQLException {
        transactionListeners.add(listener);
        installTransactionHooks();
    }

    public void removeTransactionListener(TransactionListener listener) throws SQLException {
        transactionListeners.remove(listener);
        installTransactionHooks();
    }

    private void installTransactionHooks() throws SQLException {
        boolean none = transactionListeners.isEmpty();
        Hooks.CommitListener onCommit = none ? null : () -> {
            for (TransactionListener listener : transactionListeners) {
                listener.onCommit();
            }
            return false;
        };
        Runnable onRollback = none ? null : () -> {
            for (TransactionListener listener : transactionListeners) {
                listener.onRollback();
            }
        };
        call(db -> {
            db.setCommitListener(onCommit);
            db.setRollbackListener(onRollback);
            return null;
        });
    }

    /** A commit hook that may veto: returning true turns the commit into a rollback. Replaces transaction listeners' commit hook. */
    public void setCommitHook(Hooks.CommitListener hook) throws SQLException {
        call(db -> {
            db.setCommitListener(hook);
            return null;
        });
    }

    /** Replaces the busy timeout with a handler; {@code null} removes it. */
    public void setBusyHandler(Hooks.BusyHandler handler) throws SQLException {
        call(db -> {
            db.setBusyHandler(handler);
            return null;
        });
    }

    public void setBusyTimeout(int millis) throws SQLException {
        call(db -> {
            db.busyTimeout(millis);
            return null;
        });
    }

    /** Calls {@code handler} every {@code steps} virtual-machine steps; returning true interrupts. */
    public void setProgressHandler(int steps, Hooks.ProgressHandler handler) throws SQLException {
        call(db -> {
            db.setProgressHandler(steps, handler);
            return null;
        });
    }

    /** sqlite3_wal_hook: told after each commit in WAL mode. Replaces wal_autocheckpoint. */
    public void setWalListener(Hooks.WalListener listener) throws SQLException {
        call(db -> {
            db.setWalListener(listener);
            return null;
        });
    }

    /** Interrupts the statement running on this connection; safe from any thread. */
    public void interrupt() {
        connection.database().interrupt();
    }

    // ---- backup, serialization, blobs ----

    /** Copies {@code schema} ("main" usually) into the file {@code destination}, replacing its content. */
    public void backup(String schema, String destination, Hooks.BackupProgress progress) throws SQLException {
        call(db -> {
            db.backup(schema, destination, progress);
            return null;
        });
    }

    /** Replaces {@code schema} with the content of the database file {@code source}. */
    public void restore(String schema, String source, Hooks.BackupProgress progress) throws SQLException {
        call(db -> {
            db.restore(schema, source, progress);
            return null;
        });
    }

    /** The database {@code schema} as the bytes of a database file. */
    public byte[] serialize(String schema) throws SQLException {
        return call(db -> db.serialize(schema));
    }

    /** Replaces {@code schema} with an in-memory database holding {@code image}. */
    public void deserialize(String schema, byte[] image) throws SQLException {
        call(db -> {
            db.deserialize(schema, image);
            return null;
        });
    }

    /** Opens one BLOB value for incremental I/O. */
    public IncrementalBlob openBlob(String schema, String table, String column, long rowid, boolean writable)
            throws SQLException {
        return call(db -> new IncrementalBlob(db.openBlob(schema, table, column, rowid, writable), connection.lock));
    }

    // ---- limits and state ----

    /** Sets a run-time limit; a negative value only reads it. Returns the previous value. */
    public int limit(Limit limit, int value) throws SQLException {
        return call(db -> db.limit(limit, value));
    }

    public long changes() throws SQLException {
        return call(Database::changes);
    }

    public long totalChanges() throws SQLException {
        return call(Database::totalChanges);
    }

    public String libVersion() throws SQLException {
        return call(Database::libVersion);
    }
}
