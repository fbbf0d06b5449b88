package dev.sqlitejvm.runtime;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.sqlitejvm.vfs.Vfs;
import dev.sqlitejvm.wasm.Sqlite3Module;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One instance of the SQLite module: its linear memory, its exports and the host side of its
 * imports. Serves one connection, one thread at a time.
 *
 * <p>Every call into wasm goes through {@link #call}: if SQLite traps, or the JVM cannot give it
 * memory, the instance is poisoned, its files are closed (releasing their locks) and the failure
 * is reported as a {@link SqliteException}; other instances are untouched.
 */
final class WasmSqlite {
    /** Size of one wasm memory page. */
    static final int PAGE_SIZE = 65536;
    /** Buffers up to this size are reused between calls; larger ones are allocated per call. */
    private static final int SCRATCH_LIMIT = 64 * 1024;

    final Exports fn;
    /** What this instance was made for: an instance is only reused for the same (see {@link InstancePool}). */
    final Vfs vfs;
    final int maxMemoryPages;
    private final Memory memory;
    /** sqlite3_memory_used() right after start-up, with no connection open. */
    private final long memoryUsedAtStart;
    final FileHandles files = new FileHandles();
    final Callbacks callbacks;
    private int scratch;
    private int scratchSize;
    private String lastVfsError;
    private String poisonedBy;
    /** Nesting of calls into wasm: host functions may call back in. */
    private int depth;
    private boolean threadInterrupted;

    WasmSqlite(Vfs vfs, int maxMemoryPages) throws SqliteException {
        this.callbacks = new Callbacks(this);
        List<ImportFunction> functions = new ArrayList<>(new VfsImports(vfs, this).functions());
        functions.addAll(callbacks.functions());
        ImportValues imports = ImportValues.builder().withFunctions(functions).build();
        WasmModule module = ModuleHolder.MODULE;
        MemoryLimits declared = module.memorySection().get().getMemory(0).limits();
        MemoryLimits limits = new MemoryLimits(declared.initialPages(),
                Math.min(declared.maximumPages(), Math.max(maxMemoryPages, declared.initialPages())));
        Instance instance;
        try {
            instance = Instance.builder(module)
                    .withMachineFactory(Sqlite3Module::create)
                    .withMemoryFactory(FlatMemory::new)
                    .withMemoryLimits(limits)
                    .withImportValues(imports)
                    .build();
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new SqliteException(ResultCodes.NOMEM, "cannot instantiate SQLite: " + e, e);
        }
        this.vfs = vfs;
        this.maxMemoryPages = maxMemoryPages;
        this.memory = instance.memory();
        this.fn = new Exports(instance);
        call(fn.initialize);
        this.memoryUsedAtStart = call(fn.memoryUsed);
    }

    /** Loads and parses the module once per JVM, on first use. */
    private static final class ModuleHolder {
        static final WasmModule MODULE = Sqlite3Module.load();
    }

    Memory memory() {
        return memory;
    }

    // ---- calls ----

    /**
     * Calls an export. The thread's interrupt flag is taken off for the call and becomes SQLite's
     * own (see {@link #threadInterrupted()}): the statement stops with SQLITE_INTERRUPT at SQLite's
     * next progress check, and the flag is put back when the outermost call returns. (The build
     * removes Chicory's own check, which would abort SQLite mid-instruction; should a Chicory
     * interrupt still arrive, the instance is closed as for any other abort.)
     */
    long call(ExportFunction function, long... args) throws SqliteException {
        if (poisonedBy != null) {
            throw new SqliteException(ResultCodes.MISUSE, "connection was closed after a fatal error: " + poisonedBy);
        }
        if (Thread.interrupted()) {
            threadInterrupted = true;
        }
        depth++;
        try {
            long[] result = function.apply(args);
            return result == null || result.length == 0 ? 0 : result[0];
        } catch (ChicoryInterruptedException e) {
            // The interrupt landed while SQLite was running: it stopped at an arbitrary point.
            threadInterrupted = true;
            throw poison(ResultCodes.INTERRUPT, "the thread was interrupted while SQLite was running", e);
        } catch (OutOfMemoryError e) {
            throw poison(ResultCodes.NOMEM, "the JVM has no memory left for this connection", e);
        } catch (StackOverflowError e) {
            throw poison(ResultCodes.INTERNAL, "stack overflow in SQLite", e);
        } catch (RuntimeException e) {
            throw poison(ResultCodes.INTERNAL, "SQLite trapped: " + e.getMessage(), e);
        } finally {
            if (--depth == 0 && threadInterrupted) {
                threadInterrupted = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether the calling thread was interrupted during the current call into SQLite. Running
     * statements then stop with SQLITE_INTERRUPT and busy waits end early.
     */
    boolean threadInterrupted() {
        if (!threadInterrupted && depth > 0 && Thread.interrupted()) {
            threadInterrupted = true; // interrupted while SQLite runs: kept here until the call returns
        }
        return threadInterrupted;
    }

    /** Records an interrupt that a host function consumed (an InterruptedException). */
    void noteThreadInterrupt() {
        threadInterrupted = true;
    }

    int callInt(ExportFunction function, long... args) throws SqliteException {
        return (int) call(function, args);
    }

    private SqliteException poison(int code, String reason, Throwable cause) {
        poisonedBy = reason;
        files.closeAll();
        return new SqliteException(code, reason + "; the connection was closed", cause);
    }

    boolean isPoisoned() {
        return poisonedBy != null;
    }

    /** Releases what the JVM holds for this instance; the wasm memory goes with the object. */
    void discard() {
        files.closeAll();
        callbacks.clear();
    }

    /**
     * Makes the instance ready for another connection, after its last one closed cleanly, and says
     * whether it is: SQLite back to the memory it used right after start-up (so nothing of the old
     * connection is left in it, not even a zombie connection that close_v2 kept for an unfinished
     * backup or blob), no file open, no call in progress, and memory no larger than
     * {@code maxPages}.
     */
    boolean resetForReuse(int maxPages) {
        if (poisonedBy != null || depth != 0 || files.count() != 0 || memory.pages() > maxPages) {
            return false;
        }
        try {
            if (scratch != 0) {
                call(fn.free, scratch);
                scratch = 0;
                scratchSize = 0;
            }
            if (call(fn.memoryUsed) != memoryUsedAtStart) {
                return false;
            }
        } catch (SqliteException e) {
            return false;
        }
        callbacks.clear();
        lastVfsError = null;
        threadInterrupted = false;
        return true;
    }

    // ---- memory ----

    /**
     * A region of wasm memory of at least {@code size} bytes, valid until the next call to this
     * method. Large regions are not kept: the caller passes them to {@link #release}.
     */
    int scratch(int size) throws SqliteException {
        if (size > SCRATCH_LIMIT) {
            return malloc(size);
        }
        if (size > scratchSize) {
            if (scratch != 0) {
                call(fn.free, scratch);
            }
            int newSize = Math.min(SCRATCH_LIMIT, Math.max(size, Math.max(256, scratchSize * 2)));
            scratch = malloc(newSize);
            scratchSize = newSize;
        }
        return scratch;
    }

    /** Frees a region from {@link #scratch} if it was allocated for one call. */
    void release(int pointer) throws SqliteException {
        if (pointer != scratch && pointer != 0) {
            call(fn.free, pointer);
        }
    }

    int malloc(int size) throws SqliteException {
        int pointer = callInt(fn.malloc, Math.max(size, 1));
        if (pointer == 0) {
            throw new SqliteException(ResultCodes.NOMEM, "out of memory: cannot allocate " + size + " bytes");
        }
        return pointer;
    }

    /** Copies {@code bytes} into scratch memory followed by a NUL; returns the address. */
    int scratchCString(byte[] bytes) throws SqliteException {
        int pointer = scratch(bytes.length + 1);
        memory.write(pointer, bytes, 0, bytes.length);
        memory.writeByte(pointer + bytes.length, (byte) 0);
        return pointer;
    }

    /** A NUL-terminated UTF-8 string from wasm memory; {@code null} for a null pointer. */
    String readCString(int pointer) {
        return pointer == 0 ? null : memory.readCString(pointer, StandardCharsets.UTF_8);
    }

    String readUtf8(int pointer, int length) {
        return length == 0 ? "" : new String(memory.readBytes(pointer, length), StandardCharsets.UTF_8);
    }

    // ---- errors from the VFS ----

    void vfsError(String message) {
        lastVfsError = message;
    }

    /** The VFS's explanation of its most recent failure, once. */
    String takeVfsError() {
        String message = lastVfsError;
        lastVfsError = null;
        return message;
    }
}
