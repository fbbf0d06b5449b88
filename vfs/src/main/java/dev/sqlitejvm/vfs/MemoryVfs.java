package dev.sqlitejvm.vfs;

import java.util.HashMap;
import java.util.Map;

/**
 * Every file in the Java heap: nothing touches the disk. Files live as long as this VFS, so a
 * database written through it can be reopened by name while the VFS is reachable.
 */
public final class MemoryVfs implements Vfs {
    private final Map<String, MemoryFile> files = new HashMap<>();

    @Override
    public synchronized VfsFile open(String name, int flags) throws VfsException {
        if (name == null) {
            return new MemoryFile();
        }
        MemoryFile file = files.get(name);
        if (file == null) {
            if (!OpenFlags.has(flags, OpenFlags.CREATE)) {
                throw new VfsException(VfsException.CANTOPEN, "cannot open " + name + ": no such file");
            }
            file = new MemoryFile();
            files.put(name, file);
        }
        return new SharedHandle(file);
    }

    @Override
    public synchronized void delete(String name, boolean syncDirectory) throws VfsException {
        if (files.remove(name) == null) {
            throw new VfsException(VfsException.IOERR_DELETE_NOENT, "no such file: " + name);
        }
    }

    @Override
    public synchronized boolean access(String name, AccessCheck check) throws VfsException {
        MemoryFile file = files.get(name);
        return file != null && file.size() > 0;
    }

    @Override
    public String fullPathname(String name) {
        return name;
    }

    /** A handle whose close leaves the file in place, for the next open of the same name. */
    private static final class SharedHandle implements VfsFile {
        private final MemoryFile file;

        SharedHandle(MemoryFile file) {
            this.file = file;
        }

        @Override
        public int read(long offset, byte[] buffer, int bufferOffset, int length) {
            return file.read(offset, buffer, bufferOffset, length);
        }

        @Override
        public void write(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException {
            file.write(offset, buffer, bufferOffset, length);
        }

        @Override
        public void truncate(long size) {
            file.truncate(size);
        }

        @Override
        public void sync(int flags) {
        }

        @Override
        public long size() {
            return file.size();
        }

        @Override
        public void lock(LockLevel level) {
        }

        @Override
        public void unlock(LockLevel level) {
        }

        @Override
        public boolean checkReservedLock() {
            return false;
        }

        @Override
        public boolean isReadOnly() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
