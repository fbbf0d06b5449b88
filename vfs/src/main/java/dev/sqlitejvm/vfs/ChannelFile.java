package dev.sqlitejvm.vfs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file on disk as one connection opened it. The descriptor and the OS locks belong to the
 * {@link SharedFile} of the file, shared with the other connections of this JVM; this handle keeps
 * its own lock level, read-only mode and close-time duties.
 */
final class ChannelFile implements VfsFile {
    /** SQLITE_IOCAP_POWERSAFE_OVERWRITE, as the unix VFS reports by default. */
    private static final int IOCAP_POWERSAFE_OVERWRITE = 0x00001000;

    private final SharedFile file;
    private final boolean readOnly;
    private final boolean deleteOnClose;
    /** A new journal or WAL: its directory entry is made durable with its first sync. */
    private boolean syncDirectory;
    private LockLevel level = LockLevel.NONE;
    private ShmFile.Handle sharedMemory;
    private boolean closed;

    private ChannelFile(SharedFile file, boolean readOnly, boolean deleteOnClose, boolean syncDirectory) {
        this.file = file;
        this.readOnly = readOnly;
        this.deleteOnClose = deleteOnClose;
        this.syncDirectory = syncDirectory;
    }

    static ChannelFile open(Path path, int flags) throws VfsException {
        if (Files.isDirectory(path)) {
            throw new VfsException(VfsException.CANTOPEN_ISDIR, "cannot open " + path + ": is a directory");
        }
        boolean readWrite = OpenFlags.has(flags, OpenFlags.READWRITE);
        boolean create = readWrite && OpenFlags.has(flags, OpenFlags.CREATE);
        boolean existed = Files.exists(path);
        SharedFile shared = SharedFile.open(path, create, create && OpenFlags.has(flags, OpenFlags.EXCLUSIVE));
        boolean isNewLog = create && !existed && OpenFlags.has(flags,
                OpenFlags.MAIN_JOURNAL | OpenFlags.SUPER_JOURNAL | OpenFlags.WAL);
        // A file we may not write is opened read-only, as the unix VFS does; SQLite sees it in the
        // output flags and behaves as for a read-only database.
        return new ChannelFile(shared, !readWrite || !shared.isWritable(),
                OpenFlags.has(flags, OpenFlags.DELETEONCLOSE), isNewLog);
    }

    Path path() {
        return file.path;
    }

    @Override
    public int read(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException {
        return file.read(offset, buffer, bufferOffset, length);
    }

    @Override
    public void write(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException {
        if (readOnly) {
            throw new VfsException(VfsException.READONLY, path() + " is open read-only");
        }
        file.write(offset, buffer, bufferOffset, length);
    }

    @Override
    public void truncate(long size) throws VfsException {
        if (readOnly) {
            throw new VfsException(VfsException.READONLY, path() + " is open read-only");
        }
        file.truncate(size);
    }

    @Override
    public void sync(int flags) throws VfsException {
        file.sync();
        if (syncDirectory) {
            syncDirectory = false;
            syncParentDirectory(path());
        }
    }

    /** fsync of the directory, so a new or deleted journal entry survives a power cut. */
    static void syncParentDirectory(Path path) throws VfsException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        // A channel of our own on the directory: closing it cannot drop any lock of a database file.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_DIR_FSYNC, "sync directory " + dir + ": " + e, e);
        }
    }

    @Override
    public long size() throws VfsException {
        return file.size();
    }

    @Override
    public void lock(LockLevel to) throws VfsException {
        LockLevel reached = file.lock(level, to);
        level = reached;
        if (reached != to) {
            throw new VfsException(VfsException.BUSY, path() + " is locked");
        }
    }

    @Override
    public void unlock(LockLevel to) throws VfsException {
        file.unlock(level, to);
        if (level.compareTo(to) > 0) {
            level = to;
        }
    }

    @Override
    public boolean checkReservedLock() throws VfsException {
        return file.reservedByAnyone();
    }

    @Override
    public int deviceCharacteristics() {
        return IOCAP_POWERSAFE_OVERWRITE;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public SharedMemory sharedMemory() throws VfsException {
        if (sharedMemory == null || sharedMemory.isClosed()) {
            sharedMemory = ShmFile.open(Path.of(path() + "-shm"), readOnly);
        }
        return sharedMemory;
    }

    @Override
    public void close() throws VfsException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (sharedMemory != null) {
                sharedMemory.close(false); // SQLite unmaps first; this covers an abrupt teardown
            }
            unlock(LockLevel.NONE);
        } finally {
            file.release();
        }
        if (deleteOnClose) {
            try {
                Files.deleteIfExists(path());
            } catch (IOException e) {
                throw new VfsException(VfsException.IOERR_DELETE, "delete " + path() + ": " + e, e);
            }
        }
    }
}
