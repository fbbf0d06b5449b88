package dev.sqlitejvm.runtime;

import static com.dylibso.chicory.wasm.types.ValType.I32;
import static com.dylibso.chicory.wasm.types.ValType.I64;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;

/**
 * Java objects that SQLite calls back (functions, collations, hooks), by the integer id that
 * callbacks.c passes as SQLite's user-data pointer, and the host side of those calls.
 *
 * <p>A Java exception never crosses into wasm: in a function it becomes the function's SQL error;
 * in a hook it is kept and rethrown to the caller of the SQLite call that ran the hook.
 */
final class Callbacks {
    private static final String MODULE = "sqlite_jvm";
    private static final long[] ZERO = {0};
    private static final long[] ONE = {1};

    private final WasmSqlite sqlite;
    private final List<Object> byId = new ArrayList<>();
    private RuntimeException pendingHookFailure;

    Callbacks(WasmSqlite sqlite) {
        this.sqlite = sqlite;
        byId.add(null); // id 0 means "no callback"
    }

    int register(Object callback) {
        for (int id = 1; id < byId.size(); id++) {
            if (byId.get(id) == null) {
                byId.set(id, callback);
                return id;
            }
        }
        byId.add(callback);
        return byId.size() - 1;
    }

    void release(int id) {
        if (id > 0 && id < byId.size()) {
            byId.set(id, null);
        }
    }

    <T> T get(int id, Class<T> type) {
        return type.cast(byId.get(id));
    }

    int size() {
        int n = 0;
        for (Object o : byId) {
            n += o == null ? 0 : 1;
        }
        return n;
    }

    void clear() {
        byId.clear();
        byId.add(null);
        pendingHookFailure = null;
    }

    /** Rethrows, once, a failure a hook raised during the last SQLite call. */
    void rethrowHookFailure() {
        RuntimeException failure = pendingHookFailure;
        if (failure != null) {
            pendingHookFailure = null;
            throw failure;
        }
    }

    /** Called by SQLite every N virtual-machine steps; non-zero interrupts the statement. */
    interface ProgressCallback {
        boolean interrupt();
    }

    /** Called while a lock is busy; true retries, false gives up with SQLITE_BUSY. */
    interface BusyCallback {
        boolean retry(int count);
    }

    /** Before a commit; true turns the commit into a rollback. */
    interface CommitCallback {
        boolean vetoCommit();
    }

    interface UpdateCallback {
        void rowChanged(int operation, String database, String table, long rowid);
    }

    interface WalCallback {
        int walCommitted(String database, int pages);
    }

    interface CollationCallback {
        int compare(String left, String right);
    }

    /**
     * The raw form of a SQL function: SQLite's context and argument pointers, for the code that
     * turns them into Java values. {@code state} points to the aggregate's per-group int (0 when
     * no row was stepped).
     */
    interface FunctionCallback {
        void call(int context, int argc, int argv) throws Exception;

        default void step(int context, int state, int argc, int argv) throws Exception {
            throw new UnsupportedOperationException("not an aggregate");
        }

        default void inverse(int context, int state, int argc, int argv) throws Exception {
            throw new UnsupportedOperationException("not a window function");
        }

        default void value(int context, int state) throws Exception {
            throw new UnsupportedOperationException("not a window function");
        }

        default void finish(int context, int state) throws Exception {
            throw new UnsupportedOperationException("not an aggregate");
        }

        /** Reports a failure as the function's SQL error. */
        void fail(int context, Exception failure);
    }

    List<ImportFunction> functions() {
        return List.of(
                voidHost("fn_call", List.of(I32, I32, I32, I32),
                        a -> function(a).call((int) a[1], (int) a[2], (int) a[3]), a -> a[1]),
                voidHost("fn_step", List.of(I32, I32, I32, I32, I32),
                        a -> function(a).step((int) a[1], (int) a[2], (int) a[3], (int) a[4]), a -> a[1]),
                voidHost("fn_inverse", List.of(I32, I32, I32, I32, I32),
                        a -> function(a).inverse((int) a[1], (int) a[2], (int) a[3], (int) a[4]), a -> a[1]),
                voidHost("fn_value", List.of(I32, I32, I32),
                        a -> function(a).value((int) a[1], (int) a[2]), a -> a[1]),
                voidHost("fn_final", List.of(I32, I32, I32),
                        a -> function(a).finish((int) a[1], (int) a[2]), a -> a[1]),
                host("callback_release", List.of(I32), List.of(), a -> {
                    release((int) a[0]);
                    return null;
                }),
                host("collation_compare", List.of(I32, I32, I32, I32, I32), List.of(I32), a -> {
                    String left = sqlite.readUtf8((int) a[2], (int) a[1]);
                    String right = sqlite.readUtf8((int) a[4], (int) a[3]);
                    return new long[] {Integer.signum(get((int) a[0], CollationCallback.class).compare(left, right))};
                }),
                host("busy_handler", List.of(I32, I32), List.of(I32),
                        a -> get((int) a[0], BusyCallback.class).retry((int) a[1]) ? ONE : ZERO),
                host("progress_handler", List.of(I32), List.of(I32),
                        a -> get((int) a[0], ProgressCallback.class).interrupt() ? ONE : ZERO),
                host("commit_hook", List.of(I32), List.of(I32),
                        a -> get((int) a[0], CommitCallback.class).vetoCommit() ? ONE : ZERO),
                host("rollback_hook", List.of(I32), List.of(), a -> {
                    get((int) a[0], Runnable.class).run();
                    return null;
                }),
                host("update_hook", List.of(I32, I32, I32, I32, I64), List.of(), a -> {
                    get((int) a[0], UpdateCallback.class).rowChanged((int) a[1],
                            sqlite.readCString((int) a[2]), sqlite.readCString((int) a[3]), a[4]);
                    return null;
                }),
                host("wal_hook", List.of(I32, I32, I32), List.of(I32), a -> new long[] {
                    get((int) a[0], WalCallback.class).walCommitted(sqlite.readCString((int) a[1]), (int) a[2])}));
    }

    @FunctionalInterface
    private interface HostBody {
        long[] run(long[] args);
    }

    @FunctionalInterface
    private interface FunctionBody {
        void run(long[] args) throws Exception;
    }

    private FunctionCallback function(long[] args) {
        return get((int) args[0], FunctionCallback.class);
    }

    /** A hook: its Java failure is kept for the caller, and SQLite sees a neutral answer. */
    private HostFunction host(String name, List<ValType> params, List<ValType> results, HostBody body) {
        WasmFunctionHandle handle = (instance, args) -> {
            try {
                return body.run(args);
            } catch (RuntimeException e) {
                if (pendingHookFailure == null) {
                    pendingHookFailure = e;
                }
                return results.isEmpty() ? null : ZERO;
            }
        };
        return new HostFunction(MODULE, name, params, results, handle);
    }

    /** A SQL function: its Java failure becomes the function's error through SQLite's context. */
    private HostFunction voidHost(String name, List<ValType> params, FunctionBody body,
                                  java.util.function.ToLongFunction<long[]> context) {
        WasmFunctionHandle handle = (instance, args) -> {
            try {
                body.run(args);
            } catch (Exception e) {
                function(args).fail((int) context.applyAsLong(args), e);
            }
            return null;
        };
        return new HostFunction(MODULE, name, params, List.of(), handle);
    }
}
