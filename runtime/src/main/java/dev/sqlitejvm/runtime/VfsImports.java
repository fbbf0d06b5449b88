package dev.sqlitejvm.runtime;

import static com.dylibso.chicory.wasm.types.ValType.I32;
import static com.dylibso.chicory.wasm.types.ValType.I64;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.ValType;
import dev.sqlitejvm.vfs.LockLevel;
import dev.sqlitejvm.vfs.OpenFlags;
import dev.sqlitejvm.vfs.Vfs;
import dev.sqlitejvm.vfs.VfsException;
import dev.sqlitejvm.vfs.VfsFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.security.SecureRandom;
import java.util.List;
import java.util.TimeZone;

/**
 * The host side of vfs_bridge.c: each import unpacks its arguments from wasm, calls the
 * connection's {@link Vfs}, and answers with a SQLite result code. No exception crosses into wasm:
 * a failure becomes the code the VFS chose (or an I/O error) and its message is kept for the error
 * SQLite reports.
 */
final class VfsImports {
    private static final String MODULE = "sqlite_jvm";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vfs vfs;
    private final WasmSqlite sqlite;
    private final FileHandles files;
    /** WAL-index mirrors by file handle, for database files in WAL mode. */
    private final Map<Integer, ShmMirror> mirrors = new HashMap<>();
    /** vfs_bridge.c's SHM_REGION_ABSENT: the region is beyond the -shm file and was not to be created. */
    private static final int SHM_REGION_ABSENT = 12;
    /** Reused for reads and writes: SQLite's I/O is a page or less. */
    private byte[] ioBuffer = new byte[4096];

    VfsImports(Vfs vfs, WasmSqlite sqlite) {
        this.vfs = vfs;
        this.sqlite = sqlite;
        this.files = sqlite.files;
    }

    /** A VFS operation that may fail with a {@link VfsException}; returns a SQLite result code. */
    @FunctionalInterface
    private interface VfsCall {
        int run(Memory memory, long[] args) throws VfsException;
    }

    private HostFunction function(String name, List<ValType> params, VfsCall call) {
        return host(name, params, List.of(I32), (instance, args) -> {
            try {
                return new long[] {call.run(instance.memory(), args)};
            } catch (VfsException e) {
                sqlite.vfsError(e.getMessage());
                return new long[] {e.resultCode()};
            } catch (RuntimeException e) {
                sqlite.vfsError(name + ": " + e);
                return new long[] {ResultCodes.IOERR};
            }
        });
    }

    private static HostFunction host(String name, List<ValType> params, List<ValType> results,
                                     WasmFunctionHandle handle) {
        return new HostFunction(MODULE, name, params, results, handle);
    }

    List<ImportFunction> functions() {
        return List.of(
                function("vfs_open", List.of(I32, I32, I32, I32), this::open),
                function("vfs_delete", List.of(I32, I32), (m, a) -> {
                    vfs.delete(string(a[0]), a[1] != 0);
                    return ResultCodes.OK;
                }),
                function("vfs_access", List.of(I32, I32, I32), (m, a) -> {
                    boolean ok = vfs.access(string(a[0]), Vfs.AccessCheck.of((int) a[1]));
                    m.writeI32((int) a[2], ok ? 1 : 0);
                    return ResultCodes.OK;
                }),
                function("vfs_full_pathname", List.of(I32, I32, I32), this::fullPathname),
                host("vfs_randomness", List.of(I32, I32), List.of(), (instance, a) -> {
                    byte[] bytes = new byte[(int) a[0]];
                    RANDOM.nextBytes(bytes);
                    instance.memory().write((int) a[1], bytes);
                    return null;
                }),
                host("vfs_sleep", List.of(I32), List.of(), (instance, a) -> {
                    sleepMicros(a[0]);
                    return null;
                }),
                host("vfs_current_time_millis", List.of(), List.of(I64),
                        (instance, a) -> new long[] {System.currentTimeMillis()}),
                host("vfs_zone_offset", List.of(I64), List.of(I32),
                        (instance, a) -> new long[] {TimeZone.getDefault().getOffset(a[0] * 1000) / 1000}),

                function("file_close", List.of(I32), (m, a) -> {
                    mirrors.remove((int) a[0]);
                    files.remove((int) a[0]).close();
                    return ResultCodes.OK;
                }),
                function("file_read", List.of(I32, I32, I32, I64), this::read),
                function("file_write", List.of(I32, I32, I32, I64), this::write),
                function("file_truncate", List.of(I32, I64), (m, a) -> {
                    file(a[0]).truncate(a[1]);
                    return ResultCodes.OK;
                }),
                function("file_sync", List.of(I32, I32), (m, a) -> {
                    file(a[0]).sync((int) a[1]);
                    return ResultCodes.OK;
                }),
                function("file_size", List.of(I32, I32), (m, a) -> {
                    m.writeLong((int) a[1], file(a[0]).size());
                    return ResultCodes.OK;
                }),
                function("file_lock", List.of(I32, I32), (m, a) -> {
                    LockLevel level = LockLevel.of((int) a[1]);
                    file(a[0]).lock(level);
                    ShmMirror mirror = mirrors.get((int) a[0]);
                    if (mirror != null && level == LockLevel.SHARED) {
                        // A read transaction starts: show SQLite the current WAL-index header, so that
                        // its first look at it is not a stale copy that costs a retry.
                        mirror.sync(m);
                    }
                    return ResultCodes.OK;
                }),
                function("file_unlock", List.of(I32, I32), (m, a) -> {
                    file(a[0]).unlock(LockLevel.of((int) a[1]));
                    return ResultCodes.OK;
                }),
                function("file_check_reserved_lock", List.of(I32, I32), (m, a) -> {
                    m.writeI32((int) a[1], file(a[0]).checkReservedLock() ? 1 : 0);
                    return ResultCodes.OK;
                }),
                function("file_sector_size", List.of(I32), (m, a) -> file(a[0]).sectorSize()),
                function("file_device_characteristics", List.of(I32),
                        (m, a) -> file(a[0]).deviceCharacteristics()),

                function("shm_map", List.of(I32, I32, I32, I32, I32), this::shmMap),
                function("shm_lock", List.of(I32, I32, I32, I32), this::shmLock),
                host("shm_barrier", List.of(I32), List.of(), (instance, a) -> {
                    ShmMirror mirror = mirrors.get((int) a[0]);
                    if (mirror != null) {
                        mirror.sync(instance.memory());
                    }
                    return null;
                }),
                function("shm_unmap", List.of(I32, I32), (m, a) -> {
                    ShmMirror mirror = mirrors.remove((int) a[0]);
                    if (mirror != null) {
                        mirror.shm.close(a[1] != 0);
                    }
                    return ResultCodes.OK;
                }));
    }

    /** SQLITE_SHM_* flags of xShmLock. */
    private static final int SHM_UNLOCK = 1;
    private static final int SHM_EXCLUSIVE = 8;
    /** WAL_WRITE_LOCK: the lock slot SQLite holds while it writes the WAL and its hash tables. */
    private static final int WAL_WRITE_LOCK = 0;

    private int shmMap(Memory memory, long[] a) throws VfsException {
        int handle = (int) a[0];
        int region = (int) a[1];
        int size = (int) a[2];
        ShmMirror mirror = mirrors.get(handle);
        if (mirror == null) {
            mirror = new ShmMirror(file(handle).sharedMemory());
            mirrors.put(handle, mirror);
        }
        ByteBuffer shared = mirror.shm.region(region, size, a[3] != 0);
        if (shared == null) {
            return SHM_REGION_ABSENT;
        }
        mirror.attach(memory, region, (int) a[4], shared, size);
        return mirror.shm.isReadOnly() ? ResultCodes.READONLY : ResultCodes.OK;
    }

    private int shmLock(Memory memory, long[] a) throws VfsException {
        ShmMirror mirror = mirrors.get((int) a[0]);
        if (mirror == null) {
            throw new VfsException(VfsException.IOERR_SHMLOCK, "shm lock before shm map");
        }
        int offset = (int) a[1];
        int count = (int) a[2];
        int flags = (int) a[3];
        boolean exclusive = (flags & SHM_EXCLUSIVE) != 0;
        boolean writeLock = exclusive && offset == WAL_WRITE_LOCK;
        if ((flags & SHM_UNLOCK) != 0) {
            mirror.sync(memory); // publish before others may look
            mirror.shm.unlock(offset, count, exclusive);
            if (writeLock) {
                mirror.writeLock(false);
            }
        } else {
            mirror.shm.lock(offset, count, exclusive);
            if (writeLock) {
                mirror.writeLock(true);
            }
            mirror.sync(memory); // see what the previous holder published
        }
        return ResultCodes.OK;
    }

    private VfsFile file(long handle) {
        return files.get((int) handle);
    }

    private String string(long pointer) {
        return sqlite.readCString((int) pointer);
    }

    private int open(Memory memory, long[] a) throws VfsException {
        int flags = (int) a[1];
        VfsFile file = vfs.open(string(a[0]), flags);
        memory.writeI32((int) a[2], files.add(file));
        if (a[3] != 0) {
            int outFlags = file.isReadOnly()
                    ? (flags & ~(OpenFlags.READWRITE | OpenFlags.CREATE)) | OpenFlags.READONLY
                    : flags;
            memory.writeI32((int) a[3], outFlags);
        }
        return ResultCodes.OK;
    }

    private int fullPathname(Memory memory, long[] a) throws VfsException {
        byte[] path = vfs.fullPathname(string(a[0])).getBytes(StandardCharsets.UTF_8);
        int capacity = (int) a[1];
        if (path.length + 1 > capacity) {
            throw new VfsException(ResultCodes.CANTOPEN, "path longer than " + (capacity - 1) + " bytes");
        }
        int out = (int) a[2];
        memory.write(out, path);
        memory.writeByte(out + path.length, (byte) 0);
        return ResultCodes.OK;
    }

    private int read(Memory memory, long[] a) throws VfsException {
        int buffer = (int) a[1];
        int amount = (int) a[2];
        byte[] io = ioBuffer(amount);
        int n = file(a[0]).read(a[3], io, 0, amount);
        memory.write(buffer, io, 0, n);
        if (n < amount) {
            // SQLite requires the rest of the buffer zeroed on a short read.
            memory.fill((byte) 0, buffer + n, buffer + amount);
            return ResultCodes.IOERR_SHORT_READ;
        }
        return ResultCodes.OK;
    }

    private int write(Memory memory, long[] a) throws VfsException {
        int amount = (int) a[2];
        byte[] data = memory.readBytes((int) a[1], amount);
        file(a[0]).write(a[3], data, 0, amount);
        return ResultCodes.OK;
    }

    private byte[] ioBuffer(int size) {
        if (size > ioBuffer.length) {
            ioBuffer = new byte[size];
        }
        return ioBuffer;
    }

    /**
     * SQLite's busy handler sleeps here between retries. An interrupted thread does not sleep, so
     * its busy wait ends promptly with SQLITE_BUSY; the interrupt is kept for the caller.
     */
    private void sleepMicros(long micros) {
        if (sqlite.threadInterrupted()) {
            return;
        }
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            sqlite.noteThreadInterrupt();
        }
    }
}
