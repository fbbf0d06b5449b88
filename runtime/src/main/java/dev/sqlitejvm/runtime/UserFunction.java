package dev.sqlitejvm.runtime;

import java.util.function.Supplier;

/**
 * Adapts a Java function to SQLite's callbacks. An aggregate's per-group object lives in the
 * callback table; its id sits in the int SQLite keeps per group, and is released at finish.
 */
final class UserFunction implements Callbacks.FunctionCallback {
    private final WasmSqlite sqlite;
    private final Functions.Scalar scalar;
    private final Supplier<? extends Functions.Aggregate> groups;

    UserFunction(WasmSqlite sqlite, Functions.Scalar scalar) {
        this.sqlite = sqlite;
        this.scalar = scalar;
        this.groups = null;
    }

    UserFunction(WasmSqlite sqlite, Supplier<? extends Functions.Aggregate> groups) {
        this.sqlite = sqlite;
        this.scalar = null;
        this.groups = groups;
    }

    @Override
    public void call(int context, int argc, int argv) throws Exception {
        scalar.call(new FunctionCall(sqlite, context, argc, argv));
    }

    @Override
    public void step(int context, int state, int argc, int argv) throws Exception {
        group(state).step(new FunctionCall(sqlite, context, argc, argv));
    }

    @Override
    public void inverse(int context, int state, int argc, int argv) throws Exception {
        ((Functions.Window) group(state)).inverse(new FunctionCall(sqlite, context, argc, argv));
    }

    @Override
    public void value(int context, int state) throws Exception {
        ((Functions.Window) group(state)).value(new FunctionCall(sqlite, context, 0, 0));
    }

    @Override
    public void finish(int context, int state) throws Exception {
        try {
            group(state).finish(new FunctionCall(sqlite, context, 0, 0));
        } finally {
            if (state != 0) {
                sqlite.callbacks.release(sqlite.memory().readInt(state));
                sqlite.memory().writeI32(state, 0);
            }
        }
    }

    /** The group's object, created on its first row; a fresh one for a group with no rows. */
    private Functions.Aggregate group(int state) {
        if (state == 0) {
            return groups.get();
        }
        int id = sqlite.memory().readInt(state);
        if (id == 0) {
            Functions.Aggregate created = groups.get();
            id = sqlite.callbacks.register(created);
            sqlite.memory().writeI32(state, id);
            return created;
        }
        return sqlite.callbacks.get(id, Functions.Aggregate.class);
    }

    @Override
    public void fail(int context, Exception failure) {
        String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        try {
            FunctionCall.resultError(sqlite, context, message);
        } catch (SqliteException e) {
            // the instance is gone; the statement fails with that instead
        }
    }
}
