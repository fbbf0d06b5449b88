package dev.sqlitejvm.runtime;

/** The Java side of user-defined SQL functions: scalar, aggregate and window. */
public final class Functions {
    /** SQLITE_DETERMINISTIC: same arguments, same result; lets SQLite use it in indexes. */
    public static final int DETERMINISTIC = 0x000000800;
    /** SQLITE_DIRECTONLY: not callable from triggers, views or schema. */
    public static final int DIRECT_ONLY = 0x000080000;
    /** SQLITE_INNOCUOUS: no side effects; callable anywhere. */
    public static final int INNOCUOUS = 0x000200000;

    private Functions() {
    }

    /** A function computing one value from its arguments. */
    @FunctionalInterface
    public interface Scalar {
        void call(FunctionCall call) throws Exception;
    }

    /** One group's state of an aggregate function: a new instance per group. */
    public interface Aggregate {
        void step(FunctionCall call) throws Exception;

        /** Sets the result; called once per group, also for an empty group. */
        void finish(FunctionCall call) throws Exception;
    }

    /** An aggregate that can also leave the window frame, and report its current value. */
    public interface Window extends Aggregate {
        void inverse(FunctionCall call) throws Exception;

        void value(FunctionCall call) throws Exception;
    }
}
