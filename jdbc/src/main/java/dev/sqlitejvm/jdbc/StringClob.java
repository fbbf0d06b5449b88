package dev.sqlitejvm.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/** A {@link Clob} (and NClob: SQLite text is Unicode either way) held in memory. */
final class StringClob implements NClob {
    private StringBuilder text;

    StringClob(String text) {
        this.text = new StringBuilder(text);
    }

    @Override
    public long length() throws SQLException {
        return live().length();
    }

    @Override
    public String getSubString(long pos, int length) throws SQLException {
        StringBuilder current = live();
        int from = (int) pos - 1;
        if (from < 0 || from > current.length()) {
            throw new SQLException("Clob position out of range: " + pos);
        }
        return current.substring(from, Math.min(current.length(), from + length));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return new StringReader(live().toString());
    }

    @Override
    public Reader getCharacterStream(long pos, long length) throws SQLException {
        return new StringReader(getSubString(pos, (int) length));
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
        return new ByteArrayInputStream(live().toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String search, long start) throws SQLException {
        int found = live().indexOf(search, (int) start - 1);
        return found < 0 ? -1 : found + 1L;
    }

    @Override
    public long position(Clob search, long start) throws SQLException {
        return position(search.getSubString(1, (int) search.length()), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
        return setString(pos, str, 0, str.length());
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
        StringBuilder current = live();
        int at = (int) pos - 1;
        if (at < 0 || at > current.length()) {
            throw new SQLException("Clob position out of range: " + pos);
        }
        int end = Math.min(current.length(), at + len);
        current.replace(at, end, str.substring(offset, offset + len));
        return len;
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
        Writer writer = setCharacterStream(pos);
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                writer.write(b & 0x7f);
                writer.flush();
            }
        };
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
        live();
        return new StringWriter() {
            @Override
            public void flush() {
                try {
                    String pending = toString();
                    if (!pending.isEmpty()) {
                        setString(pos, pending);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        live().setLength((int) len);
    }

    @Override
    public void free() {
        text = null;
    }

    String text() throws SQLException {
        return live().toString();
    }

    private StringBuilder live() throws SQLException {
        if (text == null) {
            throw new SQLException("Clob was freed");
        }
        return text;
    }
}
