package dev.sqlitejvm.vfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WAL-index {@code -shm} file as this JVM holds it: one descriptor, one mapping per region and
 * one set of OS locks, shared by the connections of this JVM, each of which sees it through a
 * {@link Handle}.
 *
 * <p>The byte layout is the unix VFS's, so native processes and this JVM exclude each other: lock
 * slot {@code i} is byte {@code 120 + i} of the file, and a read lock on byte 128 (the "dead man
 * switch") is held by every process using the file. The first process to find no lock there
 * resets the file, because its contents may be left over from a crash.
 */
final class ShmFile {
    static final long LOCK_BASE = 120;
    static final long DEAD_MAN_SWITCH = LOCK_BASE + SharedMemory.LOCK_SLOTS;
    private static final int OS_PAGE = 4096;

    private static final Map<String, ShmFile> OPEN = new HashMap<>();

    private final Path path;
    private final String key;
    private final RandomAccessFile file;
    private final FileChannel channel;
    private final boolean readOnly;
    private final List<MappedByteBuffer> regions = new ArrayList<>();
    private FileLock deadManSwitch;
    private int handles;

    // Lock slots, guarded by this object's monitor: per slot, the handles of this JVM reading it,
    // the handle writing it, and the OS lock that stands for them.
    private final int[] readers = new int[SharedMemory.LOCK_SLOTS];
    private final Handle[] writer = new Handle[SharedMemory.LOCK_SLOTS];
    private final FileLock[] slotLocks = new FileLock[SharedMemory.LOCK_SLOTS];

    private ShmFile(Path path, String key, RandomAccessFile file, boolean readOnly) {
        this.path = path;
        this.key = key;
        this.file = file;
        this.channel = file.getChannel();
        this.readOnly = readOnly;
    }

    static Handle open(Path path, boolean readOnlyDatabase) throws VfsException {
        String key = path.toAbsolutePath().normalize().toString();
        synchronized (OPEN) {
            ShmFile shm = OPEN.get(key);
            if (shm == null) {
                shm = create(path, key, readOnlyDatabase);
                OPEN.put(key, shm);
            }
            shm.handles++;
            return shm.new Handle();
        }
    }

    private static ShmFile create(Path path, String key, boolean readOnlyDatabase) throws VfsException {
        ShmFile shm;
        try {
            shm = new ShmFile(path, key, new RandomAccessFile(path.toFile(), "rw"), false);
        } catch (FileNotFoundException e) {
            if (!readOnlyDatabase || !Files.exists(path)) {
                throw new VfsException(VfsException.IOERR_SHMOPEN, "cannot open " + path + ": " + e.getMessage(), e);
            }
            try {
                shm = new ShmFile(path, key, new RandomAccessFile(path.toFile(), "r"), true);
            } catch (FileNotFoundException e2) {
                throw new VfsException(VfsException.IOERR_SHMOPEN, "cannot open " + path + ": " + e2.getMessage(), e2);
            }
        }
        try {
            shm.joinOrReset();
            return shm;
        } catch (VfsException | RuntimeException e) {
            shm.closeQuietly();
            throw e;
        }
    }

    /** Takes the shared dead-man-switch lock; resets the file first if no process holds one. */
    private void joinOrReset() throws VfsException {
        try {
            if (!readOnly) {
                FileLock alone = channel.tryLock(DEAD_MAN_SWITCH, 1, false);
                if (alone != null) {
                    // Nobody uses the file: whatever it holds is stale (the unix VFS truncates to 3 bytes
                    // too, smaller than a header, so readers rebuild the index from the WAL).
                    file.setLength(3);
                    alone.release();
                }
            }
            deadManSwitch = channel.tryLock(DEAD_MAN_SWITCH, 1, true);
        } catch (IOException | OverlappingFileLockException e) {
            throw new VfsException(VfsException.IOERR_SHMOPEN, "lock " + path + ": " + e, e);
        }
        if (deadManSwitch == null) {
            // Another process holds it exclusively: it is resetting the file right now.
            throw new VfsException(VfsException.BUSY, path + " is being reset by another process");
        }
    }

    private void closeQuietly() {
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing was shared yet
        }
    }

    private synchronized ByteBuffer region(int index, int size, boolean extend) throws VfsException {
        while (regions.size() <= index) {
            regions.add(null);
        }
        MappedByteBuffer mapped = regions.get(index);
        if (mapped == null) {
            long start = (long) index * size;
            long end = start + size;
            try {
                long length = file.length();
                if (length < end) {
                    if (!extend || readOnly) {
                        return null;
                    }
                    allocate(length, end);
                }
                mapped = Uninterruptibly.map(channel,
                        readOnly ? FileChannel.MapMode.READ_ONLY : FileChannel.MapMode.READ_WRITE, start, size);
            } catch (IOException e) {
                throw new VfsException(VfsException.IOERR_SHMMAP, "map " + path + " region " + index + ": " + e, e);
            }
            regions.set(index, mapped);
        }
        return mapped.duplicate();
    }

    /**
     * Grows the file by writing a byte into each new OS page, as the unix VFS does, so that a full
     * disk fails here rather than as a fault on a later store into the mapping.
     */
    private void allocate(long from, long to) throws IOException {
        synchronized (file) {
            for (long last = from - from % OS_PAGE + OS_PAGE - 1; last < to; last += OS_PAGE) {
                if (last >= from) {
                    file.seek(last);
                    file.write(0);
                }
            }
        }
    }

    private synchronized void lock(Handle owner, int offset, int count, boolean exclusive) throws VfsException {
        int mask = mask(offset, count);
        if (exclusive) {
            if ((owner.exclusiveMask & mask) == mask) {
                return;
            }
            for (int slot = offset; slot < offset + count; slot++) {
                if ((writer[slot] != null && writer[slot] != owner) || readers[slot] > 0) {
                    throw busy(slot);
                }
            }
        } else {
            for (int slot = offset; slot < offset + count; slot++) {
                if (writer[slot] != null && writer[slot] != owner) {
                    throw busy(slot);
                }
            }
        }
        int taken = 0;
        try {
            for (int slot = offset; slot < offset + count; slot++) {
                int bit = 1 << slot;
                if (exclusive ? (owner.exclusiveMask & bit) != 0 : (owner.sharedMask & bit) != 0) {
                    continue;
                }
                if (exclusive || readers[slot] == 0) {
                    FileLock os = channel.tryLock(LOCK_BASE + slot, 1, !exclusive);
                    if (os == null) {
                        throw busy(slot);
                    }
                    slotLocks[slot] = os;
                }
                if (exclusive) {
                    writer[slot] = owner;
                    owner.exclusiveMask |= bit;
                } else {
                    readers[slot]++;
                    owner.sharedMask |= bit;
                }
                taken |= bit;
            }
        } catch (IOException | OverlappingFileLockException | java.nio.channels.NonWritableChannelException e) {
            unlock(owner, taken, exclusive);
            throw new VfsException(VfsException.IOERR_SHMLOCK, "lock " + path + ": " + e, e);
        } catch (VfsException e) {
            unlock(owner, taken, exclusive); // all or nothing, as SQLite expects
            throw e;
        }
    }

    private VfsException busy(int slot) {
        return new VfsException(VfsException.BUSY, path + " lock slot " + slot + " is held");
    }

    private static int mask(int offset, int count) {
        if (offset < 0 || count < 1 || offset + count > SharedMemory.LOCK_SLOTS) {
            throw new IllegalArgumentException("no shm lock slots " + offset + "+" + count);
        }
        return ((1 << count) - 1) << offset;
    }

    private synchronized void unlock(Handle owner, int mask, boolean exclusive) throws VfsException {
        IOException failure = null;
        for (int slot = 0; slot < SharedMemory.LOCK_SLOTS; slot++) {
            int bit = 1 << slot;
            if ((mask & bit) == 0) {
                continue;
            }
            boolean release;
            if (exclusive) {
                if ((owner.exclusiveMask & bit) == 0) {
                    continue;
                }
                owner.exclusiveMask &= ~bit;
                writer[slot] = null;
                release = true;
            } else {
                if ((owner.sharedMask & bit) == 0) {
                    continue;
                }
                owner.sharedMask &= ~bit;
                release = --readers[slot] == 0;
            }
            if (release && slotLocks[slot] != null) {
                try {
                    slotLocks[slot].release();
                } catch (IOException e) {
                    failure = e;
                }
                slotLocks[slot] = null;
            }
        }
        if (failure != null) {
            throw new VfsException(VfsException.IOERR_SHMLOCK, "unlock " + path + ": " + failure, failure);
        }
    }

    private void detach(Handle handle, boolean delete) throws VfsException {
        unlock(handle, handle.sharedMask, false);
        unlock(handle, handle.exclusiveMask, true);
        synchronized (OPEN) {
            if (--handles > 0) {
                return;
            }
            OPEN.remove(key);
        }
        try {
            deadManSwitch.release();
            if (delete && !readOnly) {
                Files.deleteIfExists(path);
            }
            file.close(); // the mappings stay valid until collected; no handle uses them any more
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_SHMOPEN, "close " + path + ": " + e, e);
        }
    }

    /** One connection's view: which lock slots it holds. */
    final class Handle implements SharedMemory {
        private int sharedMask;
        private int exclusiveMask;
        private boolean closed;

        @Override
        public ByteBuffer region(int index, int size, boolean extend) throws VfsException {
            return ShmFile.this.region(index, size, extend);
        }

        @Override
        public boolean isReadOnly() {
            return readOnly;
        }

        @Override
        public void lock(int offset, int count, boolean exclusive) throws VfsException {
            ShmFile.this.lock(this, offset, count, exclusive);
        }

        @Override
        public void unlock(int offset, int count, boolean exclusive) throws VfsException {
            ShmFile.this.unlock(this, mask(offset, count), exclusive);
        }

        @Override
        public void close(boolean delete) throws VfsException {
            if (!closed) {
                closed = true;
                detach(this, delete);
            }
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }
}
