package dev.sqlitejvm.vfs;

/**
 * SQLite's lock protocol between the connections of this JVM that share an in-memory file: many
 * SHARED, at most one RESERVED or PENDING, EXCLUSIVE only alone, and a PENDING holder keeps new
 * readers out so a writer waiting for readers is not starved. No OS locks: no other process can
 * see the file.
 */
final class MemoryLocks {
    private int readers;
    /** The handle holding RESERVED, PENDING or EXCLUSIVE, if any. */
    private Object writer;
    private LockLevel writerLevel = LockLevel.NONE;

    /** Moves {@code owner} from {@code from} toward {@code to}; returns the level reached. */
    synchronized LockLevel raise(Object owner, LockLevel from, LockLevel to) {
        if (from.compareTo(to) >= 0) {
            return from;
        }
        boolean otherWriter = writer != null && writer != owner;
        switch (to) {
            case SHARED:
                if (otherWriter && writerLevel.compareTo(LockLevel.PENDING) >= 0) {
                    return from;
                }
                readers++;
                return LockLevel.SHARED;
            case RESERVED:
                if (otherWriter) {
                    return from;
                }
                writer = owner;
                writerLevel = LockLevel.RESERVED;
                return LockLevel.RESERVED;
            default: // PENDING, EXCLUSIVE
                if (otherWriter) {
                    return from;
                }
                writer = owner;
                writerLevel = LockLevel.PENDING;
                if (to == LockLevel.EXCLUSIVE && readers <= 1) {
                    writerLevel = LockLevel.EXCLUSIVE;
                }
                return writerLevel;
        }
    }

    /** Moves {@code owner} from {@code from} down to {@code to} (SHARED or NONE). */
    synchronized void lower(Object owner, LockLevel from, LockLevel to) {
        if (writer == owner && to.compareTo(LockLevel.RESERVED) < 0) {
            writer = null;
            writerLevel = LockLevel.NONE;
        }
        if (to == LockLevel.NONE && from.compareTo(LockLevel.SHARED) >= 0) {
            readers--;
        }
    }

    synchronized boolean reserved() {
        return writer != null;
    }
}
