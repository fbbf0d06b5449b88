package org.sqlite;

import dev.sqlitejvm.runtime.Limit;

/** SQLite's run-time limits (sqlite3_limit), as xerial names them; {@link #getId()} is SQLITE_LIMIT_*. */
public enum SQLiteLimits {
    SQLITE_LIMIT_LENGTH(Limit.LENGTH),
    SQLITE_LIMIT_SQL_LENGTH(Limit.SQL_LENGTH),
    SQLITE_LIMIT_COLUMN(Limit.COLUMN),
    SQLITE_LIMIT_EXPR_DEPTH(Limit.EXPR_DEPTH),
    SQLITE_LIMIT_COMPOUND_SELECT(Limit.COMPOUND_SELECT),
    SQLITE_LIMIT_VDBE_OP(Limit.VDBE_OP),
    SQLITE_LIMIT_FUNCTION_ARG(Limit.FUNCTION_ARG),
    SQLITE_LIMIT_ATTACHED(Limit.ATTACHED),
    SQLITE_LIMIT_LIKE_PATTERN_LENGTH(Limit.LIKE_PATTERN_LENGTH),
    SQLITE_LIMIT_VARIABLE_NUMBER(Limit.VARIABLE_NUMBER),
    SQLITE_LIMIT_TRIGGER_DEPTH(Limit.TRIGGER_DEPTH),
    SQLITE_LIMIT_WORKER_THREADS(Limit.WORKER_THREADS);

    final Limit limit;

    SQLiteLimits(Limit limit) {
        this.limit = limit;
    }

    public int getId() {
        return limit.id();
    }
}
