package dev.sqlitejvm.runtime;

import dev.sqlitejvm.vfs.VfsFile;
import java.util.Arrays;

/**
 * The files one connection's SQLite has open, by the integer handle the C side keeps. Handle 0 is
 * never used, so a zeroed handle in wasm memory is recognisably invalid.
 */
final class FileHandles {
    private VfsFile[] files = new VfsFile[8];
    private int count;

    int add(VfsFile file) {
        for (int h = 1; h < files.length; h++) {
            if (files[h] == null) {
                files[h] = file;
                count++;
                return h;
            }
        }
        int h = files.length;
        files = Arrays.copyOf(files, h * 2);
        files[h] = file;
        count++;
        return h;
    }

    VfsFile get(int handle) {
        VfsFile file = handle > 0 && handle < files.length ? files[handle] : null;
        if (file == null) {
            throw new IllegalStateException("no open file with handle " + handle);
        }
        return file;
    }

    VfsFile remove(int handle) {
        VfsFile file = get(handle);
        files[handle] = null;
        count--;
        return file;
    }

    int count() {
        return count;
    }

    /** Closes every file still open, best effort: used when an instance is torn down abruptly. */
    void closeAll() {
        for (int h = 1; h < files.length; h++) {
            if (files[h] != null) {
                try {
                    files[h].close();
                } catch (Exception ignored) {
                    // The instance is being discarded; its locks are what matters, and close released them.
                }
                files[h] = null;
            }
        }
        count = 0;
    }
}
