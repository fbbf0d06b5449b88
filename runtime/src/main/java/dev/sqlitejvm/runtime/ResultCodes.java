package dev.sqlitejvm.runtime;

/** SQLite's result codes: the values the runtime needs, and names for every primary code. */
public final class ResultCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int INTERNAL = 2;
    public static final int PERM = 3;
    public static final int ABORT = 4;
    public static final int BUSY = 5;
    public static final int LOCKED = 6;
    public static final int NOMEM = 7;
    public static final int READONLY = 8;
    public static final int INTERRUPT = 9;
    public static final int IOERR = 10;
    public static final int CORRUPT = 11;
    public static final int NOTFOUND = 12;
    public static final int FULL = 13;
    public static final int CANTOPEN = 14;
    public static final int PROTOCOL = 15;
    public static final int EMPTY = 16;
    public static final int SCHEMA = 17;
    public static final int TOOBIG = 18;
    public static final int CONSTRAINT = 19;
    public static final int MISMATCH = 20;
    public static final int MISUSE = 21;
    public static final int NOLFS = 22;
    public static final int AUTH = 23;
    public static final int FORMAT = 24;
    public static final int RANGE = 25;
    public static final int NOTADB = 26;
    public static final int NOTICE = 27;
    public static final int WARNING = 28;
    public static final int ROW = 100;
    public static final int DONE = 101;

    public static final int IOERR_SHORT_READ = IOERR | (2 << 8);

    private static final String[] NAMES = {
        "SQLITE_OK", "SQLITE_ERROR", "SQLITE_INTERNAL", "SQLITE_PERM", "SQLITE_ABORT", "SQLITE_BUSY",
        "SQLITE_LOCKED", "SQLITE_NOMEM", "SQLITE_READONLY", "SQLITE_INTERRUPT", "SQLITE_IOERR",
        "SQLITE_CORRUPT", "SQLITE_NOTFOUND", "SQLITE_FULL", "SQLITE_CANTOPEN", "SQLITE_PROTOCOL",
        "SQLITE_EMPTY", "SQLITE_SCHEMA", "SQLITE_TOOBIG", "SQLITE_CONSTRAINT", "SQLITE_MISMATCH",
        "SQLITE_MISUSE", "SQLITE_NOLFS", "SQLITE_AUTH", "SQLITE_FORMAT", "SQLITE_RANGE",
        "SQLITE_NOTADB", "SQLITE_NOTICE", "SQLITE_WARNING",
    };

    private ResultCodes() {
    }

    /** The primary code of a (possibly extended) result code. */
    public static int primary(int code) {
        return code & 0xff;
    }

    /** The symbolic name of a code's primary part, such as {@code SQLITE_BUSY}. */
    public static String name(int code) {
        int primary = primary(code);
        if (primary < NAMES.length) {
            return NAMES[primary];
        }
        if (primary == ROW) {
            return "SQLITE_ROW";
        }
        return primary == DONE ? "SQLITE_DONE" : "SQLITE_UNKNOWN(" + code + ")";
    }
}
