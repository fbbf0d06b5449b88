package dev.sqlitejvm.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;

/** A {@link Blob} held in memory: what a BLOB column reads as, and what a caller may build to bind. */
final class BytesBlob implements Blob {
    private byte[] bytes;

    BytesBlob(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long length() throws SQLException {
        return live().length;
    }

    @Override
    public byte[] getBytes(long pos, int length) throws SQLException {
        byte[] data = live();
        int from = position(pos, data.length);
        return Arrays.copyOfRange(data, from, Math.min(data.length, from + Math.max(0, length)));
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        return new ByteArrayInputStream(live());
    }

    @Override
    public InputStream getBinaryStream(long pos, long length) throws SQLException {
        byte[] data = live();
        int from = position(pos, data.length);
        return new ByteArrayInputStream(data, from, (int) Math.min(length, data.length - from));
    }

    @Override
    public long position(byte[] pattern, long start) throws SQLException {
        byte[] data = live();
        outer:
        for (int i = position(start, data.length); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i + 1L;
        }
        return -1;
    }

    @Override
    public long position(Blob pattern, long start) throws SQLException {
        return position(pattern.getBytes(1, (int) pattern.length()), start);
    }

    @Override
    public int setBytes(long pos, byte[] data) throws SQLException {
        return setBytes(pos, data, 0, data.length);
    }

    @Override
    public int setBytes(long pos, byte[] data, int offset, int len) throws SQLException {
        byte[] current = live();
        int at = (int) pos - 1;
        if (at < 0 || at > current.length) {
            throw new SQLException("Blob position out of range: " + pos);
        }
        if (at + len > current.length) {
            current = Arrays.copyOf(current, at + len);
        }
        System.arraycopy(data, offset, current, at, len);
        bytes = current;
        return len;
    }

    @Override
    public OutputStream setBinaryStream(long pos) throws SQLException {
        live();
        return new OutputStream() {
            private long next = pos;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    next += setBytes(next, b, off, len);
                } catch (SQLException e) {
                    throw new IOException(e);
                }
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        bytes = Arrays.copyOf(live(), (int) len);
    }

    @Override
    public void free() {
        bytes = null;
    }

    byte[] bytes() throws SQLException {
        return live();
    }

    private byte[] live() throws SQLException {
        if (bytes == null) {
            throw new SQLException("Blob was freed");
        }
        return bytes;
    }

    private static int position(long pos, int length) throws SQLException {
        if (pos < 1 || pos > length + 1L) {
            throw new SQLException("Blob position out of range: " + pos);
        }
        return (int) pos - 1;
    }
}
