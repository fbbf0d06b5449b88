package dev.sqlitejvm.vfs;

/** SQLite's SQLITE_OPEN_* flags, as {@link Vfs#open} receives them. */
public final class OpenFlags {
    public static final int READONLY = 0x00000001;
    public static final int READWRITE = 0x00000002;
    public static final int CREATE = 0x00000004;
    public static final int DELETEONCLOSE = 0x00000008;
    public static final int EXCLUSIVE = 0x00000010;
    public static final int URI = 0x00000040;
    public static final int MEMORY = 0x00000080;
    public static final int MAIN_DB = 0x00000100;
    public static final int TEMP_DB = 0x00000200;
    public static final int TRANSIENT_DB = 0x00000400;
    public static final int MAIN_JOURNAL = 0x00000800;
    public static final int TEMP_JOURNAL = 0x00001000;
    public static final int SUBJOURNAL = 0x00002000;
    public static final int SUPER_JOURNAL = 0x00004000;
    public static final int NOMUTEX = 0x00008000;
    public static final int FULLMUTEX = 0x00010000;
    public static final int WAL = 0x00080000;
    public static final int NOFOLLOW = 0x01000000;
    public static final int EXRESCODE = 0x02000000;

    private OpenFlags() {
    }

    public static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }
}
