package dev.sqlitejvm.jdbc;

/**
 * SQLite's result codes, primary and extended, with a short description of each. Names and
 * descriptions follow the SQLite documentation, in the form xerial's driver reports them, so
 * messages read {@code [SQLITE_BUSY] The database file is locked (database is locked)}.
 */
public enum SqliteErrorCode {
    UNKNOWN_ERROR(-1, "unknown error"),
    SQLITE_OK(0, "Successful result"),
    SQLITE_ERROR(1, "SQL error or missing database"),
    SQLITE_INTERNAL(2, "Internal logic error in SQLite"),
    SQLITE_PERM(3, "Access permission denied"),
    SQLITE_ABORT(4, "Callback routine requested an abort"),
    SQLITE_BUSY(5, "The database file is locked"),
    SQLITE_LOCKED(6, "A table in the database is locked"),
    SQLITE_NOMEM(7, "A malloc() failed"),
    SQLITE_READONLY(8, "Attempt to write a readonly database"),
    SQLITE_INTERRUPT(9, "Operation terminated by sqlite3_interrupt()"),
    SQLITE_IOERR(10, "Some kind of disk I/O error occurred"),
    SQLITE_CORRUPT(11, "The database disk image is malformed"),
    SQLITE_NOTFOUND(12, "NOT USED. Table or record not found"),
    SQLITE_FULL(13, "Insertion failed because database is full"),
    SQLITE_CANTOPEN(14, "Unable to open the database file"),
    SQLITE_PROTOCOL(15, "NOT USED. Database lock protocol error"),
    SQLITE_EMPTY(16, "Database is empty"),
    SQLITE_SCHEMA(17, "The database schema changed"),
    SQLITE_TOOBIG(18, "String or BLOB exceeds size limit"),
    SQLITE_CONSTRAINT(19, "Abort due to constraint violation"),
    SQLITE_MISMATCH(20, "Data type mismatch"),
    SQLITE_MISUSE(21, "Library used incorrectly"),
    SQLITE_NOLFS(22, "Uses OS features not supported on host"),
    SQLITE_AUTH(23, "Authorization denied"),
    SQLITE_FORMAT(24, "Auxiliary database format error"),
    SQLITE_RANGE(25, "2nd parameter to sqlite3_bind out of range"),
    SQLITE_NOTADB(26, "File opened that is not a database file"),
    SQLITE_NOTICE(27, "Notifications from sqlite3_log()"),
    SQLITE_WARNING(28, "Warnings from sqlite3_log()"),
    SQLITE_ROW(100, "sqlite3_step() has another row ready"),
    SQLITE_DONE(101, "sqlite3_step() has finished executing"),

    SQLITE_ERROR_MISSING_COLLSEQ(257, "An SQL statement could not be prepared because a collating sequence named in that SQL statement could not be located"),
    SQLITE_ERROR_RETRY(513, "Used internally to retry preparing a statement"),
    SQLITE_ERROR_SNAPSHOT(769, "The historical snapshot is no longer available"),
    SQLITE_ABORT_ROLLBACK(516, "The transaction that was active when the SQL statement first started was rolled back"),
    SQLITE_BUSY_RECOVERY(261, "Another process is busy recovering a WAL mode database file following a crash"),
    SQLITE_BUSY_SNAPSHOT(517, "Cannot promote read transaction to write transaction because of writes by another connection"),
    SQLITE_BUSY_TIMEOUT(773, "A blocking lock request in the VFS timed out"),
    SQLITE_LOCKED_SHAREDCACHE(262, "Locking conflict due to another connection with a shared cache"),
    SQLITE_LOCKED_VTAB(518, "A virtual table reported a lock conflict"),
    SQLITE_READONLY_RECOVERY(264, "The WAL mode database cannot be opened because it needs recovery and the shared memory is read-only"),
    SQLITE_READONLY_CANTLOCK(520, "The shared-memory file of a WAL mode database is read-only"),
    SQLITE_READONLY_ROLLBACK(776, "A hot journal needs to be rolled back but cannot because the database is read-only"),
    SQLITE_READONLY_DBMOVED(1032, "The database file has been moved since it was opened"),
    SQLITE_READONLY_CANTINIT(1288, "The shared memory region of a WAL mode database cannot be initialised"),
    SQLITE_READONLY_DIRECTORY(1544, "The database is read-only because its directory is not writable"),
    SQLITE_IOERR_READ(266, "I/O error in the VFS layer while trying to read from a file on disk"),
    SQLITE_IOERR_SHORT_READ(522, "The read attempt returned less data than requested"),
    SQLITE_IOERR_WRITE(778, "I/O error in the VFS layer while trying to write into a file on disk"),
    SQLITE_IOERR_FSYNC(1034, "I/O error in the VFS layer while trying to flush previously written content to disk"),
    SQLITE_IOERR_DIR_FSYNC(1290, "I/O error in the VFS layer while trying to flush a directory"),
    SQLITE_IOERR_TRUNCATE(1546, "I/O error in the VFS layer while trying to truncate a file"),
    SQLITE_IOERR_FSTAT(1802, "I/O error in the VFS layer while trying to read a file's size"),
    SQLITE_IOERR_UNLOCK(2058, "I/O error within the xUnlock method"),
    SQLITE_IOERR_RDLOCK(2314, "I/O error within the xLock method while trying to obtain a read lock"),
    SQLITE_IOERR_DELETE(2570, "I/O error within the xDelete method"),
    SQLITE_IOERR_NOMEM(3082, "An operation could not be completed due to the inability to allocate sufficient memory"),
    SQLITE_IOERR_ACCESS(3338, "I/O error within the xAccess method"),
    SQLITE_IOERR_CHECKRESERVEDLOCK(3594, "I/O error within the xCheckReservedLock method"),
    SQLITE_IOERR_LOCK(3850, "I/O error in the advisory file locking logic"),
    SQLITE_IOERR_CLOSE(4106, "I/O error within the xClose method"),
    SQLITE_IOERR_SHMOPEN(4618, "I/O error within the xShmMap method while trying to open a new shared memory segment"),
    SQLITE_IOERR_SHMSIZE(4874, "I/O error within the xShmMap method while trying to enlarge a shared memory segment"),
    SQLITE_IOERR_SHMMAP(5386, "I/O error within the xShmMap method while trying to map a shared memory segment"),
    SQLITE_IOERR_SEEK(5642, "I/O error while trying to seek a file descriptor"),
    SQLITE_IOERR_DELETE_NOENT(5898, "The file being deleted does not exist"),
    SQLITE_IOERR_GETTEMPPATH(6410, "The VFS is unable to determine a suitable directory for temporary files"),
    SQLITE_IOERR_CORRUPTFS(8458, "A seek or read failure was due to the request not falling within the file's boundary"),
    SQLITE_CORRUPT_VTAB(267, "Content in the virtual table is corrupt"),
    SQLITE_CORRUPT_SEQUENCE(523, "The schema of the sqlite_sequence table is corrupt"),
    SQLITE_CORRUPT_INDEX(779, "An entry is or was missing from an index"),
    SQLITE_CANTOPEN_NOTEMPDIR(270, "No longer used"),
    SQLITE_CANTOPEN_ISDIR(526, "The file is really a directory"),
    SQLITE_CANTOPEN_FULLPATH(782, "The operating system was unable to convert the filename into a full pathname"),
    SQLITE_CANTOPEN_CONVPATH(1038, "cygwin_conv_path() failed while trying to open a file"),
    SQLITE_CANTOPEN_SYMLINK(1550, "The file is a symbolic link but SQLITE_OPEN_NOFOLLOW was used"),
    SQLITE_CONSTRAINT_CHECK(275, "A CHECK constraint failed"),
    SQLITE_CONSTRAINT_COMMITHOOK(531, "A commit hook callback returned non-zero that thus caused the SQL statement to be rolled back"),
    SQLITE_CONSTRAINT_FOREIGNKEY(787, "A foreign key constraint failed"),
    SQLITE_CONSTRAINT_FUNCTION(1043, "Error reported by extension function"),
    SQLITE_CONSTRAINT_NOTNULL(1299, "A NOT NULL constraint failed"),
    SQLITE_CONSTRAINT_PRIMARYKEY(1555, "A PRIMARY KEY constraint failed"),
    SQLITE_CONSTRAINT_TRIGGER(1811, "A RAISE function within a trigger fired, causing the SQL statement to abort"),
    SQLITE_CONSTRAINT_UNIQUE(2067, "A UNIQUE constraint failed"),
    SQLITE_CONSTRAINT_VTAB(2323, "An application-defined virtual table reported a constraint violation"),
    SQLITE_CONSTRAINT_ROWID(2579, "rowid is not unique"),
    SQLITE_CONSTRAINT_PINNED(2835, "An UPDATE trigger attempted to delete the row that was being updated"),
    SQLITE_CONSTRAINT_DATATYPE(3091, "An insert or update attempted to store a value inconsistent with the column's declared type in a STRICT table"),
    SQLITE_NOTICE_RECOVER_WAL(283, "A WAL mode database file was recovered"),
    SQLITE_NOTICE_RECOVER_ROLLBACK(539, "A hot journal was rolled back"),
    SQLITE_WARNING_AUTOINDEX(284, "An automatic index was created"),
    SQLITE_AUTH_USER(279, "The logged in user lacks sufficient authorization");

    public final int code;
    public final String message;

    SqliteErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The constant for an extended code, falling back to its primary code, then to UNKNOWN_ERROR. */
    public static SqliteErrorCode of(int code) {
        SqliteErrorCode exact = Lookup.find(code);
        if (exact != null) {
            return exact;
        }
        SqliteErrorCode primary = Lookup.find(code & 0xff);
        return primary != null ? primary : UNKNOWN_ERROR;
    }

    /** {@code [SQLITE_BUSY] The database file is locked}: the prefix of every driver error message. */
    @Override
    public String toString() {
        return "[" + name() + "] " + message;
    }

    private static final class Lookup {
        private static final java.util.Map<Integer, SqliteErrorCode> BY_CODE = new java.util.HashMap<>();

        static {
            for (SqliteErrorCode value : values()) {
                BY_CODE.put(value.code, value);
            }
        }

        static SqliteErrorCode find(int code) {
            return BY_CODE.get(code);
        }
    }
}
