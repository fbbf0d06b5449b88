package dev.sqlitejvm.vfs;

/**
 * SQLite's operating-system layer for files, as SQLite's {@code sqlite3_vfs} sees it. Each connection
 * calls its VFS from one thread at a time; an implementation shared by several connections must be
 * thread-safe.
 */
public interface Vfs {

    /**
     * Opens a file.
     *
     * @param name  the full path SQLite asks for, or {@code null} for a temporary file that SQLite
     *              will delete on close
     * @param flags SQLite's open flags, see {@link OpenFlags}
     */
    VfsFile open(String name, int flags) throws VfsException;

    /** Deletes a file; {@code syncDirectory} asks for the directory entry to be made durable. */
    void delete(String name, boolean syncDirectory) throws VfsException;

    /** Answers SQLite's {@code xAccess}: does the file exist, or is it readable and writable. */
    boolean access(String name, AccessCheck check) throws VfsException;

    /** The canonical full name of a file, as SQLite's {@code xFullPathname}. */
    String fullPathname(String name) throws VfsException;

    /** What {@link #access} is asked. Ordinals follow SQLite's SQLITE_ACCESS_* values. */
    enum AccessCheck {
        EXISTS,
        READ_WRITE,
        READ;

        public static AccessCheck of(int sqliteFlag) {
            return values()[sqliteFlag];
        }
    }
}
