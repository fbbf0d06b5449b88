package dev.sqlitejvm.vfs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * One file on disk as this JVM holds it: a single descriptor shared by every handle that SQLite
 * opens on the file, and the file's lock state.
 *
 * <p>Why one descriptor: POSIX drops all of a process's locks on a file when any descriptor of
 * that file is closed, and Java refuses overlapping locks within one JVM. So the JVM takes one set
 * of OS locks per file (in the byte layout of SQLite's unix VFS, so native processes see them) and
 * counts the connections of this JVM on top, as SQLite's unix VFS does per inode. The descriptor
 * is closed only when the last handle closes, when no lock is left.
 *
 * <p>Why {@link RandomAccessFile} rather than {@code FileChannel.read/write}: a channel is closed
 * by an interrupt of the thread using it, which would drop every connection's locks. The stream
 * methods of {@code RandomAccessFile} and the channel's {@code tryLock} are not interruptible.
 */
final class SharedFile {
    /** The unix VFS's lock bytes: the first byte of the 1 GiB page, then RESERVED, then the SHARED range. */
    static final long PENDING_BYTE = 0x40000000L;
    static final long RESERVED_BYTE = PENDING_BYTE + 1;
    static final long SHARED_FIRST = PENDING_BYTE + 2;
    static final long SHARED_SIZE = 510;

    /** Open files by identity (device and inode), so two names of one file share one entry. */
    private static final Map<Object, SharedFile> OPEN = new HashMap<>();

    final Path path;
    private final Object key;
    private final RandomAccessFile file;
    private final FileChannel channel;
    private final boolean writable;
    private int handles;

    // Lock state of this JVM, guarded by this object's monitor.
    /** Handles of this JVM holding SHARED or more. */
    private int readers;
    /** The strongest level any handle of this JVM holds. */
    private LockLevel level = LockLevel.NONE;
    private FileLock sharedRange;
    private FileLock reservedByte;
    private FileLock pendingByte;

    private SharedFile(Path path, Object key, RandomAccessFile file, boolean writable) {
        this.path = path;
        this.key = key;
        this.file = file;
        this.channel = file.getChannel();
        this.writable = writable;
    }

    /**
     * Opens {@code path} (creating it first if asked), sharing the descriptor of a handle already
     * open on the same file.
     */
    static SharedFile open(Path path, boolean create, boolean exclusive) throws VfsException {
        synchronized (OPEN) {
            createIfAsked(path, create, exclusive);
            Object key = identity(path);
            SharedFile shared = OPEN.get(key);
            if (shared == null) {
                shared = openNew(path, key);
                OPEN.put(key, shared);
            }
            shared.handles++;
            return shared;
        }
    }

    private static void createIfAsked(Path path, boolean create, boolean exclusive) throws VfsException {
        if (!create || (!exclusive && Files.exists(path))) {
            return;
        }
        try {
            Files.createFile(path);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (exclusive) {
                throw cantOpen(path, "file exists", e);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw cantOpen(path, "no such directory", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw cantOpen(path, "permission denied", e);
        } catch (IOException e) {
            throw cantOpen(path, e.toString(), e);
        }
    }

    private static Object identity(Path path) throws VfsException {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return key != null ? key : path.toRealPath().toString();
        } catch (java.nio.file.NoSuchFileException e) {
            throw cantOpen(path, Files.isDirectory(path.toAbsolutePath().getParent()) ? "no such file" : "no such directory", e);
        } catch (IOException e) {
            throw cantOpen(path, e.toString(), e);
        }
    }

    private static SharedFile openNew(Path path, Object key) throws VfsException {
        // Read-write when the OS allows it, whatever this handle asked: a later handle may need to
        // write or take write locks through the same descriptor.
        try {
            return new SharedFile(path, key, new RandomAccessFile(path.toFile(), "rw"), true);
        } catch (FileNotFoundException e) {
            try {
                return new SharedFile(path, key, new RandomAccessFile(path.toFile(), "r"), false);
            } catch (FileNotFoundException e2) {
                throw cantOpen(path, Files.exists(path) ? "permission denied" : "no such file", e2);
            }
        }
    }

    static VfsException cantOpen(Path path, String why, Exception cause) {
        return new VfsException(VfsException.CANTOPEN, "cannot open " + path + ": " + why, cause);
    }

    boolean isWritable() {
        return writable;
    }

    /** Drops one handle; the last closes the descriptor. The handle has released its locks. */
    void release() throws VfsException {
        synchronized (OPEN) {
            if (--handles > 0) {
                return;
            }
            OPEN.remove(key);
        }
        try {
            file.close();
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_CLOSE, "close " + path + ": " + e, e);
        }
    }

    // ---- I/O: positional, through one descriptor, so each call holds the descriptor alone ----

    int read(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException {
        try {
            synchronized (file) {
                file.seek(offset);
                int done = 0;
                while (done < length) {
                    int n = file.read(buffer, bufferOffset + done, length - done);
                    if (n < 0) {
                        break;
                    }
                    done += n;
                }
                return done;
            }
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_READ, "read " + path + ": " + e, e);
        }
    }

    void write(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException {
        try {
            synchronized (file) {
                file.seek(offset);
                file.write(buffer, bufferOffset, length);
            }
        } catch (IOException e) {
            boolean full = String.valueOf(e.getMessage()).contains("No space left");
            throw new VfsException(full ? VfsException.FULL : VfsException.IOERR_WRITE, "write " + path + ": " + e, e);
        }
    }

    void truncate(long size) throws VfsException {
        try {
            synchronized (file) {
                file.setLength(size);
            }
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_TRUNCATE, "truncate " + path + ": " + e, e);
        }
    }

    void sync() throws VfsException {
        try {
            file.getFD().sync();
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_FSYNC, "sync " + path + ": " + e, e);
        }
    }

    long size() throws VfsException {
        try {
            return file.length();
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_FSTAT, "size of " + path + ": " + e, e);
        }
    }

    // ---- locks ----

    /**
     * Moves a handle that holds {@code held} toward {@code to}; returns the level it reached,
     * which is {@code held} (or PENDING on the way to EXCLUSIVE) when another connection, of this
     * JVM or another process, holds a conflicting lock.
     */
    synchronized LockLevel lock(LockLevel held, LockLevel to) throws VfsException {
        if (held.compareTo(to) >= 0) {
            return held;
        }
        // Another handle of this JVM is writing (PENDING or more keeps new readers out), or we
        // want to write while another handle of this JVM already does.
        if (held != level && (level.compareTo(LockLevel.PENDING) >= 0 || to.compareTo(LockLevel.SHARED) > 0)) {
            return held;
        }
        try {
            switch (to) {
                case SHARED:
                    return lockShared() ? LockLevel.SHARED : held;
                case RESERVED:
                    reservedByte = channel.tryLock(RESERVED_BYTE, 1, false);
                    if (reservedByte == null) {
                        return held;
                    }
                    level = LockLevel.RESERVED;
                    return LockLevel.RESERVED;
                case PENDING:
                case EXCLUSIVE:
                    return lockExclusive(held, to);
                default:
                    throw new IllegalArgumentException("cannot lock to " + to);
            }
        } catch (IOException | NonWritableChannelException | OverlappingFileLockException e) {
            throw new VfsException(VfsException.IOERR_LOCK, "lock " + path + ": " + e, e);
        }
    }

    private boolean lockShared() throws IOException {
        if (level == LockLevel.SHARED || level == LockLevel.RESERVED) {
            readers++; // the JVM already reads: count this handle, no OS call
            return true;
        }
        // As the unix VFS: a read lock on PENDING while taking the SHARED range, so that a writer
        // announcing itself on PENDING keeps new readers out.
        FileLock gate = channel.tryLock(PENDING_BYTE, 1, true);
        if (gate == null) {
            return false;
        }
        try {
            sharedRange = channel.tryLock(SHARED_FIRST, SHARED_SIZE, true);
        } finally {
            gate.release();
        }
        if (sharedRange == null) {
            return false;
        }
        readers = 1;
        level = LockLevel.SHARED;
        return true;
    }

    private LockLevel lockExclusive(LockLevel held, LockLevel to) throws IOException {
        if (held.compareTo(LockLevel.PENDING) < 0) {
            pendingByte = channel.tryLock(PENDING_BYTE, 1, false);
            if (pendingByte == null) {
                return held;
            }
            level = LockLevel.PENDING;
        }
        if (to == LockLevel.PENDING || readers > 1) {
            return LockLevel.PENDING; // other readers of this JVM must leave first
        }
        // Java cannot turn a read lock into a write lock in place. Holding PENDING keeps every new
        // reader out while the read lock is briefly gone.
        sharedRange.release();
        FileLock exclusive = channel.tryLock(SHARED_FIRST, SHARED_SIZE, false);
        if (exclusive == null) {
            sharedRange = relock(SHARED_FIRST, SHARED_SIZE, true);
            return LockLevel.PENDING;
        }
        sharedRange = exclusive;
        level = LockLevel.EXCLUSIVE;
        return LockLevel.EXCLUSIVE;
    }

    /** Takes a lock that nobody else can hold now (we hold PENDING); failing it is an I/O error. */
    private FileLock relock(long position, long size, boolean shared) throws IOException {
        FileLock lock = channel.tryLock(position, size, shared);
        if (lock == null) {
            throw new IOException("lost the SHARED lock while holding PENDING");
        }
        return lock;
    }

    /** Moves a handle from {@code held} down to {@code to} (SHARED or NONE). */
    synchronized void unlock(LockLevel held, LockLevel to) throws VfsException {
        if (held.compareTo(to) <= 0) {
            return;
        }
        try {
            if (held.compareTo(LockLevel.SHARED) > 0) {
                if (held == LockLevel.EXCLUSIVE) {
                    sharedRange.release();
                    sharedRange = relock(SHARED_FIRST, SHARED_SIZE, true);
                }
                if (pendingByte != null) {
                    pendingByte.release();
                    pendingByte = null;
                }
                if (reservedByte != null) {
                    reservedByte.release();
                    reservedByte = null;
                }
                level = LockLevel.SHARED;
            }
            if (to == LockLevel.NONE && --readers == 0) {
                sharedRange.release();
                sharedRange = null;
                level = LockLevel.NONE;
            }
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_UNLOCK, "unlock " + path + ": " + e, e);
        }
    }

    /** Whether a connection of this JVM or another process holds RESERVED or more. */
    synchronized boolean reservedByAnyone() throws VfsException {
        if (level.compareTo(LockLevel.SHARED) > 0) {
            return true;
        }
        try {
            // No F_GETLK in Java: probe with a read lock, which only a writer's lock refuses.
            FileLock probe = channel.tryLock(RESERVED_BYTE, 1, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException | OverlappingFileLockException e) {
            throw new VfsException(VfsException.IOERR_CHECKRESERVEDLOCK, "check lock " + path + ": " + e, e);
        }
    }
}
