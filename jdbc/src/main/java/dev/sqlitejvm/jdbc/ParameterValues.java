package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Types;
import java.time.temporal.Temporal;
import java.util.Calendar;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Java values to the five forms a parameter is bound as (null, Long, Double, String, byte[]),
 * plus {@link ZeroBlob}; and binding them.
 */
final class ParameterValues {
    private ParameterValues() {
    }

    static Object fromObject(Object value, DateCodec dates) throws SQLException {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof byte[]) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof AtomicInteger || value instanceof AtomicLong) {
            return ((Number) value).longValue();
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1L : 0L;
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString(); // text keeps every digit; column affinity may convert
        }
        if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            return big.bitLength() < 64 ? (Object) big.longValue() : big.toString();
        }
        if (value instanceof java.util.Date) { // java.sql.Date, Time, Timestamp too
            return dates.encode(((java.util.Date) value).getTime(), null);
        }
        if (value instanceof Calendar) {
            Calendar calendar = (Calendar) value;
            return dates.encode(calendar.getTimeInMillis(), calendar);
        }
        if (value instanceof Temporal || value instanceof java.time.OffsetTime) {
            return DateCodec.formatJavaTime(value);
        }
        if (value instanceof Character || value instanceof java.util.UUID || value instanceof java.net.URL
                || value instanceof java.net.URI || value instanceof StringBuilder) {
            return value.toString();
        }
        if (value instanceof Blob) {
            Blob blob = (Blob) value;
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof Clob) {
            Clob clob = (Clob) value;
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof InputStream) {
            return readBytes((InputStream) value, -1);
        }
        if (value instanceof Reader) {
            return readText((Reader) value, -1);
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        throw new SQLException("Cannot bind a parameter of type " + value.getClass().getName());
    }

    /** {@code setObject(index, value, targetSqlType)}: text types take the value's text. */
    static Object fromObject(Object value, int targetSqlType, DateCodec dates) throws SQLException {
        if (value == null) {
            return null;
        }
        switch (targetSqlType) {
            case Types.CHAR: case Types.VARCHAR: case Types.LONGVARCHAR: case Types.NCHAR: case Types.NVARCHAR:
            case Types.LONGNVARCHAR: case Types.CLOB: case Types.NCLOB:
                Object converted = fromObject(value, dates);
                return converted instanceof byte[] ? converted : String.valueOf(converted);
            case Types.BOOLEAN: case Types.BIT:
                if (value instanceof String) {
                    return Boolean.parseBoolean(((String) value).trim()) ? 1L : 0L;
                }
                return fromObject(value, dates);
            default:
                return fromObject(value, dates);
        }
    }

    static byte[] readBytes(InputStream in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        try {
            return length < 0 ? in.readAllBytes() : in.readNBytes((int) length);
        } catch (IOException e) {
            throw new SQLException("Cannot read the stream parameter: " + e.getMessage(), e);
        }
    }

    static String readText(InputStream in, long length, Charset charset) throws SQLException {
        byte[] bytes = readBytes(in, length);
        return bytes == null ? null : new String(bytes, charset);
    }

    static String readText(Reader reader, long length) throws SQLException {
        if (reader == null) {
            return null;
        }
        try {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            long remaining = length < 0 ? Long.MAX_VALUE : length;
            int read;
            while (remaining > 0 && (read = reader.read(buffer, 0, (int) Math.min(buffer.length, remaining))) > 0) {
                text.append(buffer, 0, read);
                remaining -= read;
            }
            return text.toString();
        } catch (IOException e) {
            throw new SQLException("Cannot read the reader parameter: " + e.getMessage(), e);
        }
    }

    /** Binds one prepared value at a 1-based index. */
    static void bind(Statement statement, int index, Object value) throws SqliteException {
        if (value == null) {
            statement.bindNull(index);
        } else if (value instanceof Long) {
            statement.bindLong(index, (Long) value);
        } else if (value instanceof String) {
            statement.bindText(index, (String) value);
        } else if (value instanceof Double) {
            statement.bindDouble(index, (Double) value);
        } else if (value instanceof byte[]) {
            statement.bindBlob(index, (byte[]) value);
        } else {
            statement.bindZeroBlob(index, ((ZeroBlob) value).length);
        }
    }
}
