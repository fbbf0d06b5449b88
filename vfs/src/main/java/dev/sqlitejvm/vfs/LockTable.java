package dev.sqlitejvm.vfs;

import java.util.HashMap;
import java.util.Map;

/**
 * SQLite's lock protocol between the connections of this JVM that share a file: many SHARED, at most
 * one RESERVED or PENDING, and EXCLUSIVE only alone. A PENDING holder keeps new SHARED locks out so a
 * writer waiting for readers to finish is not starved. One table per JVM, one entry per file path.
 */
final class LockTable {
    private static final Map<String, FileLocks> FILES = new HashMap<>();

    private LockTable() {
    }

    static synchronized FileLocks acquire(String path) {
        FileLocks locks = FILES.computeIfAbsent(path, FileLocks::new);
        locks.openCount++;
        return locks;
    }

    static synchronized void release(FileLocks locks) {
        if (--locks.openCount == 0) {
            FILES.remove(locks.path);
        }
    }

    /** The lock state of one file, shared by every open handle of it in this JVM. */
    static final class FileLocks {
        private final String path;
        private int openCount;
        private int sharedCount;
        /** The handle holding RESERVED, PENDING or EXCLUSIVE, if any. */
        private Object writer;
        private LockLevel writerLevel = LockLevel.NONE;

        private FileLocks(String path) {
            this.path = path;
        }

        /**
         * Moves {@code owner} from {@code from} toward {@code to} and returns the level reached:
         * {@code to}, {@code from} when another holder conflicts, or PENDING when EXCLUSIVE waits
         * for readers (SQLite then retries from PENDING).
         */
        synchronized LockLevel raise(Object owner, LockLevel from, LockLevel to) {
            return tryRaise(owner, from, to) ? to : (writer == owner ? writerLevel : from);
        }

        private boolean tryRaise(Object owner, LockLevel from, LockLevel to) {
            switch (to) {
                case SHARED:
                    if (writer != null && writer != owner && writerLevel.compareTo(LockLevel.PENDING) >= 0) {
                        return false;
                    }
                    sharedCount++;
                    return true;
                case RESERVED:
                    if (writer != null && writer != owner) {
                        return false;
                    }
                    writer = owner;
                    writerLevel = LockLevel.RESERVED;
                    return true;
                case PENDING:
                case EXCLUSIVE:
                    if (writer != null && writer != owner) {
                        return false;
                    }
                    writer = owner;
                    // Announce the intent first, then wait for the other readers to leave.
                    writerLevel = LockLevel.PENDING;
                    int otherReaders = sharedCount - (from.compareTo(LockLevel.SHARED) >= 0 ? 1 : 0);
                    if (to == LockLevel.EXCLUSIVE && otherReaders == 0) {
                        writerLevel = LockLevel.EXCLUSIVE;
                        return true;
                    }
                    return to == LockLevel.PENDING;
                default:
                    throw new IllegalArgumentException("cannot raise a lock to " + to);
            }
        }

        /** Moves {@code owner} from {@code from} down to {@code to} (SHARED or NONE). */
        synchronized void lower(Object owner, LockLevel from, LockLevel to) {
            if (writer == owner && to.compareTo(LockLevel.RESERVED) < 0) {
                writer = null;
                writerLevel = LockLevel.NONE;
            }
            if (to == LockLevel.NONE && from.compareTo(LockLevel.SHARED) >= 0) {
                sharedCount--;
            }
        }

        synchronized boolean hasReserved() {
            return writer != null;
        }
    }
}
