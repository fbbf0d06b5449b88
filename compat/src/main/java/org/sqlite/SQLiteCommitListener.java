package org.sqlite;

/** Told of every commit and rollback on a connection ({@link SQLiteConnection#addCommitListener}). */
public interface SQLiteCommitListener {
    void onCommit();

    void onRollback();
}
