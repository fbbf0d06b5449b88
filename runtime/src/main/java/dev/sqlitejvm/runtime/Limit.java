package dev.sqlitejvm.runtime;

/** SQLite's run-time limits for {@link Database#limit}; {@link #id()} is the SQLITE_LIMIT_* value. */
public enum Limit {
    LENGTH,
    SQL_LENGTH,
    COLUMN,
    EXPR_DEPTH,
    COMPOUND_SELECT,
    VDBE_OP,
    FUNCTION_ARG,
    ATTACHED,
    LIKE_PATTERN_LENGTH,
    VARIABLE_NUMBER,
    TRIGGER_DEPTH,
    WORKER_THREADS;

    public int id() {
        return ordinal();
    }
}
