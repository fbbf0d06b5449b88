package dev.sqlitejvm.vfs;

/**
 * Sees what SQLite does to a database in WAL mode, as {@link WalObservingVfs} passes it on: writes
 * to the {@code -wal} file, writes to the database file, and the WAL-index lock slots. Calls come
 * from the thread of the connection doing the operation, before the operation is passed to the
 * real VFS (a lock release: before it is released). An exception thrown here fails the operation:
 * SQLite sees the {@link VfsException}'s code.
 *
 * <p>Database names are the full path names SQLite opened ({@link Vfs#fullPathname}).
 */
public interface WalObserver {

    /** SQLite writes {@code length} bytes at {@code offset} of the database's {@code -wal} file. */
    void walWrite(String database, long offset, byte[] data, int dataOffset, int length) throws VfsException;

    /** SQLite truncates the database's {@code -wal} file to {@code size} bytes. */
    default void walTruncate(String database, long size) throws VfsException {
    }

    /** SQLite writes to (or, with {@code length} of -1, truncates) the database file itself. */
    default void databaseWrite(String database, long offset, int length) throws VfsException {
    }

    /**
     * A connection took WAL-index lock slots {@code offset .. offset + count - 1} (slot 0 is the
     * WAL write lock, slot 1 the checkpoint lock).
     */
    default void shmLocked(String database, int offset, int count, boolean exclusive) throws VfsException {
    }

    /** A connection is about to release WAL-index lock slots; they are still held during the call. */
    default void shmUnlocking(String database, int offset, int count, boolean exclusive) throws VfsException {
    }
}
