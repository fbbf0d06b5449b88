package org.sqlite;

/** Told of every row inserted, updated or deleted on a connection ({@link SQLiteConnection#addUpdateListener}). */
public interface SQLiteUpdateListener {
    enum Type {
        INSERT,
        DELETE,
        UPDATE
    }

    void onUpdate(Type type, String database, String table, long rowId);
}
