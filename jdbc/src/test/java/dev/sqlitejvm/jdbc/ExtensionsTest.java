package dev.sqlitejvm.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlitejvm.runtime.FunctionCall;
import dev.sqlitejvm.runtime.Functions;
import dev.sqlitejvm.runtime.Limit;
import dev.sqlitejvm.runtime.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionsTest {
    @TempDir
    Path dir;
    Connection c;
    SqliteExtensions x;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("x.db"));
        x = c.unwrap(SqliteConnection.class).extensions();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private String text(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    /** A running sum, usable as an aggregate and as a window function. */
    static final class Sum implements Functions.Window {
        long total;

        @Override
        public void step(FunctionCall call) throws SQLException {
            total += call.argLong(0);
        }

        @Override
        public void inverse(FunctionCall call) throws SQLException {
            total -= call.argLong(0);
        }

        @Override
        public void value(FunctionCall call) throws SQLException {
            call.resultLong(total);
        }

        @Override
        public void finish(FunctionCall call) throws SQLException {
            call.resultLong(total);
        }
    }

    @Test
    void scalarAggregateAndWindowFunctions() throws Exception {
        x.createFunction("twice", 1, Functions.DETERMINISTIC, call -> {
            switch (call.argType(0)) {
                case NULL:
                    call.resultNull();
                    break;
                case TEXT:
                    call.resultText(call.argText(0) + call.argText(0));
                    break;
                case BLOB:
                    byte[] b = call.argBlob(0);
                    byte[] doubled = new byte[b.length * 2];
                    System.arraycopy(b, 0, doubled, 0, b.length);
                    System.arraycopy(b, 0, doubled, b.length, b.length);
                    call.resultBlob(doubled);
                    break;
                case FLOAT:
                    call.resultDouble(call.argDouble(0) * 2);
                    break;
                default:
                    call.resultLong(call.argLong(0) * 2);
            }
        });
        assertEquals("42", text("select twice(21)"));
        assertEquals("abab", text("select twice('ab')"));
        assertEquals("5.0", text("select twice(2.5)"));
        assertEquals("AB01AB01", text("select hex(twice(x'ab01'))"));
        assertEquals(null, text("select twice(null)"));
        x.createFunction("args", -1, 0, call -> call.resultLong(call.argCount()));
        assertEquals("3", text("select args(1, 2, 3)"));

        c.createStatement().execute("create table n(g, v); insert into n values (1, 1), (1, 2), (2, 10), (1, 3)");
        x.createAggregateFunction("my_sum", 1, 0, Sum::new);
        assertEquals("6,10", text("select group_concat(s) from (select my_sum(v) s from n group by g order by g)"));
        assertEquals("0", text("select my_sum(v) from n where 0"), "an empty group still finishes");
        x.createWindowFunction("win_sum", 1, 0, Sum::new);
        assertEquals("1,3,12,13", text("select group_concat(s) from (select win_sum(v) over "
                + "(order by rowid rows between 1 preceding and current row) s from n)"));
        x.removeFunction("twice", 1);
        assertThrows(SQLException.class, () -> text("select twice(1)"));
    }

    @Test
    void aJavaExceptionInAFunctionBecomesTheSqlError() throws Exception {
        x.createFunction("boom", 0, 0, call -> {
            throw new IllegalStateException("kaboom from Java");
        });
        SQLException e = assertThrows(SQLException.class, () -> text("select boom()"));
        assertTrue(e.getMessage().contains("kaboom from Java"), e.getMessage());
        assertEquals(1, e.getErrorCode());
        assertEquals("1", text("select 1"), "the connection stays usable");
        x.createAggregateFunction("bad_agg", 1, 0, () -> new Functions.Aggregate() {
            @Override
            public void step(FunctionCall call) {
                throw new IllegalArgumentException("bad step");
            }

            @Override
            public void finish(FunctionCall call) throws SQLException {
                call.resultNull();
            }
        });
        SQLException agg = assertThrows(SQLException.class, () -> text("select bad_agg(1)"));
        assertTrue(agg.getMessage().contains("bad step"), agg.getMessage());
        assertEquals("2", text("select 2"));
    }

    @Test
    void collations() throws Exception {
        x.createCollation("reverse", Comparator.<String>reverseOrder());
        c.createStatement().execute("create table w(s); insert into w values ('a'), ('c'), ('b')");
        assertEquals("c,b,a", text("select group_concat(s) from (select s from w order by s collate reverse)"));
        x.createCollation("length_only", Comparator.comparingInt(String::length));
        assertEquals("1", text("select 'abc' = 'xyz' collate length_only"));
    }

    @Test
    void updateAndTransactionListeners() throws Exception {
        List<String> events = new ArrayList<>();
        dev.sqlitejvm.runtime.Hooks.UpdateListener listener = (op, schema, table, rowid) ->
                events.add(op + ":" + schema + "." + table + ":" + rowid);
        x.addUpdateListener(listener);
        x.addTransactionListener(new TransactionListener() {
            @Override
            public void onCommit() {
                events.add("commit");
            }

            @Override
            public void onRollback() {
                events.add("rollback");
            }
        });
        Statement s = c.createStatement();
        s.execute("create table t(x)");
        events.clear();
        s.execute("insert into t values (1)");
        s.execute("update t set x = 2");
        s.execute("delete from t where x = 2");
        assertEquals(List.of("18:main.t:1", "commit", "23:main.t:1", "commit", "9:main.t:1", "commit"), events);
        events.clear();
        c.setAutoCommit(false);
        s.execute("insert into t values (5)");
        c.rollback();
        assertEquals(List.of("18:main.t:1", "rollback"), events);
        c.setAutoCommit(true);
        x.removeUpdateListener(listener);
        events.clear();
        s.execute("insert into t values (6)");
        assertEquals(List.of("commit"), events);
    }

    @Test
    void aFailingListenerIsReportedAndTheConnectionStaysUsable() throws Exception {
        c.createStatement().execute("create table t(x)");
        x.addUpdateListener((op, schema, table, rowid) -> {
            throw new IllegalStateException("listener failed");
        });
        SQLException e = assertThrows(SQLException.class, () -> c.createStatement().execute("insert into t values (1)"));
        assertTrue(e.getMessage().contains("listener failed"), e.getMessage());
        assertEquals("1", text("select 1"));
    }

    @Test
    void commitHookCanVeto() throws Exception {
        c.createStatement().execute("create table t(x)");
        x.setCommitHook(() -> true);
        SQLException e = assertThrows(SQLException.class, () -> c.createStatement().execute("insert into t values (1)"));
        assertEquals(19, e.getErrorCode(), e.getMessage());
        x.setCommitHook(null);
        assertEquals("0", text("select count(*) from t"));
    }

    @Test
    void busyHandler() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("x.db"))) {
            c.createStatement().execute("create table t(x)");
            other.setAutoCommit(false);
            other.createStatement().execute("insert into t values (1)");
            x.setBusyHandler(count -> calls.incrementAndGet() < 3);
            SQLException e = assertThrows(SQLException.class, () -> c.createStatement().execute("insert into t values (2)"));
            assertEquals(5, e.getErrorCode());
            assertEquals(3, calls.get());
            other.commit();
        }
    }

    @Test
    void progressHandlerInterrupts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        x.setProgressHandler(100, () -> calls.incrementAndGet() > 5);
        SQLException e = assertThrows(SQLException.class, () -> text(StatementTest.ENDLESS));
        assertEquals(9, e.getErrorCode());
        assertEquals(6, calls.get());
        x.setProgressHandler(0, null);
        assertEquals("55", text("with recursive r(i) as (select 1 union all select i + 1 from r where i < 10) select sum(i) from r"));
    }

    @Test
    void backupAndRestoreByApiAndStatement() throws Exception {
        c.createStatement().execute("create table t(x); insert into t values (1), (2)");
        Path copy = dir.resolve("copy.db");
        List<Integer> remaining = new ArrayList<>();
        x.backup("main", copy.toString(), (left, total) -> remaining.add(left));
        assertFalse(remaining.isEmpty());
        assertEquals(0, (int) remaining.get(remaining.size() - 1));
        try (Connection check = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            assertEquals(2, ConnectionTest.count(check, "t"));
        }
        Path viaSql = dir.resolve("via sql.db");
        c.createStatement().executeUpdate("backup to '" + viaSql + "'");
        assertTrue(Files.size(viaSql) > 0);
        c.createStatement().execute("delete from t");
        c.createStatement().executeUpdate("restore from '" + viaSql + "'");
        assertEquals(2, ConnectionTest.count(c, "t"));
        c.createStatement().execute("delete from t");
        x.restore("main", copy.toString(), null);
        assertEquals(2, ConnectionTest.count(c, "t"));
        try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            memory.createStatement().execute("restore main from \"" + copy + "\"");
            assertEquals(2, ConnectionTest.count(memory, "t"));
        }
        SQLException missing = assertThrows(SQLException.class,
                () -> x.restore("main", dir.resolve("no/such/dir/x.db").toString(), null));
        assertEquals(14, missing.getErrorCode());
    }

    @Test
    void serializeAndDeserialize() throws Exception {
        c.createStatement().execute("create table t(x); insert into t values ('kept')");
        byte[] image = x.serialize("main");
        assertTrue(image.length >= 512);
        assertEquals("SQLite format 3", new String(image, 0, 15, java.nio.charset.StandardCharsets.US_ASCII));
        try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            SqliteExtensions mx = memory.unwrap(SqliteConnection.class).extensions();
            mx.deserialize("main", image);
            try (ResultSet rs = memory.createStatement().executeQuery("select x from t")) {
                assertTrue(rs.next());
                assertEquals("kept", rs.getString(1));
            }
            memory.createStatement().execute("insert into t values ('grows')");
            assertEquals(2, ConnectionTest.count(memory, "t"));
        }
    }

    @Test
    void incrementalBlobIo() throws Exception {
        c.createStatement().execute("create table b(id integer primary key, data blob)");
        try (java.sql.PreparedStatement p = c.prepareStatement("insert into b(id, data) values (?, ?)")) {
            p.setInt(1, 1);
            p.unwrap(SqlitePreparedStatement.class).setZeroBlob(2, 8);
            p.executeUpdate();
            p.setInt(1, 2);
            p.setBytes(2, new byte[] {9, 9, 9, 9});
            p.executeUpdate();
        }
        try (IncrementalBlob blob = x.openBlob("main", "b", "data", 1, true)) {
            assertEquals(8, blob.size());
            blob.write(2, new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {0, 1, 2, 3}, blob.read(1, 4));
            assertThrows(SQLException.class, () -> blob.write(7, new byte[] {1, 2}), "a blob cannot grow");
            blob.reopen(2);
            assertArrayEquals(new byte[] {9, 9}, blob.read(0, 2));
        }
        assertEquals("0000010203000000", text("select hex(data) from b where id = 1"));
        SQLException missing = assertThrows(SQLException.class, () -> x.openBlob("main", "b", "data", 99, false));
        assertEquals(1, missing.getErrorCode());
    }

    @Test
    void limits() throws Exception {
        int previous = x.limit(Limit.LENGTH, 100); // SQLite raises anything below 30 to 30
        assertTrue(previous > 100);
        SQLException e = assertThrows(SQLException.class, () -> text("select zeroblob(101)"));
        assertEquals(18, e.getErrorCode(), e.getMessage());
        x.limit(Limit.LENGTH, previous);
        assertEquals("101", text("select length(zeroblob(101))"));
    }

    @Test
    void walHook() throws Exception {
        Properties wal = new Properties();
        // the VFS has no shared memory yet: WAL needs exclusive locking mode (heap wal-index)
        wal.setProperty("locking_mode", "EXCLUSIVE");
        wal.setProperty("journal_mode", "WAL");
        try (Connection w = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("wal.db"), wal)) {
            assertEquals("wal", DriverAndUrlTest.pragma(w, "journal_mode"));
            List<String> commits = new ArrayList<>();
            w.unwrap(SqliteConnection.class).extensions().setWalListener((schema, pages) -> {
                commits.add(schema + ":" + (pages > 0));
                return 0;
            });
            w.createStatement().execute("create table t(x)");
            w.createStatement().execute("insert into t values (1)");
            assertEquals(List.of("main:true", "main:true"), commits);
        }
    }

    @Test
    void valueTypesSeenByFunctions() throws Exception {
        List<ValueType> seen = new ArrayList<>();
        x.createFunction("kind", 1, 0, call -> {
            seen.add(call.argType(0));
            call.resultNull();
        });
        text("select kind(1), kind(1.5), kind('t'), kind(x'00'), kind(null)");
        assertEquals(List.of(ValueType.INTEGER, ValueType.FLOAT, ValueType.TEXT, ValueType.BLOB, ValueType.NULL), seen);
    }
}
