package dev.sqlitejvm.vfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;

/** A file on disk, opened for one connection. */
final class ChannelFile implements VfsFile {
    private final Path path;
    private final FileChannel channel;
    private final boolean readOnly;
    private final boolean deleteOnClose;
    private final LockTable.FileLocks locks;
    private LockLevel level = LockLevel.NONE;

    private ChannelFile(Path path, FileChannel channel, boolean readOnly, boolean deleteOnClose) {
        this.path = path;
        this.channel = channel;
        this.readOnly = readOnly;
        this.deleteOnClose = deleteOnClose;
        this.locks = LockTable.acquire(path.toString());
    }

    static ChannelFile open(Path path, int flags) throws VfsException {
        boolean deleteOnClose = OpenFlags.has(flags, OpenFlags.DELETEONCLOSE);
        if (Files.isDirectory(path)) {
            throw new VfsException(VfsException.CANTOPEN_ISDIR, "cannot open " + path + ": is a directory");
        }
        if (OpenFlags.has(flags, OpenFlags.READWRITE)) {
            Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (OpenFlags.has(flags, OpenFlags.CREATE)) {
                options.add(OpenFlags.has(flags, OpenFlags.EXCLUSIVE)
                        ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            }
            try {
                return new ChannelFile(path, FileChannel.open(path, options), false, deleteOnClose);
            } catch (AccessDeniedException e) {
                // As the unix VFS: a file we may not write is opened read-only, if it exists.
                if (!Files.exists(path)) {
                    throw cantOpen(path, "permission denied", e);
                }
            } catch (NoSuchFileException e) {
                throw cantOpen(path, Files.isDirectory(path.toAbsolutePath().getParent())
                        ? "no such file" : "no such directory", e);
            } catch (FileAlreadyExistsException e) {
                throw cantOpen(path, "file exists", e);
            } catch (IOException | UnsupportedOperationException e) {
                throw cantOpen(path, e.toString(), e);
            }
        }
        try {
            return new ChannelFile(path, FileChannel.open(path, StandardOpenOption.READ), true, deleteOnClose);
        } catch (NoSuchFileException e) {
            throw cantOpen(path, "no such file", e);
        } catch (AccessDeniedException e) {
            throw cantOpen(path, "permission denied", e);
        } catch (IOException e) {
            throw cantOpen(path, e.toString(), e);
        }
    }

    private static VfsException cantOpen(Path path, String why, Exception cause) {
        return new VfsException(VfsException.CANTOPEN, "cannot open " + path + ": " + why, cause);
    }

    @Override
    public int read(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException {
        ByteBuffer target = ByteBuffer.wrap(buffer, bufferOffset, length);
        try {
            while (target.hasRemaining()) {
                int n = channel.read(target, offset + target.position() - bufferOffset);
                if (n < 0) {
                    break;
                }
            }
            return target.position() - bufferOffset;
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_READ, "read " + path + ": " + e, e);
        }
    }

    @Override
    public void write(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException {
        ByteBuffer source = ByteBuffer.wrap(buffer, bufferOffset, length);
        try {
            while (source.hasRemaining()) {
                channel.write(source, offset + source.position() - bufferOffset);
            }
        } catch (IOException e) {
            throw new VfsException(isDiskFull(e) ? VfsException.FULL : VfsException.IOERR_WRITE,
                    "write " + path + ": " + e, e);
        }
    }

    private static boolean isDiskFull(IOException e) {
        return String.valueOf(e.getMessage()).contains("No space left");
    }

    @Override
    public void truncate(long size) throws VfsException {
        try {
            channel.truncate(size);
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_TRUNCATE, "truncate " + path + ": " + e, e);
        }
    }

    @Override
    public void sync(int flags) throws VfsException {
        try {
            channel.force(true);
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_FSYNC, "sync " + path + ": " + e, e);
        }
    }

    @Override
    public long size() throws VfsException {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_FSTAT, "size of " + path + ": " + e, e);
        }
    }

    @Override
    public void lock(LockLevel to) throws VfsException {
        if (level.compareTo(to) >= 0) {
            return;
        }
        LockLevel reached = locks.raise(this, level, to);
        level = reached;
        if (reached != to) {
            throw new VfsException(VfsException.BUSY, path + " is locked");
        }
    }

    @Override
    public void unlock(LockLevel to) {
        if (level.compareTo(to) <= 0) {
            return;
        }
        locks.lower(this, level, to);
        level = to;
    }

    @Override
    public boolean checkReservedLock() {
        return locks.hasReserved();
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public void close() throws VfsException {
        unlock(LockLevel.NONE);
        LockTable.release(locks);
        try {
            channel.close();
            if (deleteOnClose) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_CLOSE, "close " + path + ": " + e, e);
        }
    }
}
