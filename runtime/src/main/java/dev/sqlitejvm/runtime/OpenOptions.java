package dev.sqlitejvm.runtime;

import dev.sqlitejvm.vfs.FileVfs;
import dev.sqlitejvm.vfs.OpenFlags;
import dev.sqlitejvm.vfs.Vfs;

/** How to open a {@link Database}: SQLite's open flags, the VFS, and the connection's memory cap. */
public final class OpenOptions {
    /** The wasm32 address space: no cap beyond the module's own. */
    public static final long UNLIMITED_MEMORY = 4L << 30;

    private int flags = OpenFlags.READWRITE | OpenFlags.CREATE | OpenFlags.URI;
    private Vfs vfs = FileVfs.instance();
    private long memoryLimitBytes = UNLIMITED_MEMORY;

    public static OpenOptions defaults() {
        return new OpenOptions();
    }

    /** SQLite's SQLITE_OPEN_* flags; see {@link OpenFlags}. Default: read-write, create, URI. */
    public OpenOptions flags(int openFlags) {
        this.flags = openFlags;
        return this;
    }

    public OpenOptions vfs(Vfs fileSystem) {
        this.vfs = fileSystem;
        return this;
    }

    /**
     * The most linear memory this connection's SQLite may use, rounded down to whole 64 KiB pages.
     * Past it, SQLite's allocations fail and the call reports SQLITE_NOMEM.
     */
    public OpenOptions memoryLimitBytes(long bytes) {
        this.memoryLimitBytes = bytes;
        return this;
    }

    /** A copy of these options with another VFS. */
    OpenOptions withVfs(Vfs fileSystem) {
        OpenOptions copy = new OpenOptions();
        copy.flags = flags;
        copy.memoryLimitBytes = memoryLimitBytes;
        copy.vfs = fileSystem;
        return copy;
    }

    int flags() {
        return flags;
    }

    Vfs vfs() {
        return vfs;
    }

    int memoryLimitPages() {
        return (int) Math.min(65536, memoryLimitBytes / WasmSqlite.PAGE_SIZE);
    }
}
