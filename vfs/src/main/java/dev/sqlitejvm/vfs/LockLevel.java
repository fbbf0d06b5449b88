package dev.sqlitejvm.vfs;

/** SQLite's file lock levels, in order; ordinals equal SQLite's SQLITE_LOCK_* values. */
public enum LockLevel {
    NONE,
    SHARED,
    RESERVED,
    PENDING,
    EXCLUSIVE;

    private static final LockLevel[] LEVELS = values();

    public static LockLevel of(int sqliteLevel) {
        return LEVELS[sqliteLevel];
    }
}
