package dev.sqlitejvm.runtime;

import dev.sqlitejvm.vfs.FileVfs;
import dev.sqlitejvm.vfs.Vfs;
import java.util.ArrayDeque;

/**
 * A few SQLite instances kept after their connection closed, for the next connection to open.
 *
 * <p>Making an instance costs more than opening a database in it: a megabyte of wasm memory to
 * allocate and initialise, the module's tables and globals, then SQLite's start-up. A closed
 * connection leaves its instance as SQLite leaves a process after {@code sqlite3_close}: started
 * up, with nothing of the connection left in its memory (checked, see
 * {@link WasmSqlite#resetForReuse}). Native SQLite reuses its process the same way for every
 * connection; process-wide settings such as {@code PRAGMA soft_heap_limit} stay with an instance
 * as they stay with a process.
 *
 * <p>Only instances on the default file system, of the default memory limit, are kept: at most
 * {@value #MAX_IDLE} of them, none larger than {@value #MAX_PAGES} pages (4 MiB). The most
 * recently closed is reused first, as its memory is the likeliest to be in cache.
 */
final class InstancePool {
    static final int MAX_IDLE = 4;
    static final int MAX_PAGES = 64;

    private static final ArrayDeque<WasmSqlite> IDLE = new ArrayDeque<>();

    private InstancePool() {}

    /** A ready instance for {@code vfs} and {@code maxMemoryPages}: a kept one, or a new one. */
    static WasmSqlite take(Vfs vfs, int maxMemoryPages) throws SqliteException {
        if (poolable(vfs, maxMemoryPages)) {
            synchronized (IDLE) {
                WasmSqlite kept = IDLE.pollFirst();
                if (kept != null) {
                    return kept;
                }
            }
        }
        return new WasmSqlite(vfs, maxMemoryPages);
    }

    /** Takes back the instance of a connection that closed; keeps it if it can serve another. */
    static void giveBack(WasmSqlite sqlite) {
        if (!poolable(sqlite.vfs, sqlite.maxMemoryPages) || !sqlite.resetForReuse(MAX_PAGES)) {
            sqlite.discard();
            return;
        }
        synchronized (IDLE) {
            if (IDLE.size() < MAX_IDLE) {
                IDLE.addFirst(sqlite);
                return;
            }
        }
        sqlite.discard();
    }

    private static boolean poolable(Vfs vfs, int maxMemoryPages) {
        return vfs == FileVfs.instance() && maxMemoryPages == OpenOptions.defaults().memoryLimitPages();
    }
}
