package dev.sqlitejvm.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTest {
    @TempDir
    Path dir;

    private Connection open(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name));
    }

    private Connection open(String name, Properties properties) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name), properties);
    }

    static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void commitAndRollbackAreSeenByOtherConnections() throws Exception {
        try (Connection writer = open("tx.db"); Connection reader = open("tx.db")) {
            writer.createStatement().execute("create table t(x)");
            writer.setAutoCommit(false);
            writer.createStatement().execute("insert into t values (1)");
            assertEquals(1, count(writer, "t"));
            assertEquals(0, count(reader, "t"), "uncommitted rows are invisible");
            writer.commit();
            assertEquals(1, count(reader, "t"));
            writer.createStatement().execute("insert into t values (2)");
            writer.rollback();
            assertEquals(1, count(writer, "t"));
            writer.createStatement().execute("insert into t values (3)");
            writer.setAutoCommit(true); // commits
            assertEquals(2, count(reader, "t"));
            assertThrows(SQLException.class, writer::commit, "commit in auto-commit mode");
        }
    }

    @Test
    void idleConnectionWithAutoCommitOffHoldsNoLock() throws Exception {
        Properties immediate = new Properties();
        immediate.setProperty("transaction_mode", "IMMEDIATE");
        try (Connection a = open("lazy.db", immediate); Connection b = open("lazy.db")) {
            a.createStatement().execute("create table t(x)");
            a.setAutoCommit(false);
            a.commit();
            b.createStatement().execute("insert into t values (1)"); // a holds no RESERVED lock between transactions
            a.createStatement().execute("insert into t values (2)");
            a.commit();
            assertEquals(2, count(b, "t"));
        }
    }

    @Test
    void transactionModeImmediateTakesTheWriteLockAtBegin() throws Exception {
        Properties immediate = new Properties();
        immediate.setProperty("transaction_mode", "IMMEDIATE");
        Properties impatient = new Properties();
        impatient.setProperty("busy_timeout", "0");
        try (Connection a = open("imm.db", immediate); Connection b = open("imm.db", impatient)) {
            a.createStatement().execute("create table t(x)");
            a.setAutoCommit(false);
            try (ResultSet rs = a.createStatement().executeQuery("select count(*) from t")) {
                rs.next(); // only a read, but BEGIN IMMEDIATE reserved the database
            }
            SQLException busy = assertThrows(SQLException.class, () -> b.createStatement().execute("insert into t values (1)"));
            assertEquals(5, busy.getErrorCode());
            a.rollback();
        }
    }

    @Test
    void savepoints() throws Exception {
        try (Connection c = open("sp.db")) {
            c.createStatement().execute("create table t(x)");
            c.setAutoCommit(false);
            c.createStatement().execute("insert into t values (1)");
            Savepoint first = c.setSavepoint();
            c.createStatement().execute("insert into t values (2)");
            Savepoint named = c.setSavepoint("named one");
            assertEquals("named one", named.getSavepointName());
            assertTrue(first.getSavepointId() > 0);
            assertThrows(SQLException.class, first::getSavepointName);
            c.createStatement().execute("insert into t values (3)");
            c.rollback(named);
            assertEquals(2, count(c, "t"));
            c.rollback(first);
            assertEquals(1, count(c, "t"));
            Savepoint again = c.setSavepoint();
            c.createStatement().execute("insert into t values (4)");
            c.releaseSavepoint(again);
            c.commit();
            assertEquals(2, count(c, "t"));
            c.setAutoCommit(true);
            assertThrows(SQLException.class, c::setSavepoint);
        }
    }

    @Test
    void isolationLevels() throws Exception {
        try (Connection c = open("iso.db")) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            assertEquals(Connection.TRANSACTION_READ_UNCOMMITTED, c.getTransactionIsolation());
            assertEquals("1", DriverAndUrlTest.pragma(c, "read_uncommitted"));
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertEquals("0", DriverAndUrlTest.pragma(c, "read_uncommitted"));
            assertThrows(SQLException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ));
        }
    }

    @Test
    void readOnly() throws Exception {
        try (Connection c = open("ro.db")) {
            assertFalse(c.isReadOnly());
            c.setReadOnly(false);
            assertThrows(SQLException.class, () -> c.setReadOnly(true), "xerial: fixed at open without explicit_readonly");
        }
        Properties explicit = new Properties();
        explicit.setProperty("jdbc.explicit_readonly", "true");
        try (Connection c = open("ro.db", explicit)) {
            c.createStatement().execute("create table t(x)");
            c.setReadOnly(true);
            assertTrue(c.isReadOnly());
            SQLException e = assertThrows(SQLException.class, () -> c.createStatement().execute("insert into t values (1)"));
            assertTrue(e.getMessage().contains("readonly"), e.getMessage());
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from t")) {
                assertTrue(rs.next());
            }
            c.setReadOnly(false);
            c.createStatement().execute("insert into t values (1)");
        }
    }

    @Test
    void validityAbortAndNetworkTimeout() throws Exception {
        Connection c = open("v.db");
        assertTrue(c.isValid(1));
        c.setNetworkTimeout(Runnable::run, 500);
        assertEquals(500, c.getNetworkTimeout());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            c.abort(executor);
            assertTrue(c.isClosed());
            assertFalse(c.isValid(1));
            executor.shutdown();
            assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
            assertThrows(SQLException.class, c::createStatement);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void clientInfoHoldabilityNativeSqlAndWrappers() throws Exception {
        try (Connection c = open("misc.db")) {
            c.setClientInfo("ApplicationName", "test");
            assertEquals("test", c.getClientInfo("ApplicationName"));
            assertEquals("test", c.getClientInfo().getProperty("ApplicationName"));
            c.setHoldability(java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT);
            assertEquals(java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT, c.getHoldability());
            assertEquals("select 1", c.nativeSQL("select 1"));
            assertTrue(c.isWrapperFor(SqliteConnection.class));
            SqliteConnection ours = c.unwrap(SqliteConnection.class);
            assertSame(ours.extensions(), c.unwrap(SqliteExtensions.class));
            assertNull(c.getCatalog());
            assertNull(c.getWarnings());
            assertThrows(SQLException.class, () -> c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY));
            assertThrows(java.sql.SQLFeatureNotSupportedException.class, () -> c.prepareCall("select 1"));
        }
    }

    @Test
    void closedObjectsFailClearly() throws Exception {
        Connection c = open("closed.db");
        Statement s = c.createStatement();
        java.sql.PreparedStatement p = c.prepareStatement("select 1");
        ResultSet rs = s.executeQuery("select 1");
        c.close();
        c.close(); // idempotent
        assertTrue(s.isClosed());
        assertTrue(p.isClosed());
        assertTrue(rs.isClosed());
        for (org.junit.jupiter.api.function.Executable use : new org.junit.jupiter.api.function.Executable[] {
            () -> c.createStatement(), () -> c.prepareStatement("select 1"), () -> c.commit(), () -> c.getMetaData(),
            () -> c.setAutoCommit(false), () -> s.executeQuery("select 1"), () -> s.getResultSet(), () -> p.executeQuery(),
            () -> p.setInt(1, 1), () -> rs.next(), () -> rs.getString(1), () -> c.unwrap(SqliteConnection.class).extensions().serialize("main")}) {
            SQLException e = assertThrows(SQLException.class, use);
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
    }
}
