package dev.sqlitejvm.vfs;

import java.nio.ByteBuffer;

/**
 * A {@link Vfs} that passes everything to another one and tells a {@link WalObserver} about WAL
 * writes, database writes and WAL-index locks. It adds no state of its own: files, locks and shared
 * memory are the delegate's.
 */
public final class WalObservingVfs implements Vfs {
    private static final String WAL_SUFFIX = "-wal";

    private final Vfs delegate;
    private final WalObserver observer;

    public WalObservingVfs(Vfs delegate, WalObserver observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    public Vfs delegate() {
        return delegate;
    }

    @Override
    public VfsFile open(String name, int flags) throws VfsException {
        VfsFile file = delegate.open(name, flags);
        if (name == null) {
            return file;
        }
        if (OpenFlags.has(flags, OpenFlags.WAL) && name.endsWith(WAL_SUFFIX)) {
            return new Observed(file, name.substring(0, name.length() - WAL_SUFFIX.length()), true);
        }
        if (OpenFlags.has(flags, OpenFlags.MAIN_DB)) {
            return new Observed(file, name, false);
        }
        return file;
    }

    @Override
    public void delete(String name, boolean syncDirectory) throws VfsException {
        delegate.delete(name, syncDirectory);
    }

    @Override
    public boolean access(String name, AccessCheck check) throws VfsException {
        return delegate.access(name, check);
    }

    @Override
    public String fullPathname(String name) throws VfsException {
        return delegate.fullPathname(name);
    }

    /** A database file or its WAL, observed. */
    private final class Observed implements VfsFile {
        private final VfsFile file;
        private final String database;
        private final boolean wal;
        private SharedMemory shm;

        Observed(VfsFile file, String database, boolean wal) {
            this.file = file;
            this.database = database;
            this.wal = wal;
        }

        @Override
        public int read(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException {
            return file.read(offset, buffer, bufferOffset, length);
        }

        @Override
        public void write(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException {
            if (wal) {
                observer.walWrite(database, offset, buffer, bufferOffset, length);
            } else {
                observer.databaseWrite(database, offset, length);
            }
            file.write(offset, buffer, bufferOffset, length);
        }

        @Override
        public void truncate(long size) throws VfsException {
            if (wal) {
                observer.walTruncate(database, size);
            } else {
                observer.databaseWrite(database, size, -1);
            }
            file.truncate(size);
        }

        @Override
        public void sync(int flags) throws VfsException {
            file.sync(flags);
        }

        @Override
        public long size() throws VfsException {
            return file.size();
        }

        @Override
        public void lock(LockLevel level) throws VfsException {
            file.lock(level);
        }

        @Override
        public void unlock(LockLevel level) throws VfsException {
            file.unlock(level);
        }

        @Override
        public boolean checkReservedLock() throws VfsException {
            return file.checkReservedLock();
        }

        @Override
        public int sectorSize() {
            return file.sectorSize();
        }

        @Override
        public int deviceCharacteristics() {
            return file.deviceCharacteristics();
        }

        @Override
        public SharedMemory sharedMemory() throws VfsException {
            SharedMemory real = file.sharedMemory();
            if (shm == null || shm.isClosed() || ((ObservedShm) shm).shm != real) {
                shm = new ObservedShm(real, database);
            }
            return shm;
        }

        @Override
        public boolean isReadOnly() {
            return file.isReadOnly();
        }

        @Override
        public void close() throws VfsException {
            file.close();
        }
    }

    private final class ObservedShm implements SharedMemory {
        final SharedMemory shm;
        private final String database;

        ObservedShm(SharedMemory shm, String database) {
            this.shm = shm;
            this.database = database;
        }

        @Override
        public ByteBuffer region(int index, int size, boolean extend) throws VfsException {
            return shm.region(index, size, extend);
        }

        @Override
        public boolean isReadOnly() {
            return shm.isReadOnly();
        }

        @Override
        public void lock(int offset, int count, boolean exclusive) throws VfsException {
            shm.lock(offset, count, exclusive);
            try {
                observer.shmLocked(database, offset, count, exclusive);
            } catch (VfsException | RuntimeException e) {
                shm.unlock(offset, count, exclusive);
                throw e;
            }
        }

        @Override
        public void unlock(int offset, int count, boolean exclusive) throws VfsException {
            try {
                observer.shmUnlocking(database, offset, count, exclusive);
            } finally {
                shm.unlock(offset, count, exclusive);
            }
        }

        @Override
        public void close(boolean delete) throws VfsException {
            shm.close(delete);
        }

        @Override
        public boolean isClosed() {
            return shm.isClosed();
        }
    }
}
