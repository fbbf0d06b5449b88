package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.ValueType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Every JDBC getter of a forward-only, read-only result, written once against five primitive
 * reads of the current row's values. Subclasses supply the rows: live from a SQLite statement
 * ({@link StatementResultSet}) or from memory ({@link ListResultSet}). Values are read when asked
 * for, never copied ahead.
 */
abstract class BaseResultSet extends ReadOnlyResultSet {
    protected final DateCodec dates;
    private boolean wasNull;
    private boolean closed;
    private int row;
    private boolean exhausted;
    private Map<String, Integer> columnsByLabel;

    BaseResultSet(DateCodec dates) {
        this.dates = dates;
    }

    // ---- what a subclass supplies (column indexes from 0) ----

    abstract int columnCount() throws SQLException;

    abstract String columnLabel(int column) throws SQLException;

    /** Moves to the next row; false when there is none. */
    abstract boolean advance() throws SQLException;

    abstract ValueType typeOf(int column) throws SQLException;

    abstract long longOf(int column) throws SQLException;

    abstract double doubleOf(int column) throws SQLException;

    /** Text of a non-null value (SQLite's own conversion for numbers and blobs). */
    abstract String textOf(int column) throws SQLException;

    abstract byte[] blobOf(int column) throws SQLException;

    /** Releases what the rows hold; called once. */
    abstract void release() throws SQLException;

    // ---- cursor ----

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (exhausted) {
            return false;
        }
        if (advance()) {
            row++;
            return true;
        }
        exhausted = true;
        afterLastRow();
        return false;
    }

    /** Hook for statements that close on completion. */
    void afterLastRow() throws SQLException {
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        release();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("ResultSet");
        }
    }

    /** 1-based JDBC index to 0-based column, checked, on a row. */
    private int column(int index) throws SQLException {
        checkOpen();
        if (index < 1 || index > columnCount()) {
            throw new SQLException("column " + index + " out of bounds [1," + columnCount() + "]");
        }
        if (row == 0 || exhausted) {
            throw new SQLException(exhausted ? "ResultSet is exhausted (after the last row)"
                    : "ResultSet is not positioned on a row: call next() first");
        }
        return index - 1;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        if (columnsByLabel == null) {
            int count = columnCount();
            Map<String, Integer> map = new HashMap<>(count * 2);
            for (int i = count - 1; i >= 0; i--) { // the first of duplicate labels wins
                map.put(columnLabel(i).toLowerCase(Locale.ROOT), i + 1);
            }
            columnsByLabel = map;
        }
        Integer index = label == null ? null : columnsByLabel.get(label.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw new SQLException("no such column: '" + label + "'");
        }
        return index;
    }

    @Override
    public boolean wasNull() throws SQLException {
        return wasNull;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row == 0 && !exhausted;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return exhausted && row > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 1 && !exhausted;
    }

    @Override
    public boolean isLast() throws SQLException {
        throw Errors.unsupported("ResultSet.isLast on a forward-only result");
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return exhausted ? 0 : row;
    }

    private SQLException forwardOnly() {
        return new SQLException("ResultSet is TYPE_FORWARD_ONLY");
    }

    @Override
    public boolean absolute(int r) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean previous() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean first() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean last() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public void afterLast() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw forwardOnly();
        }
    }

    private int fetchSize;

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    /** A hint only: SQLite hands rows over one at a time, so there is nothing to prefetch. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        fetchSize = Errors.nonNegative("fetch size", rows);
    }

    @Override
    public String getCursorName() throws SQLException {
        throw Errors.unsupported("ResultSet.getCursorName");
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return null;
    }

    // ---- getters by index ----

    /** The value's type, recording whether it is NULL for {@link #wasNull()}. */
    private ValueType typeAt(int c) throws SQLException {
        ValueType type = typeOf(c);
        wasNull = type == ValueType.NULL;
        return type;
    }

    @Override
    public String getString(int index) throws SQLException {
        int c = column(index);
        if (typeAt(c) == ValueType.NULL) {
            return null;
        }
        return textOf(c);
    }

    @Override
    public boolean getBoolean(int index) throws SQLException {
        return getLong(index) != 0;
    }

    @Override
    public byte getByte(int index) throws SQLException {
        return (byte) getLong(index);
    }

    @Override
    public short getShort(int index) throws SQLException {
        return (short) getLong(index);
    }

    @Override
    public int getInt(int index) throws SQLException {
        return (int) getLong(index);
    }

    @Override
    public long getLong(int index) throws SQLException {
        int c = column(index);
        return typeAt(c) == ValueType.NULL ? 0 : longOf(c);
    }

    @Override
    public float getFloat(int index) throws SQLException {
        return (float) getDouble(index);
    }

    @Override
    public double getDouble(int index) throws SQLException {
        int c = column(index);
        return typeAt(c) == ValueType.NULL ? 0 : doubleOf(c);
    }

    @Override
    public BigDecimal getBigDecimal(int index) throws SQLException {
        int c = column(index);
        switch (typeAt(c)) {
            case NULL:
                return null;
            case INTEGER:
                return BigDecimal.valueOf(longOf(c));
            case FLOAT:
                return BigDecimal.valueOf(doubleOf(c));
            default:
                String text = textOf(c).trim();
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new SQLException("Bad value for type BigDecimal: '" + text + "'");
                }
        }
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int index, int scale) throws SQLException {
        BigDecimal value = getBigDecimal(index);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int index) throws SQLException {
        int c = column(index);
        return typeAt(c) == ValueType.NULL ? null : blobOf(c);
    }

    @Override
    public Date getDate(int index) throws SQLException {
        return getDate(index, null);
    }

    @Override
    public Date getDate(int index, Calendar calendar) throws SQLException {
        long millis = epochMillis(index, calendar);
        return wasNull ? null : new Date(millis);
    }

    @Override
    public Time getTime(int index) throws SQLException {
        return getTime(index, null);
    }

    @Override
    public Time getTime(int index, Calendar calendar) throws SQLException {
        long millis = epochMillis(index, calendar);
        return wasNull ? null : new Time(millis);
    }

    @Override
    public Timestamp getTimestamp(int index) throws SQLException {
        return getTimestamp(index, null);
    }

    @Override
    public Timestamp getTimestamp(int index, Calendar calendar) throws SQLException {
        long millis = epochMillis(index, calendar);
        return wasNull ? null : new Timestamp(millis);
    }

    /** A stored date as epoch milliseconds, by its storage class (see {@link DateCodec}). */
    private long epochMillis(int index, Calendar calendar) throws SQLException {
        int c = column(index);
        switch (typeAt(c)) {
            case NULL:
                return 0;
            case INTEGER:
                return dates.fromInteger(longOf(c));
            case FLOAT:
                return DateCodec.fromJulianDay(doubleOf(c));
            case TEXT:
                return dates.fromText(textOf(c), calendar);
            default:
                throw new SQLException("Cannot read a BLOB as a date (column " + index + ")");
        }
    }

    @Override
    public InputStream getAsciiStream(int index) throws SQLException {
        String text = getString(index);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int index) throws SQLException {
        String text = getString(index);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(int index) throws SQLException {
        byte[] bytes = getBytes(index);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override
    public Reader getCharacterStream(int index) throws SQLException {
        String text = getString(index);
        return text == null ? null : new StringReader(text);
    }

    @Override
    public Reader getNCharacterStream(int index) throws SQLException {
        return getCharacterStream(index);
    }

    @Override
    public String getNString(int index) throws SQLException {
        return getString(index);
    }

    @Override
    public Blob getBlob(int index) throws SQLException {
        byte[] bytes = getBytes(index);
        return bytes == null ? null : new BytesBlob(bytes);
    }

    @Override
    public Clob getClob(int index) throws SQLException {
        return getNClob(index);
    }

    @Override
    public NClob getNClob(int index) throws SQLException {
        String text = getString(index);
        return text == null ? null : new StringClob(text);
    }

    @Override
    public URL getURL(int index) throws SQLException {
        String text = getString(index);
        try {
            return text == null ? null : new URL(text);
        } catch (MalformedURLException e) {
            throw new SQLException("Bad URL: '" + text + "'", e);
        }
    }

    /** INTEGER as Integer when it fits (else Long), REAL as Double, TEXT as String, BLOB as byte[]. */
    @Override
    public Object getObject(int index) throws SQLException {
        int c = column(index);
        switch (typeAt(c)) {
            case NULL:
                return null;
            case INTEGER:
                long value = longOf(c);
                return value == (int) value ? (Object) (int) value : (Object) value;
            case FLOAT:
                return doubleOf(c);
            case TEXT:
                return textOf(c);
            default:
                return blobOf(c);
        }
    }

    @Override
    public Object getObject(int index, Map<String, Class<?>> map) throws SQLException {
        return getObject(index);
    }

    @Override
    public <T> T getObject(int index, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("type is null");
        }
        Object value = convert(index, type);
        return wasNull ? null : type.cast(value);
    }

    private Object convert(int index, Class<?> type) throws SQLException {
        if (type == String.class) {
            return getString(index);
        } else if (type == Long.class) {
            return getLong(index);
        } else if (type == Integer.class) {
            return getInt(index);
        } else if (type == Double.class) {
            return getDouble(index);
        } else if (type == Boolean.class) {
            return getBoolean(index);
        } else if (type == Short.class) {
            return getShort(index);
        } else if (type == Byte.class) {
            return getByte(index);
        } else if (type == Float.class) {
            return getFloat(index);
        } else if (type == BigDecimal.class) {
            return getBigDecimal(index);
        } else if (type == BigInteger.class) {
            BigDecimal decimal = getBigDecimal(index);
            return decimal == null ? null : decimal.toBigInteger();
        } else if (type == byte[].class) {
            return getBytes(index);
        } else if (type == Timestamp.class) {
            return getTimestamp(index);
        } else if (type == Date.class) {
            return getDate(index);
        } else if (type == Time.class) {
            return getTime(index);
        } else if (type == java.util.Date.class) {
            Timestamp timestamp = getTimestamp(index);
            return timestamp == null ? null : new java.util.Date(timestamp.getTime());
        } else if (type == Blob.class) {
            return getBlob(index);
        } else if (type == Clob.class || type == NClob.class) {
            return getNClob(index);
        } else if (type == UUID.class) {
            String text = getString(index);
            return text == null ? null : UUID.fromString(text);
        } else if (type == URL.class) {
            return getURL(index);
        } else if (type == Object.class) {
            return getObject(index);
        } else if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return javaTime(index, type);
        }
        throw new SQLException("Cannot convert column " + index + " to " + type.getName());
    }

    /**
     * java.time from any storage class: TEXT is ISO-8601 / SQLite text; INTEGER and REAL are
     * instants (per date_precision, or a Julian day). Text without an offset is local time for
     * the Local* types and UTC for the instant types, as SQLite's own date functions write UTC.
     */
    private Object javaTime(int index, Class<?> type) throws SQLException {
        int c = column(index);
        ValueType storage = typeAt(c);
        if (storage == ValueType.NULL) {
            return null;
        }
        if (storage == ValueType.TEXT) {
            String text = textOf(c);
            if (type == LocalTime.class || type == OffsetTime.class) {
                return parseTime(text, type);
            }
            TemporalAccessor parsed = DateCodec.parseIso(text);
            LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed),
                    parsed.isSupported(ChronoField.NANO_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : null;
            if (type == LocalDate.class) {
                return local.toLocalDate();
            }
            if (type == LocalDateTime.class) {
                return local;
            }
            OffsetDateTime withOffset = local.atOffset(offset != null ? offset : ZoneOffset.UTC);
            return fromOffset(withOffset, type, index);
        }
        long millis = storage == ValueType.FLOAT ? DateCodec.fromJulianDay(doubleOf(c))
                : storage == ValueType.INTEGER ? dates.fromInteger(longOf(c)) : -1;
        if (storage == ValueType.BLOB) {
            throw new SQLException("Cannot read a BLOB as " + type.getSimpleName());
        }
        ZonedDateTime zoned = Instant.ofEpochMilli(millis).atZone(ZoneId.systemDefault());
        if (type == LocalDate.class) {
            return zoned.toLocalDate();
        }
        if (type == LocalDateTime.class) {
            return zoned.toLocalDateTime();
        }
        if (type == LocalTime.class) {
            return zoned.toLocalTime();
        }
        return fromOffset(zoned.toOffsetDateTime(), type, index);
    }

    private static Object fromOffset(OffsetDateTime value, Class<?> type, int index) throws SQLException {
        if (type == OffsetDateTime.class) {
            return value;
        }
        if (type == Instant.class) {
            return value.toInstant();
        }
        if (type == ZonedDateTime.class) {
            return value.toZonedDateTime();
        }
        if (type == OffsetTime.class) {
            return value.toOffsetTime();
        }
        throw new SQLException("Cannot convert column " + index + " to " + type.getName());
    }

    private static Object parseTime(String text, Class<?> type) throws SQLException {
        try {
            if (type == OffsetTime.class) {
                return OffsetTime.parse(text.trim());
            }
            return LocalTime.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            TemporalAccessor parsed = DateCodec.parseIso(text);
            LocalTime time = LocalTime.from(parsed);
            if (type == LocalTime.class) {
                return time;
            }
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return time.atOffset(offset);
        }
    }

    // ---- getters by label ----

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar calendar) throws SQLException {
        return getDate(findColumn(label), calendar);
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Time getTime(String label, Calendar calendar) throws SQLException {
        return getTime(findColumn(label), calendar);
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException {
        return getTimestamp(findColumn(label), calendar);
    }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return getAsciiStream(findColumn(label));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String label) throws SQLException {
        return getUnicodeStream(findColumn(label));
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return getNCharacterStream(findColumn(label));
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getNString(findColumn(label));
    }

    @Override
    public Blob getBlob(String label) throws SQLException {
        return getBlob(findColumn(label));
    }

    @Override
    public Clob getClob(String label) throws SQLException {
        return getClob(findColumn(label));
    }

    @Override
    public NClob getNClob(String label) throws SQLException {
        return getNClob(findColumn(label));
    }

    @Override
    public URL getURL(String label) throws SQLException {
        return getURL(findColumn(label));
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label), map);
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

}
