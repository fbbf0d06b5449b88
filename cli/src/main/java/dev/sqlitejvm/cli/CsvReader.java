package dev.sqlitejvm.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records: fields split by a separator, optionally in double quotes (a doubled quote
 * inside stands for one), records ending at LF or CRLF outside quotes. Tracks line numbers for messages.
 */
final class CsvReader {
    private final Reader in;
    private final char separator;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int line = 1;
    private int recordLine;

    CsvReader(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /** The line the last record returned by {@link #next()} started on. */
    int recordLine() {
        return recordLine;
    }

    /** The next record's fields, or {@code null} at end of input. */
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.length() == 0) {
                // quoted field: runs to the closing quote, then to the separator or end of record
                while (true) {
                    c = read();
                    if (c < 0) {
                        break;
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    }
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                while (c >= 0 && c != separator && c != '\n') {
                    if (c != '\r') {
                        field.append((char) c);
                    }
                    c = read();
                }
            } else {
                while (c >= 0 && c != separator && c != '\n') {
                    field.append((char) c);
                    c = read();
                }
                int end = field.length();
                if (c == '\n' && end > 0 && field.charAt(end - 1) == '\r') {
                    field.setLength(end - 1);
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c < 0 || c == '\n') {
                if (c == '\n') {
                    line++;
                }
                return fields;
            }
            c = read(); // past the separator
            if (c < 0 || c == '\n') {
                fields.add("");
                if (c == '\n') {
                    line++;
                }
                return fields;
            }
            if (c == '\r' && peek() == '\n') {
                read();
                line++;
                fields.add("");
                return fields;
            }
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c >= 0) {
            position--;
        }
        return c;
    }
}
