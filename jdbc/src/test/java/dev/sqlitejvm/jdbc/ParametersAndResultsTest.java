package dev.sqlitejvm.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParametersAndResultsTest {
    @TempDir
    Path dir;
    Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("p.db"));
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("create table v(id integer primary key, i integer, big bigint, r real, d decimal(10,2), "
                    + "s varchar(20) not null default '', b blob, dt datetime, flag boolean, day date)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private Object single(String sql, Object parameter) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, parameter);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                return rs.getObject(1);
            }
        }
    }

    @Test
    void everyPrimitiveSetterAndGetter() throws Exception {
        try (PreparedStatement p = c.prepareStatement(
                "insert into v(i, big, r, d, s, b, flag) values (?, ?, ?, ?, ?, ?, ?)")) {
            p.setInt(1, 42);
            p.setLong(2, Long.MAX_VALUE);
            p.setDouble(3, 2.5);
            p.setBigDecimal(4, new BigDecimal("12.34"));
            p.setString(5, "héllo ☃");
            p.setBytes(6, new byte[] {1, 2, 3});
            p.setBoolean(7, true);
            assertEquals(1, p.executeUpdate());
            p.setShort(1, (short) 7);
            p.setByte(2, (byte) -1);
            p.setFloat(3, 1.5f);
            p.setNull(4, Types.DECIMAL);
            p.setNString(5, "n");
            p.setNull(6, Types.BLOB);
            p.setBoolean(7, false);
            assertEquals(1, p.executeUpdate());
        }
        try (PreparedStatement p = c.prepareStatement("select i, big, r, d, s, b, flag from v order by id");
             ResultSet rs = p.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt("i"));
            assertEquals(42, rs.getObject(1));
            assertEquals(Long.MAX_VALUE, rs.getLong(2));
            assertEquals(Long.MAX_VALUE, rs.getObject(2));
            assertEquals(2.5, rs.getDouble(3));
            assertEquals(2.5f, rs.getFloat(3));
            assertEquals(new BigDecimal("12.34"), rs.getBigDecimal(4));
            assertEquals("héllo ☃", rs.getString(5));
            assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes(6));
            assertTrue(rs.getBoolean(7));
            assertFalse(rs.wasNull());
            assertTrue(rs.next());
            assertEquals(7, rs.getShort(1));
            assertEquals(-1, rs.getByte(2));
            assertNull(rs.getBigDecimal(4));
            assertTrue(rs.wasNull());
            assertEquals(0, rs.getInt(4));
            assertTrue(rs.wasNull());
            assertNull(rs.getBytes(6));
            assertTrue(rs.wasNull());
            assertFalse(rs.getBoolean(7));
            assertFalse(rs.wasNull());
            assertFalse(rs.next());
            assertThrows(SQLException.class, () -> rs.getInt(1), "after the last row");
        }
    }

    @Test
    void datesFollowXerialDefaults() throws Exception {
        Timestamp stamp = new Timestamp(1_700_000_000_123L);
        try (PreparedStatement p = c.prepareStatement("insert into v(dt, day) values (?, ?)")) {
            p.setTimestamp(1, stamp);
            p.setDate(2, new Date(1_700_000_000_000L));
            p.executeUpdate();
        }
        try (ResultSet rs = c.createStatement().executeQuery("select dt, typeof(dt), day from v")) {
            assertTrue(rs.next());
            assertEquals(1_700_000_000_123L, rs.getLong(1), "date_class INTEGER stores epoch milliseconds");
            assertEquals("integer", rs.getString(2));
            assertEquals(stamp, rs.getTimestamp(1));
            assertEquals(new Date(1_700_000_000_000L), rs.getDate(3));
            assertEquals(new Time(1_700_000_000_123L), rs.getTime(1));
        }
    }

    @Test
    void dateClassTextAndReal() throws Exception {
        Properties text = new Properties();
        text.setProperty("date_class", "TEXT");
        text.setProperty("date_string_format", "yyyy-MM-dd HH:mm:ss");
        try (Connection t = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("text.db"), text)) {
            t.createStatement().execute("create table d(x)");
            Timestamp stamp = Timestamp.valueOf("2024-03-05 06:07:08");
            try (PreparedStatement p = t.prepareStatement("insert into d values (?)")) {
                p.setTimestamp(1, stamp);
                p.executeUpdate();
            }
            try (ResultSet rs = t.createStatement().executeQuery("select x from d")) {
                rs.next();
                assertEquals("2024-03-05 06:07:08", rs.getString(1));
                assertEquals(stamp, rs.getTimestamp(1));
            }
        }
        Properties real = new Properties();
        real.setProperty("date_class", "REAL");
        try (Connection r = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("real.db"), real)) {
            r.createStatement().execute("create table d(x)");
            try (PreparedStatement p = r.prepareStatement("insert into d values (?)")) {
                p.setTimestamp(1, new Timestamp(0));
                p.executeUpdate();
            }
            try (ResultSet rs = r.createStatement().executeQuery("select x, datetime(x) from d")) {
                rs.next();
                assertEquals(2440587.5, rs.getDouble(1), 1e-9);
                assertEquals("1970-01-01 00:00:00", rs.getString(2));
                assertEquals(0, rs.getTimestamp(1).getTime());
            }
        }
        Properties seconds = new Properties();
        seconds.setProperty("date_precision", "SECONDS");
        try (Connection s = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sec.db"), seconds)) {
            Object stored = null;
            try (PreparedStatement p = s.prepareStatement("select ?")) {
                p.setTimestamp(1, new Timestamp(5_000));
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    stored = rs.getObject(1);
                    assertEquals(5_000, rs.getTimestamp(1).getTime());
                }
            }
            assertEquals(5, stored);
        }
    }

    @Test
    void javaTimeValues() throws Exception {
        LocalDate date = LocalDate.of(2024, 2, 29);
        LocalDateTime dateTime = LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000);
        LocalTime time = LocalTime.of(1, 2, 3);
        OffsetDateTime offset = OffsetDateTime.of(dateTime, ZoneOffset.ofHours(2));
        Instant instant = Instant.parse("2024-01-01T00:00:00Z");
        assertEquals("2024-02-29", single("select ?", date));
        assertEquals("2024-02-29 13:14:15.123", single("select ?", dateTime));
        assertEquals("2024-02-29 13:14:15", single("select datetime(?)", dateTime), "SQLite reads the stored form");
        try (PreparedStatement p = c.prepareStatement("select ?, ?, ?, ?, ?, 1700000000000, '2024-01-01 10:00:00'")) {
            p.setObject(1, date);
            p.setObject(2, dateTime);
            p.setObject(3, time);
            p.setObject(4, offset);
            p.setObject(5, instant);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                assertEquals(date, rs.getObject(1, LocalDate.class));
                assertEquals(dateTime, rs.getObject(2, LocalDateTime.class));
                assertEquals(time, rs.getObject(3, LocalTime.class));
                assertEquals(offset, rs.getObject(4, OffsetDateTime.class));
                assertEquals(instant, rs.getObject(5, Instant.class));
                assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), rs.getObject(6, Instant.class));
                assertEquals(LocalDateTime.of(2024, 1, 1, 10, 0), rs.getObject(7, LocalDateTime.class));
                assertEquals(LocalDate.of(2024, 1, 1), rs.getObject(7, LocalDate.class));
            }
        }
    }

    @Test
    void objectConversions() throws Exception {
        UUID uuid = UUID.randomUUID();
        try (PreparedStatement p = c.prepareStatement("select ?, ?, ?, ?, ?, ?, ?")) {
            p.setObject(1, uuid);
            p.setObject(2, new BigInteger("123456789012345678901234567890"));
            p.setObject(3, 'c');
            p.setObject(4, Boolean.TRUE);
            p.setObject(5, 12, Types.VARCHAR);
            p.setObject(6, 3.25f);
            p.setObject(7, "true", Types.BOOLEAN);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                assertEquals(uuid, rs.getObject(1, UUID.class));
                assertEquals(new BigInteger("123456789012345678901234567890"), rs.getObject(2, BigInteger.class));
                assertEquals("c", rs.getString(3));
                assertEquals(1, rs.getInt(4));
                assertEquals("12", rs.getObject(5));
                assertEquals(3.25, rs.getObject(6, Double.class));
                assertEquals(Boolean.TRUE, rs.getObject(7, Boolean.class));
                assertEquals(Long.valueOf(1), rs.getObject(4, Long.class));
            }
            p.setObject(1, new Object());
        } catch (SQLException e) {
            assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
            return;
        }
        throw new AssertionError("binding an arbitrary object must fail");
    }

    @Test
    void streamsBlobsAndClobs() throws Exception {
        byte[] bytes = "binary\0data".getBytes(StandardCharsets.ISO_8859_1);
        try (PreparedStatement p = c.prepareStatement("insert into v(id, b, s) values (?, ?, ?)")) {
            p.setInt(1, 1);
            p.setBinaryStream(2, new ByteArrayInputStream(bytes));
            p.setCharacterStream(3, new StringReader("reader text"));
            p.executeUpdate();
            p.setInt(1, 2);
            p.setBinaryStream(2, new ByteArrayInputStream(bytes), 3);
            p.setAsciiStream(3, new ByteArrayInputStream("ascii".getBytes(StandardCharsets.US_ASCII)), 3);
            p.executeUpdate();
            p.setInt(1, 3);
            Blob blob = c.createBlob();
            blob.setBytes(1, bytes);
            p.setBlob(2, blob);
            Clob clob = c.createClob();
            clob.setString(1, "clob text");
            p.setClob(3, clob);
            p.executeUpdate();
            p.setInt(1, 4);
            p.unwrap(SqlitePreparedStatement.class).setZeroBlob(2, 16);
            p.setString(3, "z");
            p.executeUpdate();
        }
        try (ResultSet rs = c.createStatement().executeQuery("select b, s from v order by id")) {
            rs.next();
            assertArrayEquals(bytes, rs.getBinaryStream(1).readAllBytes());
            try (Reader reader = rs.getCharacterStream(2)) {
                char[] buffer = new char[100];
                assertEquals("reader text", new String(buffer, 0, reader.read(buffer)));
            }
            rs.next();
            assertArrayEquals(new byte[] {'b', 'i', 'n'}, rs.getBytes(1));
            assertEquals("asc", rs.getString(2));
            rs.next();
            Blob blob = rs.getBlob(1);
            assertEquals(bytes.length, blob.length());
            assertArrayEquals(bytes, blob.getBytes(1, bytes.length));
            assertEquals("clob text", rs.getClob(2).getSubString(1, 100));
            try (InputStream in = rs.getAsciiStream(2)) {
                assertEquals("clob text", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
            rs.next();
            assertArrayEquals(new byte[16], rs.getBytes(1));
        }
    }

    @Test
    void parameterMetadata() throws Exception {
        try (PreparedStatement p = c.prepareStatement("select ?, :named, ?3")) {
            ParameterMetaData meta = p.getParameterMetaData();
            assertEquals(3, meta.getParameterCount());
            p.setLong(1, 1);
            p.setBytes(3, new byte[1]);
            meta = p.getParameterMetaData();
            assertEquals(Types.BIGINT, meta.getParameterType(1));
            assertEquals(Types.VARCHAR, meta.getParameterType(2));
            assertEquals(Types.BLOB, meta.getParameterType(3));
            assertEquals(ParameterMetaData.parameterModeIn, meta.getParameterMode(1));
            assertEquals(ParameterMetaData.parameterNullable, meta.isNullable(2));
            assertThrows(SQLException.class, () -> p.setInt(4, 1));
            assertThrows(SQLException.class, () -> p.setInt(0, 1));
        }
    }

    @Test
    void resultSetMetadataFromDeclaredTypes() throws Exception {
        c.createStatement().execute("insert into v(i, s) values (1, 'x')");
        try (PreparedStatement p = c.prepareStatement("select id, i, big, r, d, s as label, b, dt, flag, day, 1 + 1 as expr from v");
             ResultSet rs = p.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            assertEquals(11, meta.getColumnCount());
            assertEquals(Types.INTEGER, meta.getColumnType(1));
            assertEquals(Types.INTEGER, meta.getColumnType(2));
            assertEquals(Types.BIGINT, meta.getColumnType(3));
            assertEquals(Types.REAL, meta.getColumnType(4));
            assertEquals(Types.DECIMAL, meta.getColumnType(5));
            assertEquals(10, meta.getPrecision(5));
            assertEquals(2, meta.getScale(5));
            assertEquals(Types.VARCHAR, meta.getColumnType(6));
            assertEquals("VARCHAR", meta.getColumnTypeName(6));
            assertEquals("label", meta.getColumnLabel(6));
            assertEquals("s", meta.getColumnName(6));
            assertEquals("v", meta.getTableName(6));
            assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(6));
            assertEquals(ResultSetMetaData.columnNullable, meta.isNullable(2));
            assertEquals(Types.BLOB, meta.getColumnType(7));
            assertEquals(Types.TIMESTAMP, meta.getColumnType(8));
            assertEquals(Types.BOOLEAN, meta.getColumnType(9));
            assertEquals(Types.DATE, meta.getColumnType(10));
            assertTrue(rs.next());
            assertEquals(Types.INTEGER, rs.getMetaData().getColumnType(11), "an expression's type comes from its value");
            assertEquals(String.class.getName(), meta.getColumnClassName(6));
            assertEquals(6, rs.findColumn("LABEL"), "findColumn ignores case");
            assertThrows(SQLException.class, () -> rs.findColumn("nope"));
            assertThrows(SQLException.class, () -> rs.getString(12));
            assertEquals(p.getMetaData().getColumnCount(), 11, "a prepared statement describes its columns before running");
        }
    }

    @Test
    void forwardOnlyAndReadOnly() throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
            assertTrue(rs.isBeforeFirst());
            assertThrows(SQLException.class, rs::previous);
            assertThrows(SQLException.class, rs::first);
            assertTrue(rs.next());
            assertEquals(1, rs.getRow());
            assertThrows(SQLException.class, () -> rs.updateInt(1, 2));
            assertFalse(rs.next());
            assertFalse(rs.next());
        }
    }

    @Test
    void preparedStatementRunsManyTimesAndWhileReading() throws Exception {
        try (PreparedStatement insert = c.prepareStatement("insert into v(i) values (?)")) {
            for (int i = 0; i < 50; i++) {
                insert.setInt(1, i);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("select count(*) from v where i >= ?")) {
            p.setInt(1, 10);
            ResultSet first = p.executeQuery();
            assertTrue(first.next());
            p.setInt(1, 40); // allowed while the previous result is open
            try (ResultSet second = p.executeQuery()) {
                assertTrue(first.isClosed());
                assertTrue(second.next());
                assertEquals(10, second.getInt(1));
            }
            p.clearParameters();
            try (ResultSet nulls = p.executeQuery()) {
                nulls.next();
                assertEquals(0, nulls.getInt(1), "a cleared parameter binds NULL");
            }
        }
    }
}
