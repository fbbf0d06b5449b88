package dev.sqlitejvm.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementTest {
    /** A query that runs for a long time unless interrupted. */
    static final String ENDLESS = "with recursive r(i) as (select 1 union all select i + 1 from r) select count(*) from r";

    @TempDir
    Path dir;
    Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"));
        c.createStatement().execute("create table t(id integer primary key, name text)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void scriptRunsEveryStatementAndReportsEachResult() throws Exception {
        try (Statement s = c.createStatement()) {
            assertFalse(s.execute("insert into t(name) values ('a'); insert into t(name) values ('b'), ('c');"
                    + " select name from t order by id; update t set name = 'z'; select count(*) from t"));
            assertEquals(1, s.getUpdateCount());
            assertNull(s.getResultSet());
            assertFalse(s.getMoreResults());
            assertEquals(2, s.getUpdateCount(), "the statement inserting two rows");
            assertTrue(s.getMoreResults());
            ResultSet names = s.getResultSet();
            assertTrue(names.next());
            assertEquals("a", names.getString(1));
            assertFalse(s.getMoreResults()); // runs the UPDATE that follows the query
            assertTrue(names.isClosed(), "moving on closes the current result set");
            assertEquals(3, s.getUpdateCount());
            assertTrue(s.getMoreResults());
            try (ResultSet count = s.getResultSet()) {
                assertTrue(count.next());
                assertEquals(3, count.getInt(1));
            }
            assertFalse(s.getMoreResults());
            assertEquals(-1, s.getUpdateCount());
            assertNull(s.getResultSet());
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select group_concat(name) from t")) {
            rs.next();
            assertEquals("z,z,z", rs.getString(1));
        }
    }

    @Test
    void ddlScriptRunsCompletelyWithExecute() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("create table a(x); create table b(y); insert into b values (1)");
        }
        assertEquals(1, ConnectionTest.count(c, "b"), "xerial users rely on scripts running whole");
    }

    @Test
    void updateCounts() throws Exception {
        try (Statement s = c.createStatement()) {
            assertEquals(3, s.executeUpdate("insert into t(name) values ('a'), ('b'), ('c')"));
            assertEquals(2, s.executeUpdate("update t set name = 'x' where id > 1"));
            assertEquals(0, s.executeUpdate("create table u(x)"), "DDL counts 0, not the last DML's count");
            assertEquals(3L, s.executeLargeUpdate("delete from t"));
            assertEquals(3, s.getUpdateCount());
            assertEquals(3L, s.getLargeUpdateCount());
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("insert into t(name) values ('q')"));
            assertTrue(e.getMessage().contains("does not return ResultSet"));
        }
    }

    @Test
    void updateCountExcludesTriggerChanges() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("create table log(x); create trigger tr after insert on t begin insert into log values (1); insert into log values (2); end");
            assertEquals(1, s.executeUpdate("insert into t(name) values ('a')"));
        }
    }

    @Test
    void batchAndBatchFailure() throws Exception {
        try (Statement s = c.createStatement()) {
            s.addBatch("insert into t(id, name) values (1, 'a')");
            s.addBatch("insert into t(name) values ('b'), ('c')");
            s.addBatch("update t set name = 'x'");
            assertArrayEquals(new int[] {1, 2, 3}, s.executeBatch());
            s.addBatch("insert into t(id, name) values (10, 'ok')");
            s.addBatch("insert into t(id, name) values (1, 'duplicate')");
            s.addBatch("insert into t(id, name) values (11, 'never')");
            BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
            assertArrayEquals(new int[] {1}, e.getUpdateCounts());
            assertEquals(19, e.getErrorCode());
            assertTrue(e.getCause() instanceof java.sql.SQLIntegrityConstraintViolationException);
            assertEquals(0, s.executeBatch().length, "the batch is cleared after it runs");
        }
        try (PreparedStatement p = c.prepareStatement("insert into t(id, name) values (?, ?)")) {
            p.setInt(1, 20);
            p.setString(2, "p");
            p.addBatch();
            p.setInt(1, 1);
            p.addBatch();
            BatchUpdateException e = assertThrows(BatchUpdateException.class, p::executeBatch);
            assertArrayEquals(new long[] {1}, e.getLargeUpdateCounts());
        }
    }

    @Test
    void generatedKeys() throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into t(name) values ('a')", Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(1, keys.getLong(1));
                assertFalse(keys.next());
            }
            s.executeUpdate("update t set name = 'b'");
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertFalse(keys.next(), "an UPDATE generates no key");
            }
            s.executeUpdate("insert into t(name) values ('x'), ('y') returning id, name");
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(2, keys.getInt("id"));
                assertTrue(keys.next());
                assertEquals("y", keys.getString("name"));
                assertFalse(keys.next());
            }
        }
        try (PreparedStatement p = c.prepareStatement("insert into t(name) values (?)", new String[] {"id"})) {
            p.setString(1, "named");
            assertEquals(1, p.executeUpdate());
            try (ResultSet keys = p.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(4, keys.getLong("id"));
            }
        }
        try (PreparedStatement p = c.prepareStatement("insert into t(name) values (?)", Statement.RETURN_GENERATED_KEYS)) {
            for (String name : new String[] {"b1", "b2"}) {
                p.setString(1, name);
                p.addBatch();
            }
            p.executeBatch();
            try (ResultSet keys = p.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(5, keys.getLong(1));
                assertTrue(keys.next());
                assertEquals(6, keys.getLong(1));
            }
        }
    }

    @Test
    void maxRowsAndFetchSize() throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into t(name) values ('a'), ('b'), ('c'), ('d')");
            s.setMaxRows(2);
            s.setFetchSize(100);
            assertEquals(100, s.getFetchSize());
            assertEquals(2, s.getMaxRows());
            int rows = 0;
            try (ResultSet rs = s.executeQuery("select * from t")) {
                while (rs.next()) {
                    rows++;
                }
            }
            assertEquals(2, rows);
            assertThrows(SQLException.class, () -> s.setMaxRows(-1));
        }
    }

    @Test
    void queryTimeoutInterruptsAndTheConnectionStaysUsable() throws Exception {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(ENDLESS));
            assertTrue(e instanceof SQLTimeoutException, e.toString());
            assertEquals(9, e.getErrorCode());
            assertTrue((System.nanoTime() - start) / 1_000_000 < 10_000);
            s.setQueryTimeout(0);
            try (ResultSet rs = s.executeQuery("select 7")) {
                rs.next();
                assertEquals(7, rs.getInt(1));
            }
        }
    }

    @Test
    void cancelFromAnotherThread() throws Exception {
        try (Statement s = c.createStatement()) {
            CountDownLatch started = new CountDownLatch(1);
            Thread canceller = new Thread(() -> {
                try {
                    started.await();
                    Thread.sleep(200);
                    s.cancel();
                } catch (Exception ignored) {
                    // the assertion below reports a missed cancel
                }
            });
            canceller.start();
            started.countDown();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(ENDLESS));
            assertEquals(9, e.getErrorCode(), e.getMessage());
            assertTrue(e.getMessage().startsWith("[SQLITE_INTERRUPT]"), e.getMessage());
            canceller.join();
            assertEquals(0, ConnectionTest.count(c, "t"));
        }
    }

    @Test
    void closeOnCompletion() throws Exception {
        int before = c.unwrap(SqliteConnection.class).openStatementCount();
        Statement s = c.createStatement();
        s.closeOnCompletion();
        assertTrue(s.isCloseOnCompletion());
        ResultSet rs = s.executeQuery("select 1");
        assertFalse(s.isClosed());
        rs.close();
        assertTrue(s.isClosed());
        Statement kept = c.createStatement();
        kept.executeQuery("select 1").close();
        assertFalse(kept.isClosed());
        kept.close();
        assertEquals(before, c.unwrap(SqliteConnection.class).openStatementCount());
    }

    @Test
    void reexecutingClosesThePreviousResult() throws Exception {
        try (Statement s = c.createStatement()) {
            ResultSet first = s.executeQuery("select 1");
            ResultSet second = s.executeQuery("select 2");
            assertTrue(first.isClosed());
            assertTrue(second.next());
            assertEquals(2, second.getInt(1));
            assertEquals(s, second.getStatement());
        }
    }

    @Test
    void emptySqlAndComments() throws Exception {
        try (Statement s = c.createStatement()) {
            assertFalse(s.execute("  -- nothing here\n"));
            assertEquals(-1, s.getUpdateCount());
            assertEquals(0, s.executeUpdate("/* nothing */"));
        }
    }
}
