package dev.sqlitejvm.vfs;

import java.nio.ByteBuffer;

/**
 * SQLite's WAL-index shared memory for one database, as one connection sees it: regions of the
 * {@code -shm} file and its eight lock slots ({@code xShmMap}, {@code xShmLock},
 * {@code xShmUnmap}). Regions are shared live with every other connection and process; the caller
 * decides when to look at them (SQLite's barrier and lock points).
 */
public interface SharedMemory {
    /** SQLite's SQLITE_SHM_NLOCK: WRITE, CHECKPOINT, RECOVER and five READ slots. */
    int LOCK_SLOTS = 8;

    /**
     * Region {@code index} of {@code size} bytes, or {@code null} if the file does not reach it
     * and {@code extend} is false. The buffer stays valid until {@link #close}.
     */
    ByteBuffer region(int index, int size, boolean extend) throws VfsException;

    /** Whether this connection may only read the shared memory (SQLite then gets SQLITE_READONLY). */
    boolean isReadOnly();

    /**
     * Takes lock slots {@code offset .. offset + count - 1}, shared or exclusive, without waiting.
     *
     * @throws VfsException {@link VfsException#BUSY} when another connection or process holds a
     *                      conflicting lock on any of them (then none is taken)
     */
    void lock(int offset, int count, boolean exclusive) throws VfsException;

    /** Releases lock slots that this connection holds. */
    void unlock(int offset, int count, boolean exclusive) throws VfsException;

    /** Releases this connection's locks and mapping; {@code delete} removes the file if this was the last user. */
    void close(boolean delete) throws VfsException;

    boolean isClosed();
}
