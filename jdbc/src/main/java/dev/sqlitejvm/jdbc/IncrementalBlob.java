package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.Blob;
import dev.sqlitejvm.runtime.SqliteException;
import java.sql.SQLException;

/** A BLOB value opened for incremental reads and writes (sqlite3_blob_*); close it when done. */
public final class IncrementalBlob implements AutoCloseable {
    private final Blob blob;
    private final Object lock;

    IncrementalBlob(Blob blob, Object lock) {
        this.blob = blob;
        this.lock = lock;
    }

    public int size() throws SQLException {
        synchronized (lock) {
            try {
                return blob.size();
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }

    /** Reads {@code length} bytes starting at {@code offset} of the BLOB. */
    public byte[] read(int offset, int length) throws SQLException {
        byte[] bytes = new byte[length];
        synchronized (lock) {
            try {
                blob.read(offset, bytes, 0, length);
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
        return bytes;
    }

    /** Overwrites bytes from {@code offset}; the BLOB keeps its size. */
    public void write(int offset, byte[] bytes) throws SQLException {
        synchronized (lock) {
            try {
                blob.write(offset, bytes, 0, bytes.length);
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }

    /** Moves to the same column of another row. */
    public void reopen(long rowid) throws SQLException {
        synchronized (lock) {
            try {
                blob.reopen(rowid);
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        synchronized (lock) {
            try {
                blob.close();
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }
}
