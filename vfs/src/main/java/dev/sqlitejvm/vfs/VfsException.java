package dev.sqlitejvm.vfs;

/**
 * A VFS operation failed. Carries the SQLite result code (primary or extended) that SQLite should
 * see, so the failure reaches the user as SQLite itself would report it.
 */
public class VfsException extends Exception {
    public static final int BUSY = 5;
    public static final int IOERR = 10;
    public static final int FULL = 13;
    public static final int CANTOPEN = 14;
    public static final int IOERR_READ = IOERR | (1 << 8);
    public static final int IOERR_SHORT_READ = IOERR | (2 << 8);
    public static final int IOERR_WRITE = IOERR | (3 << 8);
    public static final int IOERR_FSYNC = IOERR | (4 << 8);
    public static final int IOERR_TRUNCATE = IOERR | (6 << 8);
    public static final int IOERR_FSTAT = IOERR | (7 << 8);
    public static final int IOERR_UNLOCK = IOERR | (8 << 8);
    public static final int IOERR_RDLOCK = IOERR | (9 << 8);
    public static final int IOERR_DELETE = IOERR | (10 << 8);
    public static final int IOERR_ACCESS = IOERR | (13 << 8);
    public static final int IOERR_CHECKRESERVEDLOCK = IOERR | (14 << 8);
    public static final int IOERR_LOCK = IOERR | (15 << 8);
    public static final int IOERR_CLOSE = IOERR | (16 << 8);
    public static final int IOERR_DIR_FSYNC = IOERR | (5 << 8);
    public static final int IOERR_SHMOPEN = IOERR | (18 << 8);
    public static final int IOERR_SHMSIZE = IOERR | (19 << 8);
    public static final int IOERR_SHMLOCK = IOERR | (20 << 8);
    public static final int IOERR_SHMMAP = IOERR | (21 << 8);
    public static final int IOERR_DELETE_NOENT = IOERR | (23 << 8);
    public static final int CANTOPEN_ISDIR = CANTOPEN | (2 << 8);
    public static final int READONLY = 8;

    private final int resultCode;

    public VfsException(int resultCode, String message) {
        super(message);
        this.resultCode = resultCode;
    }

    public VfsException(int resultCode, String message, Throwable cause) {
        super(message, cause);
        this.resultCode = resultCode;
    }

    /** The SQLite result code for this failure. */
    public int resultCode() {
        return resultCode;
    }
}
