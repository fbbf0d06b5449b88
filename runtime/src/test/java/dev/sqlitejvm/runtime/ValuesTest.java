package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every value type goes into a table and comes back unchanged, through binding and reading. */
class ValuesTest {
    private Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(":memory:");
        db.exec("create table v(x)");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    /** Stores one value with {@code binder}, reads it back with the statement positioned on it. */
    private interface Binder {
        void bind(Statement st) throws SqliteException;
    }

    private Statement roundTrip(Binder binder) throws SqliteException {
        db.exec("delete from v");
        try (Statement insert = db.prepare("insert into v values (?)")) {
            binder.bind(insert);
            assertFalse(insert.step());
        }
        Statement select = db.prepare("select x, typeof(x) from v");
        assertTrue(select.step());
        return select;
    }

    @Test
    void integersIncludingExtremes() throws Exception {
        for (long value : new long[] {0, 1, -1, 42, Integer.MAX_VALUE + 1L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            try (Statement st = roundTrip(s -> s.bindLong(1, value))) {
                assertEquals(ValueType.INTEGER, st.columnType(0));
                assertEquals(value, st.columnLong(0));
                assertEquals(Long.toString(value), st.columnText(0));
            }
        }
    }

    @Test
    void doublesIncludingInfinities() throws Exception {
        for (double value : new double[] {0.0, -0.5, Math.PI, Double.MIN_VALUE, Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            try (Statement st = roundTrip(s -> s.bindDouble(1, value))) {
                assertEquals(ValueType.FLOAT, st.columnType(0));
                assertEquals(value, st.columnDouble(0));
            }
        }
    }

    @Test
    void nanBecomesNullAsInNativeSqlite() throws Exception {
        // sqlite3_bind_double stores NaN as NULL; native SQLite (and so xerial) does the same.
        try (Statement st = roundTrip(s -> s.bindDouble(1, Double.NaN))) {
            assertEquals(ValueType.NULL, st.columnType(0));
            assertEquals("null", st.columnText(1));
        }
    }

    @Test
    void textWithNulAndFourByteUtf8() throws Exception {
        for (String value : new String[] {"", "plain", "a\u0000b\u0000", "\uD83D\uDE00 emoji \uD834\uDD1E clef",
                "\u00e9\u4e2d\u0416", "x".repeat(100_000)}) {
            try (Statement st = roundTrip(s -> s.bindText(1, value))) {
                assertEquals(ValueType.TEXT, st.columnType(0));
                assertEquals(value, st.columnText(0));
            }
        }
        try (Statement st = roundTrip(s -> s.bindText(1, "\uD83D\uDE00"))) {
            assertEquals(4, st.columnBlob(0).length, "stored as 4-byte UTF-8");
        }
    }

    @Test
    void emptyBlobIsNotNull() throws Exception {
        try (Statement st = roundTrip(s -> s.bindBlob(1, new byte[0]))) {
            assertEquals(ValueType.BLOB, st.columnType(0));
            assertArrayEquals(new byte[0], st.columnBlob(0));
            assertEquals("blob", st.columnText(1));
        }
    }

    @Test
    void sixteenMebibyteBlob() throws Exception {
        byte[] value = new byte[16 << 20];
        new Random(7).nextBytes(value);
        try (Statement st = roundTrip(s -> s.bindBlob(1, value))) {
            assertArrayEquals(value, st.columnBlob(0));
        }
    }

    @Test
    void zeroBlob() throws Exception {
        try (Statement st = roundTrip(s -> s.bindZeroBlob(1, 1000))) {
            assertArrayEquals(new byte[1000], st.columnBlob(0));
        }
    }

    @Test
    void nulls() throws Exception {
        for (Binder binder : new Binder[] {s -> s.bindNull(1), s -> s.bindText(1, null), s -> s.bindBlob(1, null)}) {
            try (Statement st = roundTrip(binder)) {
                assertEquals(ValueType.NULL, st.columnType(0));
                assertNull(st.columnText(0));
                assertNull(st.columnBlob(0));
                assertEquals(0, st.columnLong(0));
            }
        }
    }

    @Test
    void namedParametersAndClearBindings() throws Exception {
        try (Statement st = db.prepare("select :a, @b, $c, ?4")) {
            assertEquals(4, st.parameterCount());
            assertEquals(2, st.parameterIndex("@b"));
            assertEquals(0, st.parameterIndex(":missing"));
            assertEquals("$c", st.parameterName(3));
            st.bindText(st.parameterIndex(":a"), "first");
            st.bindLong(4, 4);
            assertTrue(st.step());
            assertEquals("first", st.columnText(0));
            assertEquals(4, st.columnLong(3));
            assertEquals("select 'first', NULL, NULL, 4", st.expandedSql());
            st.reset();
            st.clearBindings();
            assertTrue(st.step());
            assertNull(st.columnText(0));
        }
    }

    @Test
    void columnNamesAndDeclaredTypes() throws Exception {
        db.exec("create table t(id integer primary key, name varchar(20), price decimal(10,2))");
        try (Statement st = db.prepare("select id, name as label, price * 2 from t")) {
            assertEquals(3, st.columnCount());
            assertEquals("id", st.columnName(0));
            assertEquals("label", st.columnName(1));
            assertEquals("INTEGER", st.columnDeclaredType(0));
            assertEquals("varchar(20)", st.columnDeclaredType(1));
            assertNull(st.columnDeclaredType(2));
            assertTrue(st.isReadOnly());
        }
    }
}
