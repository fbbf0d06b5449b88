package dev.sqlitejvm.vfs;

import java.util.Arrays;

/** A file held in the Java heap, for temporary files and in-memory databases; safe to share between threads. */
public final class MemoryFile implements VfsFile {
    private byte[] data = new byte[0];
    private long size;

    @Override
    public synchronized int read(long offset, byte[] buffer, int bufferOffset, int length) {
        if (offset >= size) {
            return 0;
        }
        int n = (int) Math.min(length, size - offset);
        System.arraycopy(data, (int) offset, buffer, bufferOffset, n);
        return n;
    }

    @Override
    public synchronized void write(long offset, byte[] buffer, int bufferOffset, int length) throws VfsException {
        long end = offset + length;
        if (end > Integer.MAX_VALUE - 8) {
            throw new VfsException(VfsException.FULL, "in-memory file larger than 2 GiB");
        }
        ensureCapacity((int) end);
        System.arraycopy(buffer, bufferOffset, data, (int) offset, length);
        size = Math.max(size, end);
    }

    private void ensureCapacity(int needed) {
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, data.length * 2L)));
        }
    }

    @Override
    public synchronized void truncate(long newSize) {
        if (newSize < size) {
            Arrays.fill(data, (int) newSize, (int) size, (byte) 0);
            size = newSize;
        }
    }

    @Override
    public void sync(int flags) {
    }

    @Override
    public synchronized long size() {
        return size;
    }

    // A memory file belongs to one connection: its locks never conflict.
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
        data = null;
    }
}
