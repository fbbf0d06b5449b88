package dev.sqlitejvm.vfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Real files through {@link java.nio.channels.FileChannel}. Temporary files (no name) live in memory.
 * Locks are coordinated between the connections of this JVM.
 */
public final class FileVfs implements Vfs {
    private static final FileVfs INSTANCE = new FileVfs();

    public static FileVfs instance() {
        return INSTANCE;
    }

    private FileVfs() {
    }

    @Override
    public VfsFile open(String name, int flags) throws VfsException {
        if (name == null) {
            return new MemoryFile();
        }
        return ChannelFile.open(Paths.get(name), flags);
    }

    @Override
    public void delete(String name, boolean syncDirectory) throws VfsException {
        try {
            Files.delete(Paths.get(name));
            if (syncDirectory) {
                ChannelFile.syncParentDirectory(Paths.get(name));
            }
        } catch (NoSuchFileException e) {
            throw new VfsException(VfsException.IOERR_DELETE_NOENT, "no such file: " + name, e);
        } catch (IOException e) {
            throw new VfsException(VfsException.IOERR_DELETE, "cannot delete " + name + ": " + e, e);
        }
    }

    @Override
    public boolean access(String name, AccessCheck check) {
        Path path = Paths.get(name);
        switch (check) {
            case EXISTS:
                // An empty regular file counts as absent (an empty journal is not hot), as in the unix VFS.
                try {
                    return Files.exists(path) && (!Files.isRegularFile(path) || Files.size(path) > 0);
                } catch (IOException e) {
                    return false;
                }
            case READ_WRITE:
                return Files.isReadable(path) && Files.isWritable(path);
            default:
                return Files.isReadable(path);
        }
    }

    @Override
    public String fullPathname(String name) throws VfsException {
        try {
            Path path = Paths.get(name).toAbsolutePath().normalize();
            Path parent = path.getParent();
            // Resolve links in the directory, as realpath() does, so that two names of one file
            // share one lock table entry.
            if (parent != null && Files.isDirectory(parent)) {
                path = parent.toRealPath().resolve(path.getFileName());
            }
            return path.toString();
        } catch (AccessDeniedException e) {
            throw new VfsException(VfsException.CANTOPEN, "cannot resolve " + name + ": permission denied", e);
        } catch (IOException | RuntimeException e) {
            throw new VfsException(VfsException.CANTOPEN, "cannot resolve " + name + ": " + e, e);
        }
    }
}
