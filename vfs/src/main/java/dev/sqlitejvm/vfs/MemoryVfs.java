package dev.sqlitejvm.vfs;

import java.util.HashMap;
import java.util.Map;

/**
 * Every file in the Java heap: nothing touches the disk. Files live as long as this VFS, so a
 * database written through it can be reopened by name while the VFS is reachable.
 *
 * <p>{@link #named} gives the JVM-wide VFS behind a named in-memory database, shared by every
 * connection that opens the name; it is forgotten, and its memory freed, when the last file handle
 * on it closes. Connections on different threads exclude each other with SQLite's lock protocol.
 */
public final class MemoryVfs implements Vfs {
    private static final Map<String, MemoryVfs> NAMED = new HashMap<>();

    private final String name;
    private final Map<String, Entry> files = new HashMap<>();
    private int openHandles;

    public MemoryVfs() {
        this(null);
    }

    private MemoryVfs(String name) {
        this.name = name;
    }

    /** The shared in-memory VFS called {@code name}, created on first use. */
    public static MemoryVfs named(String name) {
        synchronized (NAMED) {
            return NAMED.computeIfAbsent(name, MemoryVfs::new);
        }
    }

    /** Whether a named in-memory database is currently alive (some connection has it open). */
    public static boolean isAlive(String name) {
        synchronized (NAMED) {
            return NAMED.containsKey(name);
        }
    }

    private static final class Entry {
        final MemoryFile file = new MemoryFile();
        final MemoryLocks locks = new MemoryLocks();
    }

    @Override
    public synchronized VfsFile open(String fileName, int flags) throws VfsException {
        if (fileName == null) {
            return new MemoryFile();
        }
        Entry entry = files.get(fileName);
        if (entry == null) {
            if (!OpenFlags.has(flags, OpenFlags.CREATE)) {
                throw new VfsException(VfsException.CANTOPEN, "cannot open " + fileName + ": no such file");
            }
            entry = new Entry();
            files.put(fileName, entry);
        }
        if (openHandles++ == 0 && name != null) {
            synchronized (NAMED) {
                NAMED.putIfAbsent(name, this); // revived by a connection that found it just before it was freed
            }
        }
        return new SharedHandle(entry, OpenFlags.has(flags, OpenFlags.DELETEONCLOSE) ? fileName : null);
    }

    private synchronized void closed(String deleteName) {
        if (deleteName != null) {
            files.remove(deleteName);
        }
        if (--openHandles == 0 && name != null) {
            files.clear();
            synchronized (NAMED) {
                NAMED.remove(name, this);
            }
        }
    }

    @Override
    public synchronized void delete(String fileName, boolean syncDirectory) throws VfsException {
        if (files.remove(fileName) == null) {
            throw new VfsException(VfsException.IOERR_DELETE_NOENT, "no such file: " + fileName);
        }
    }

    @Override
    public synchronized boolean access(String fileName, AccessCheck check) throws VfsException {
        Entry entry = files.get(fileName);
        return entry != null && entry.file.size() > 0;
    }

    @Override
    public String fullPathname(String fileName) {
        return fileName;
    }

    /** A handle whose close leaves the file in place, for the next open of the same name. */
    private final class SharedHandle implements VfsFile {
        private final Entry entry;
        private final String deleteOnClose;
        private LockLevel level = LockLevel.NONE;
        private boolean closed;

        SharedHandle(Entry entry, String deleteOnClose) {
            this.entry = entry;
            this.deleteOnClose = deleteOnClose;
        }

        @Override
        public int read(long offset, byte[] buffer, int bufferOffset, int length) {
            return entry.file.read(offset, buffer, bufferOffset, length);
        }

        @Override
        public void write(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException {
            entry.file.write(offset, buffer, bufferOffset, length);
        }

        @Override
        public void truncate(long size) {
            entry.file.truncate(size);
        }

        @Override
        public void sync(int flags) {
        }

        @Override
        public long size() {
            return entry.file.size();
        }

        @Override
        public void lock(LockLevel to) throws VfsException {
            level = entry.locks.raise(this, level, to);
            if (level != to) {
                throw new VfsException(VfsException.BUSY, "in-memory database is locked");
            }
        }

        @Override
        public void unlock(LockLevel to) {
            if (level.compareTo(to) > 0) {
                entry.locks.lower(this, level, to);
                level = to;
            }
        }

        @Override
        public boolean checkReservedLock() {
            return entry.locks.reserved();
        }

        @Override
        public boolean isReadOnly() {
            return false;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                unlock(LockLevel.NONE);
                closed(deleteOnClose);
            }
        }
    }
}
