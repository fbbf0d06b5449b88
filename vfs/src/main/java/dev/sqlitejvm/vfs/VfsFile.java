package dev.sqlitejvm.vfs;

/**
 * An open file, as SQLite's {@code sqlite3_io_methods} see it. Offsets and sizes are in bytes.
 */
public interface VfsFile extends AutoCloseable {

    /**
     * Reads up to {@code length} bytes at {@code offset} into {@code buffer}.
     *
     * @return the number of bytes read; fewer than {@code length} only at the end of the file
     */
    int read(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException;

    void write(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException;

    void truncate(long size) throws VfsException;

    /** Makes written data durable; {@code flags} are SQLite's SQLITE_SYNC_* bits. */
    void sync(int flags) throws VfsException;

    long size() throws VfsException;

    /**
     * Raises this file's lock to {@code level}, one step of SQLite's protocol at a time.
     *
     * @throws VfsException with {@link VfsException#BUSY} when another connection holds a lock
     *                      that conflicts
     */
    void lock(LockLevel level) throws VfsException;

    /** Lowers this file's lock to {@code level} ({@link LockLevel#NONE} or {@link LockLevel#SHARED}). */
    void unlock(LockLevel level) throws VfsException;

    /** Whether any connection holds a RESERVED or higher lock on this file. */
    boolean checkReservedLock() throws VfsException;

    default int sectorSize() {
        return 4096;
    }

    /** SQLite's SQLITE_IOCAP_* bits. */
    default int deviceCharacteristics() {
        return 0;
    }

    /**
     * The WAL-index shared memory of this database file, opened on first use and shared with every
     * connection (and process) that has the database open in WAL mode.
     *
     * @throws VfsException when this file has no shared memory; SQLite then needs
     *                      {@code PRAGMA locking_mode=EXCLUSIVE} for WAL
     */
    default SharedMemory sharedMemory() throws VfsException {
        throw new VfsException(VfsException.IOERR_SHMOPEN, "this file has no shared memory");
    }

    /** Whether the file was opened read-only (SQLite asks for read-write, falls back to this). */
    boolean isReadOnly();

    @Override
    void close() throws VfsException;
}
