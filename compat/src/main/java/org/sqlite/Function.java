package org.sqlite;

import dev.sqlitejvm.runtime.FunctionCall;
import dev.sqlitejvm.runtime.Functions;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A user-defined SQL function in xerial's style: subclass, implement {@link #xFunc()}, read the
 * arguments with {@code value_*}/{@link #args()}, set the result with {@code result(...)}, and
 * register with {@link #create(Connection, String, Function)}. Aggregates extend
 * {@link Aggregate} (each group works on a {@code clone()} of the registered instance); window
 * functions extend {@link Window}. An exception thrown by the function fails the statement with
 * its message; so does {@link #error(String)}.
 */
public abstract class Function {
    /** SQLITE_DETERMINISTIC: the same arguments always give the same result. */
    public static final int FLAG_DETERMINISTIC = Functions.DETERMINISTIC;

    /** The call being served, set only while SQLite runs this instance. */
    private FunctionCall call;

    /** Registers {@code f} under {@code name}, for any number of arguments. */
    public static void create(Connection conn, String name, Function f) throws SQLException {
        create(conn, name, f, 0);
    }

    public static void create(Connection conn, String name, Function f, int flags) throws SQLException {
        create(conn, name, f, -1, flags);
    }

    /**
     * Registers {@code f} under {@code name}.
     *
     * @param nArgs the number of arguments, or -1 for any
     * @param flags {@link #FLAG_DETERMINISTIC} or 0
     */
    public static void create(Connection conn, String name, Function f, int nArgs, int flags) throws SQLException {
        SQLiteConnection connection = SQLiteConnection.of(conn);
        if (name == null || name.length() > 255) {
            throw new SQLException("invalid function name: '" + name + "'");
        }
        if (f == null) {
            throw new SQLException("function is null");
        }
        if (nArgs < -1 || nArgs > 127) {
            throw new SQLException("invalid args provided: " + nArgs);
        }
        if (f instanceof Window) {
            Window prototype = (Window) f;
            connection.extensions().createWindowFunction(name, nArgs, flags, () -> new WindowGroup((Window) prototype.copy()));
        } else if (f instanceof Aggregate) {
            Aggregate prototype = (Aggregate) f;
            connection.extensions().createAggregateFunction(name, nArgs, flags, () -> new AggregateGroup(prototype.copy()));
        } else {
            connection.extensions().createFunction(name, nArgs, flags, c -> f.run(c, f::xFunc));
        }
    }

    /** Removes the function {@code name} registered for {@code nArgs} arguments. */
    public static void destroy(Connection conn, String name, int nArgs) throws SQLException {
        SQLiteConnection.of(conn).extensions().removeFunction(name, nArgs);
    }

    /** Removes the function {@code name} registered for any number of arguments. */
    public static void destroy(Connection conn, String name) throws SQLException {
        destroy(conn, name, -1);
    }

    /** The body of a scalar function. */
    protected abstract void xFunc() throws SQLException;

    @FunctionalInterface
    private interface Body {
        void run() throws SQLException;
    }

    /** Runs one callback with {@code c} as the current call; calls may nest (a function running SQL). */
    private synchronized void run(FunctionCall c, Body body) throws SQLException {
        FunctionCall outer = call;
        call = c;
        try {
            body.run();
        } finally {
            call = outer;
        }
    }

    private FunctionCall current() throws SQLException {
        if (call == null) {
            throw new SQLException("no context, not allowed to read value");
        }
        return call;
    }

    private int arg(int index) throws SQLException {
        FunctionCall c = current();
        if (index < 0 || index >= c.argCount()) {
            throw new SQLException("arg " + index + " out bounds [0," + c.argCount() + ")");
        }
        return index;
    }

    // ---- arguments ----

    /** The number of arguments of this call. */
    protected final synchronized int args() throws SQLException {
        return current().argCount();
    }

    protected final synchronized String value_text(int arg) throws SQLException {
        return current().argText(arg(arg));
    }

    protected final synchronized byte[] value_blob(int arg) throws SQLException {
        return current().argBlob(arg(arg));
    }

    protected final synchronized double value_double(int arg) throws SQLException {
        return current().argDouble(arg(arg));
    }

    protected final synchronized int value_int(int arg) throws SQLException {
        return (int) current().argLong(arg(arg));
    }

    protected final synchronized long value_long(int arg) throws SQLException {
        return current().argLong(arg(arg));
    }

    /** SQLITE_INTEGER 1, SQLITE_FLOAT 2, SQLITE_TEXT 3, SQLITE_BLOB 4, SQLITE_NULL 5. */
    protected final synchronized int value_type(int arg) throws SQLException {
        return current().argType(arg(arg)).code();
    }

    // ---- result ----

    protected final synchronized void result(byte[] value) throws SQLException {
        current().resultBlob(value);
    }

    protected final synchronized void result(double value) throws SQLException {
        current().resultDouble(value);
    }

    protected final synchronized void result(int value) throws SQLException {
        current().resultLong(value);
    }

    protected final synchronized void result(long value) throws SQLException {
        current().resultLong(value);
    }

    /** Sets SQL NULL as the result. */
    protected final synchronized void result() throws SQLException {
        current().resultNull();
    }

    protected final synchronized void result(String value) throws SQLException {
        current().resultText(value);
    }

    /** Fails the call with {@code err} as the SQL error message. */
    protected final synchronized void error(String err) throws SQLException {
        current().resultError(err);
    }

    /**
     * An aggregate function: {@link #xStep()} once per row of a group, {@link #xFinal()} once at its
     * end. Each group gets its own {@link #clone()} of the registered instance, so fields hold the
     * group's state.
     */
    public abstract static class Aggregate extends Function implements Cloneable {
        @Override
        protected final void xFunc() {
        }

        protected abstract void xStep() throws SQLException;

        protected abstract void xFinal() throws SQLException;

        @Override
        public Object clone() throws CloneNotSupportedException {
            return super.clone();
        }

        final Aggregate copy() {
            try {
                Aggregate copy = (Aggregate) clone();
                ((Function) copy).call = null;
                return copy;
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("aggregate " + getClass().getName() + " cannot be cloned", e);
            }
        }
    }

    /** An aggregate window function: also {@link #xInverse()} when a row leaves the frame, {@link #xValue()} for the current value. */
    public abstract static class Window extends Aggregate {
        protected abstract void xInverse() throws SQLException;

        protected abstract void xValue() throws SQLException;

    }

    private static class AggregateGroup implements Functions.Aggregate {
        final Aggregate state;

        AggregateGroup(Aggregate state) {
            this.state = state;
        }

        @Override
        public void step(FunctionCall c) throws SQLException {
            ((Function) state).run(c, state::xStep);
        }

        @Override
        public void finish(FunctionCall c) throws SQLException {
            ((Function) state).run(c, state::xFinal);
        }
    }

    private static final class WindowGroup extends AggregateGroup implements Functions.Window {
        WindowGroup(Window state) {
            super(state);
        }

        @Override
        public void inverse(FunctionCall c) throws SQLException {
            ((Function) state).run(c, ((Window) state)::xInverse);
        }

        @Override
        public void value(FunctionCall c) throws SQLException {
            ((Function) state).run(c, ((Window) state)::xValue);
        }
    }

}
