package dev.sqlitejvm.runtime;

/** The callbacks a {@link Database} can install. Each runs on the thread using the connection. */
public final class Hooks {
    private Hooks() {
    }

    /** A row changed (sqlite3_update_hook); operation is 9 delete, 18 insert, 23 update. */
    @FunctionalInterface
    public interface UpdateListener {
        void rowChanged(int operation, String schema, String table, long rowid);
    }

    /** A transaction is about to commit; returning true turns the commit into a rollback. */
    @FunctionalInterface
    public interface CommitListener {
        boolean vetoCommit();
    }

    /** A lock is busy; return true to retry, false to fail with SQLITE_BUSY. */
    @FunctionalInterface
    public interface BusyHandler {
        boolean retry(int attempts);
    }

    /** Called periodically during long statements; return true to interrupt the statement. */
    @FunctionalInterface
    public interface ProgressHandler {
        boolean interrupt();
    }

    /** A transaction committed in WAL mode; {@code pages} frames are in the WAL. Return SQLITE_OK (0). */
    @FunctionalInterface
    public interface WalListener {
        int walCommitted(String schema, int pages);
    }

    /** Backup or restore progress after each step. */
    @FunctionalInterface
    public interface BackupProgress {
        void progress(int remainingPages, int totalPages);
    }
}
