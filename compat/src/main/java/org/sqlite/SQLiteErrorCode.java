package org.sqlite;

import dev.sqlitejvm.jdbc.SqliteErrorCode;
import java.util.HashMap;
import java.util.Map;

/**
 * SQLite result codes, primary and extended, under the names of xerial's {@code org.sqlite.SQLiteErrorCode}:
 * {@link #code}, {@link #message}, {@link #getErrorCode(int)}, and {@code toString()} in the form
 * {@code [SQLITE_BUSY] The database file is locked}. Each constant mirrors the sqlite-jvm driver's
 * {@link SqliteErrorCode} of the same name.
 */
public enum SQLiteErrorCode {
    UNKNOWN_ERROR(SqliteErrorCode.UNKNOWN_ERROR),
    SQLITE_OK(SqliteErrorCode.SQLITE_OK),
    SQLITE_ERROR(SqliteErrorCode.SQLITE_ERROR),
    SQLITE_INTERNAL(SqliteErrorCode.SQLITE_INTERNAL),
    SQLITE_PERM(SqliteErrorCode.SQLITE_PERM),
    SQLITE_ABORT(SqliteErrorCode.SQLITE_ABORT),
    SQLITE_BUSY(SqliteErrorCode.SQLITE_BUSY),
    SQLITE_LOCKED(SqliteErrorCode.SQLITE_LOCKED),
    SQLITE_NOMEM(SqliteErrorCode.SQLITE_NOMEM),
    SQLITE_READONLY(SqliteErrorCode.SQLITE_READONLY),
    SQLITE_INTERRUPT(SqliteErrorCode.SQLITE_INTERRUPT),
    SQLITE_IOERR(SqliteErrorCode.SQLITE_IOERR),
    SQLITE_CORRUPT(SqliteErrorCode.SQLITE_CORRUPT),
    SQLITE_NOTFOUND(SqliteErrorCode.SQLITE_NOTFOUND),
    SQLITE_FULL(SqliteErrorCode.SQLITE_FULL),
    SQLITE_CANTOPEN(SqliteErrorCode.SQLITE_CANTOPEN),
    SQLITE_PROTOCOL(SqliteErrorCode.SQLITE_PROTOCOL),
    SQLITE_EMPTY(SqliteErrorCode.SQLITE_EMPTY),
    SQLITE_SCHEMA(SqliteErrorCode.SQLITE_SCHEMA),
    SQLITE_TOOBIG(SqliteErrorCode.SQLITE_TOOBIG),
    SQLITE_CONSTRAINT(SqliteErrorCode.SQLITE_CONSTRAINT),
    SQLITE_MISMATCH(SqliteErrorCode.SQLITE_MISMATCH),
    SQLITE_MISUSE(SqliteErrorCode.SQLITE_MISUSE),
    SQLITE_NOLFS(SqliteErrorCode.SQLITE_NOLFS),
    SQLITE_AUTH(SqliteErrorCode.SQLITE_AUTH),
    SQLITE_FORMAT(SqliteErrorCode.SQLITE_FORMAT),
    SQLITE_RANGE(SqliteErrorCode.SQLITE_RANGE),
    SQLITE_NOTADB(SqliteErrorCode.SQLITE_NOTADB),
    SQLITE_NOTICE(SqliteErrorCode.SQLITE_NOTICE),
    SQLITE_WARNING(SqliteErrorCode.SQLITE_WARNING),
    SQLITE_ROW(SqliteErrorCode.SQLITE_ROW),
    SQLITE_DONE(SqliteErrorCode.SQLITE_DONE),
    SQLITE_ERROR_MISSING_COLLSEQ(SqliteErrorCode.SQLITE_ERROR_MISSING_COLLSEQ),
    SQLITE_ERROR_RETRY(SqliteErrorCode.SQLITE_ERROR_RETRY),
    SQLITE_ERROR_SNAPSHOT(SqliteErrorCode.SQLITE_ERROR_SNAPSHOT),
    SQLITE_ABORT_ROLLBACK(SqliteErrorCode.SQLITE_ABORT_ROLLBACK),
    SQLITE_BUSY_RECOVERY(SqliteErrorCode.SQLITE_BUSY_RECOVERY),
    SQLITE_BUSY_SNAPSHOT(SqliteErrorCode.SQLITE_BUSY_SNAPSHOT),
    SQLITE_BUSY_TIMEOUT(SqliteErrorCode.SQLITE_BUSY_TIMEOUT),
    SQLITE_LOCKED_SHAREDCACHE(SqliteErrorCode.SQLITE_LOCKED_SHAREDCACHE),
    SQLITE_LOCKED_VTAB(SqliteErrorCode.SQLITE_LOCKED_VTAB),
    SQLITE_READONLY_RECOVERY(SqliteErrorCode.SQLITE_READONLY_RECOVERY),
    SQLITE_READONLY_CANTLOCK(SqliteErrorCode.SQLITE_READONLY_CANTLOCK),
    SQLITE_READONLY_ROLLBACK(SqliteErrorCode.SQLITE_READONLY_ROLLBACK),
    SQLITE_READONLY_DBMOVED(SqliteErrorCode.SQLITE_READONLY_DBMOVED),
    SQLITE_READONLY_CANTINIT(SqliteErrorCode.SQLITE_READONLY_CANTINIT),
    SQLITE_READONLY_DIRECTORY(SqliteErrorCode.SQLITE_READONLY_DIRECTORY),
    SQLITE_IOERR_READ(SqliteErrorCode.SQLITE_IOERR_READ),
    SQLITE_IOERR_SHORT_READ(SqliteErrorCode.SQLITE_IOERR_SHORT_READ),
    SQLITE_IOERR_WRITE(SqliteErrorCode.SQLITE_IOERR_WRITE),
    SQLITE_IOERR_FSYNC(SqliteErrorCode.SQLITE_IOERR_FSYNC),
    SQLITE_IOERR_DIR_FSYNC(SqliteErrorCode.SQLITE_IOERR_DIR_FSYNC),
    SQLITE_IOERR_TRUNCATE(SqliteErrorCode.SQLITE_IOERR_TRUNCATE),
    SQLITE_IOERR_FSTAT(SqliteErrorCode.SQLITE_IOERR_FSTAT),
    SQLITE_IOERR_UNLOCK(SqliteErrorCode.SQLITE_IOERR_UNLOCK),
    SQLITE_IOERR_RDLOCK(SqliteErrorCode.SQLITE_IOERR_RDLOCK),
    SQLITE_IOERR_DELETE(SqliteErrorCode.SQLITE_IOERR_DELETE),
    SQLITE_IOERR_NOMEM(SqliteErrorCode.SQLITE_IOERR_NOMEM),
    SQLITE_IOERR_ACCESS(SqliteErrorCode.SQLITE_IOERR_ACCESS),
    SQLITE_IOERR_CHECKRESERVEDLOCK(SqliteErrorCode.SQLITE_IOERR_CHECKRESERVEDLOCK),
    SQLITE_IOERR_LOCK(SqliteErrorCode.SQLITE_IOERR_LOCK),
    SQLITE_IOERR_CLOSE(SqliteErrorCode.SQLITE_IOERR_CLOSE),
    SQLITE_IOERR_SHMOPEN(SqliteErrorCode.SQLITE_IOERR_SHMOPEN),
    SQLITE_IOERR_SHMSIZE(SqliteErrorCode.SQLITE_IOERR_SHMSIZE),
    SQLITE_IOERR_SHMMAP(SqliteErrorCode.SQLITE_IOERR_SHMMAP),
    SQLITE_IOERR_SEEK(SqliteErrorCode.SQLITE_IOERR_SEEK),
    SQLITE_IOERR_DELETE_NOENT(SqliteErrorCode.SQLITE_IOERR_DELETE_NOENT),
    SQLITE_IOERR_GETTEMPPATH(SqliteErrorCode.SQLITE_IOERR_GETTEMPPATH),
    SQLITE_IOERR_CORRUPTFS(SqliteErrorCode.SQLITE_IOERR_CORRUPTFS),
    SQLITE_CORRUPT_VTAB(SqliteErrorCode.SQLITE_CORRUPT_VTAB),
    SQLITE_CORRUPT_SEQUENCE(SqliteErrorCode.SQLITE_CORRUPT_SEQUENCE),
    SQLITE_CORRUPT_INDEX(SqliteErrorCode.SQLITE_CORRUPT_INDEX),
    SQLITE_CANTOPEN_NOTEMPDIR(SqliteErrorCode.SQLITE_CANTOPEN_NOTEMPDIR),
    SQLITE_CANTOPEN_ISDIR(SqliteErrorCode.SQLITE_CANTOPEN_ISDIR),
    SQLITE_CANTOPEN_FULLPATH(SqliteErrorCode.SQLITE_CANTOPEN_FULLPATH),
    SQLITE_CANTOPEN_CONVPATH(SqliteErrorCode.SQLITE_CANTOPEN_CONVPATH),
    SQLITE_CANTOPEN_SYMLINK(SqliteErrorCode.SQLITE_CANTOPEN_SYMLINK),
    SQLITE_CONSTRAINT_CHECK(SqliteErrorCode.SQLITE_CONSTRAINT_CHECK),
    SQLITE_CONSTRAINT_COMMITHOOK(SqliteErrorCode.SQLITE_CONSTRAINT_COMMITHOOK),
    SQLITE_CONSTRAINT_FOREIGNKEY(SqliteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY),
    SQLITE_CONSTRAINT_FUNCTION(SqliteErrorCode.SQLITE_CONSTRAINT_FUNCTION),
    SQLITE_CONSTRAINT_NOTNULL(SqliteErrorCode.SQLITE_CONSTRAINT_NOTNULL),
    SQLITE_CONSTRAINT_PRIMARYKEY(SqliteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY),
    SQLITE_CONSTRAINT_TRIGGER(SqliteErrorCode.SQLITE_CONSTRAINT_TRIGGER),
    SQLITE_CONSTRAINT_UNIQUE(SqliteErrorCode.SQLITE_CONSTRAINT_UNIQUE),
    SQLITE_CONSTRAINT_VTAB(SqliteErrorCode.SQLITE_CONSTRAINT_VTAB),
    SQLITE_CONSTRAINT_ROWID(SqliteErrorCode.SQLITE_CONSTRAINT_ROWID),
    SQLITE_CONSTRAINT_PINNED(SqliteErrorCode.SQLITE_CONSTRAINT_PINNED),
    SQLITE_CONSTRAINT_DATATYPE(SqliteErrorCode.SQLITE_CONSTRAINT_DATATYPE),
    SQLITE_NOTICE_RECOVER_WAL(SqliteErrorCode.SQLITE_NOTICE_RECOVER_WAL),
    SQLITE_NOTICE_RECOVER_ROLLBACK(SqliteErrorCode.SQLITE_NOTICE_RECOVER_ROLLBACK),
    SQLITE_WARNING_AUTOINDEX(SqliteErrorCode.SQLITE_WARNING_AUTOINDEX),
    SQLITE_AUTH_USER(SqliteErrorCode.SQLITE_AUTH_USER);

    /** SQLite's result code. */
    public final int code;
    /** A short description of the code. */
    public final String message;

    SQLiteErrorCode(SqliteErrorCode driverCode) {
        this.code = driverCode.code;
        this.message = driverCode.message;
    }

    private static final class ByCode {
        static final Map<Integer, SQLiteErrorCode> MAP = new HashMap<>();

        static {
            for (SQLiteErrorCode value : values()) {
                MAP.put(value.code, value);
            }
        }
    }

    /** The constant for {@code errorCode}; an unknown extended code falls back to its primary code, then to {@link #UNKNOWN_ERROR}. */
    public static SQLiteErrorCode getErrorCode(int errorCode) {
        SQLiteErrorCode exact = ByCode.MAP.get(errorCode);
        if (exact != null) {
            return exact;
        }
        SQLiteErrorCode primary = ByCode.MAP.get(errorCode & 0xff);
        return primary != null ? primary : UNKNOWN_ERROR;
    }

    @Override
    public String toString() {
        return "[" + name() + "] " + message;
    }
}
