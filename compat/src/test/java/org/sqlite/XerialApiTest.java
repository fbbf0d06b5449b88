package org.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlitejvm.jdbc.SqliteDataSource;
import dev.sqlitejvm.jdbc.SqliteDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code written against xerial's org.sqlite API, run on sqlite-jvm. */
class XerialApiTest {
    @TempDir
    Path dir;

    private String url(String name) {
        return "jdbc:sqlite:" + dir.resolve(name);
    }

    private static String one(Connection conn, String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    @Test
    void driverIsRegisteredAndConnectionsAreSQLiteConnections() throws Exception {
        Class.forName("org.sqlite.JDBC");
        boolean listed = false;
        for (Driver driver : ServiceLoader.load(Driver.class)) {
            listed |= driver instanceof JDBC;
        }
        assertTrue(listed, "META-INF/services/java.sql.Driver lists org.sqlite.JDBC");
        boolean registered = false;
        for (Driver driver : java.util.Collections.list(DriverManager.getDrivers())) {
            registered |= driver instanceof JDBC;
        }
        assertTrue(registered);
        assertTrue(new JDBC().acceptsURL("jdbc:sqlite:x.db"));
        assertFalse(new JDBC().acceptsURL("jdbc:h2:mem:"));
        assertNull(new JDBC().connect("jdbc:h2:mem:", new Properties()));

        try (Connection conn = DriverManager.getConnection(url("a.db"))) {
            assertTrue(conn instanceof SQLiteConnection);
            SQLiteConnection sqlite = conn.unwrap(SQLiteConnection.class);
            assertSame(conn, sqlite);
            assertTrue(conn.isWrapperFor(SQLiteConnection.class));
            assertEquals("3.54.1", sqlite.libversion());
            assertEquals(3000, sqlite.getBusyTimeout());
            assertEquals(url("a.db"), sqlite.url());
            assertEquals(SQLiteConfig.TransactionMode.DEFERRED, sqlite.getCurrentTransactionMode());
        }
        // Every entry point of the driver gives the xerial class.
        try (Connection viaDriver = new SqliteDriver().connect(url("b.db"), new Properties());
             Connection viaDataSource = new SqliteDataSource(url("c.db")).getConnection()) {
            assertTrue(viaDriver instanceof SQLiteConnection);
            assertTrue(viaDataSource instanceof SQLiteConnection);
        }
    }

    @Test
    void configAppliesPragmasAndDriverSettings() throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(1234);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setEncoding(SQLiteConfig.Encoding.UTF_8);
        config.setUserVersion(7);
        Properties properties = config.toProperties();
        assertEquals("WAL", properties.getProperty(SQLiteConfig.Pragma.JOURNAL_MODE.pragmaName));
        assertEquals("true", properties.getProperty("foreign_keys"));
        assertEquals("1234", properties.getProperty("busy_timeout"));
        assertEquals("IMMEDIATE", properties.getProperty("transaction_mode"));
        assertEquals("6", properties.getProperty("open_mode"));

        try (SQLiteConnection conn = config.createConnection(url("cfg.db"))) {
            assertEquals("wal", one(conn, "pragma journal_mode"));
            assertEquals("1", one(conn, "pragma foreign_keys"));
            assertEquals("1", one(conn, "pragma synchronous"));
            assertEquals("7", one(conn, "pragma user_version"));
            assertEquals("UTF-8", one(conn, "pragma encoding"));
            assertEquals(1234, conn.getBusyTimeout());
            assertEquals(SQLiteConfig.TransactionMode.IMMEDIATE, conn.getCurrentTransactionMode());
        }

        // The same properties through DriverManager, and a read-only config.
        try (Connection conn = DriverManager.getConnection(url("cfg.db"), config.toProperties())) {
            assertEquals("1", one(conn, "pragma foreign_keys"));
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection conn = readOnly.createConnection(url("cfg.db"))) {
            SQLException e = assertThrows(SQLException.class,
                    () -> conn.createStatement().execute("create table t(x)"));
            assertTrue(e instanceof SQLiteException);
            assertEquals(SQLiteErrorCode.SQLITE_READONLY, ((SQLiteException) e).getResultCode());
        }

        // apply() on an open connection
        SQLiteConfig later = new SQLiteConfig();
        later.enableCaseSensitiveLike(true);
        later.setCacheSize(-4000);
        later.setBusyTimeout(50);
        try (Connection conn = DriverManager.getConnection(url("cfg.db"))) {
            later.apply(conn);
            assertEquals("-4000", one(conn, "pragma cache_size"));
            assertEquals("0", one(conn, "select 'a' like 'A'"));
            assertEquals(50, conn.unwrap(SQLiteConnection.class).getBusyTimeout());
        }
        assertEquals(SQLiteConfig.TransactionMode.DEFERRED, SQLiteConfig.TransactionMode.getMode("DEFFERED"));
        assertEquals(SQLiteConfig.Encoding.UTF16_LITTLE_ENDIAN, SQLiteConfig.Encoding.getEncoding("utf-16le"));
        assertTrue(SQLiteConfig.getDriverPropertyInfo().length >= 50);
    }

    @Test
    void dataSource() throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(url("ds.db"));
        ds.setJournalMode("truncate");
        ds.setEnforceForeignKeys(true);
        ds.setBusyTimeout(999);
        try (SQLiteConnection conn = ds.getConnection()) {
            assertEquals("truncate", one(conn, "pragma journal_mode"));
            assertEquals("1", one(conn, "pragma foreign_keys"));
            assertEquals(999, conn.getBusyTimeout());
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.PERSIST);
        SQLiteDataSource withConfig = new SQLiteDataSource(config);
        withConfig.setUrl(url("ds2.db"));
        try (Connection conn = withConfig.getConnection("user", "ignored")) {
            assertEquals("persist", one(conn, "pragma journal_mode"));
        }
    }

    @Test
    void errorsAreSQLiteExceptions() throws Exception {
        try (Connection conn = DriverManager.getConnection(url("err.db"))) {
            conn.createStatement().execute("create table t(id integer primary key, name text unique not null)");
            conn.createStatement().execute("insert into t(name) values ('a')");
            SQLiteException unique = assertThrows(SQLiteException.class,
                    () -> conn.createStatement().execute("insert into t(name) values ('a')"));
            assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE, unique.getResultCode());
            assertEquals(19, unique.getErrorCode());
            assertEquals("23000", unique.getSQLState());
            assertEquals("[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.name)",
                    unique.getMessage());
            SQLiteException notNull = assertThrows(SQLiteException.class,
                    () -> conn.createStatement().execute("insert into t(name) values (null)"));
            assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL, notNull.getResultCode());
            SQLiteException syntax = assertThrows(SQLiteException.class,
                    () -> conn.createStatement().execute("selec 1"));
            assertEquals(SQLiteErrorCode.SQLITE_ERROR, syntax.getResultCode());
            assertTrue(syntax.getMessage().startsWith("[SQLITE_ERROR] SQL error or missing database (near \"selec\""),
                    syntax.getMessage());
        }
        assertEquals(SQLiteErrorCode.SQLITE_BUSY, SQLiteErrorCode.getErrorCode(5));
        assertEquals(SQLiteErrorCode.SQLITE_IOERR, SQLiteErrorCode.getErrorCode(10 | (99 << 8)));
        assertEquals(SQLiteErrorCode.UNKNOWN_ERROR, SQLiteErrorCode.getErrorCode(999));
        assertEquals("[SQLITE_BUSY] The database file is locked", SQLiteErrorCode.SQLITE_BUSY.toString());
        SQLiteException made = new SQLiteException("boom", SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK);
        assertEquals(19, made.getErrorCode());
        assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK, made.getResultCode());
    }

    @Test
    void errorCodesMirrorTheDriver() {
        dev.sqlitejvm.jdbc.SqliteErrorCode[] driver = dev.sqlitejvm.jdbc.SqliteErrorCode.values();
        assertEquals(driver.length, SQLiteErrorCode.values().length);
        for (dev.sqlitejvm.jdbc.SqliteErrorCode code : driver) {
            SQLiteErrorCode mine = SQLiteErrorCode.valueOf(code.name());
            assertEquals(code.code, mine.code);
            assertEquals(code.message, mine.message);
        }
    }

    @Test
    void scalarAggregateAndWindowFunctions() throws Exception {
        try (Connection conn = DriverManager.getConnection(url("fn.db"))) {
            Function.create(conn, "describe", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < args(); i++) {
                        switch (value_type(i)) {
                            case 1: out.append("i").append(value_long(i)); break;
                            case 2: out.append("f").append(value_double(i)); break;
                            case 3: out.append("t").append(value_text(i)); break;
                            case 4: out.append("b").append(value_blob(i).length); break;
                            default: out.append("n");
                        }
                        out.append(',');
                    }
                    result(out.toString());
                }
            });
            assertEquals("i5000000000,f1.5,thé,b3,n,", one(conn, "select describe(5000000000, 1.5, 'hé', x'010203', null)"));

            Function.create(conn, "twice", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    result(value_int(0) * 2);
                }
            }, 1, Function.FLAG_DETERMINISTIC);
            assertEquals("42", one(conn, "select twice(21)"));
            assertThrows(SQLException.class, () -> one(conn, "select twice(1, 2)"));

            Function.create(conn, "fails", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    error("nope: " + value_text(0));
                }
            });
            SQLException failed = assertThrows(SQLException.class, () -> one(conn, "select fails('x')"));
            assertTrue(failed.getMessage().contains("nope: x"), failed.getMessage());
            Function.create(conn, "throws", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    value_text(3); // out of bounds
                }
            });
            SQLException thrown = assertThrows(SQLException.class, () -> one(conn, "select throws(1)"));
            assertTrue(thrown.getMessage().contains("arg 3 out bounds [0,1)"), thrown.getMessage());

            Function.create(conn, "mysum", new Function.Aggregate() {
                private long sum;

                @Override
                protected void xStep() throws SQLException {
                    sum += value_long(0);
                }

                @Override
                protected void xFinal() throws SQLException {
                    result(sum);
                }
            });
            Statement s = conn.createStatement();
            s.execute("create table v(g text, x integer)");
            s.execute("insert into v values ('a', 1), ('b', 10), ('a', 2), ('b', 20), ('a', 3)");
            List<String> groups = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select g, mysum(x) from v group by g order by g")) {
                while (rs.next()) {
                    groups.add(rs.getString(1) + "=" + rs.getLong(2));
                }
            }
            assertEquals(List.of("a=6", "b=30"), groups);

            Function.create(conn, "winsum", new Function.Window() {
                private long sum;

                @Override
                protected void xStep() throws SQLException {
                    sum += value_long(0);
                }

                @Override
                protected void xInverse() throws SQLException {
                    sum -= value_long(0);
                }

                @Override
                protected void xValue() throws SQLException {
                    result(sum);
                }

                @Override
                protected void xFinal() throws SQLException {
                    result(sum);
                }
            });
            List<Long> running = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select winsum(x) over (order by x rows between 1 preceding and current row)"
                    + " from v order by x")) {
                while (rs.next()) {
                    running.add(rs.getLong(1));
                }
            }
            assertEquals(List.of(1L, 3L, 5L, 13L, 30L), running);

            Function.destroy(conn, "describe");
            assertThrows(SQLException.class, () -> one(conn, "select describe(1)"));
            Function.destroy(conn, "twice", 1);
            assertThrows(SQLException.class, () -> one(conn, "select twice(1)"));
        }
    }

    @Test
    void collation() throws Exception {
        try (Connection conn = DriverManager.getConnection(url("coll.db"))) {
            Collation.create(conn, "REVERSE", new Collation() {
                @Override
                protected int xCompare(String a, String b) {
                    return b.compareTo(a);
                }
            });
            Statement s = conn.createStatement();
            s.execute("create table w(x text)");
            s.execute("insert into w values ('b'), ('a'), ('c')");
            List<String> order = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select x from w order by x collate reverse")) {
                while (rs.next()) {
                    order.add(rs.getString(1));
                }
            }
            assertEquals(List.of("c", "b", "a"), order);
            Collation.destroy(conn, "REVERSE");
            assertThrows(SQLException.class, () -> s.executeQuery("select x from w order by x collate reverse"));
        }
    }

    @Test
    void busyAndProgressHandlers() throws Exception {
        try (Connection holder = DriverManager.getConnection(url("busy.db"));
             Connection waiter = DriverManager.getConnection(url("busy.db"))) {
            holder.createStatement().execute("create table t(x)");
            holder.setAutoCommit(false);
            holder.createStatement().execute("insert into t values (1)"); // holds RESERVED
            AtomicInteger calls = new AtomicInteger();
            BusyHandler.setHandler(waiter, new BusyHandler() {
                @Override
                protected int callback(int nbPrevInvok) {
                    assertEquals(calls.getAndIncrement(), nbPrevInvok);
                    return nbPrevInvok < 3 ? 1 : 0;
                }
            });
            SQLiteException busy = assertThrows(SQLiteException.class,
                    () -> waiter.createStatement().execute("insert into t values (2)"));
            assertEquals(SQLiteErrorCode.SQLITE_BUSY, busy.getResultCode());
            assertEquals(4, calls.get());
            BusyHandler.clearHandler(waiter);
            holder.commit();
            waiter.createStatement().execute("insert into t values (2)");
            assertEquals("2", one(waiter, "select count(*) from t"));
        }
        try (Connection conn = DriverManager.getConnection(url("progress.db"))) {
            AtomicInteger ticks = new AtomicInteger();
            ProgressHandler.setHandler(conn, 100, new ProgressHandler() {
                @Override
                protected int progress() {
                    return ticks.incrementAndGet() >= 5 ? 1 : 0;
                }
            });
            SQLiteException interrupted = assertThrows(SQLiteException.class, () -> one(conn,
                    "with recursive c(i) as (select 1 union all select i + 1 from c) select count(*) from c"));
            assertEquals(SQLiteErrorCode.SQLITE_INTERRUPT, interrupted.getResultCode());
            assertEquals(5, ticks.get());
            ProgressHandler.clearHandler(conn);
            assertEquals("1000", one(conn,
                    "with recursive c(i) as (select 1 union all select i + 1 from c limit 1000) select count(*) from c"));
        }
    }

    @Test
    void listenersLimitsAndSerialization() throws Exception {
        try (SQLiteConnection conn = (SQLiteConnection) DriverManager.getConnection(url("misc.db"))) {
            List<String> events = new ArrayList<>();
            SQLiteUpdateListener updates = (type, database, table, rowId) -> events.add(type + " " + table + " " + rowId);
            SQLiteCommitListener commits = new SQLiteCommitListener() {
                @Override
                public void onCommit() {
                    events.add("commit");
                }

                @Override
                public void onRollback() {
                    events.add("rollback");
                }
            };
            conn.addUpdateListener(updates);
            conn.addCommitListener(commits);
            Statement s = conn.createStatement();
            s.execute("create table t(x)");
            events.clear();
            s.execute("insert into t values (1)");
            s.execute("update t set x = 2");
            conn.setAutoCommit(false);
            s.execute("delete from t where x = 2"); // a WHERE: the truncate optimisation skips the hook
            conn.rollback();
            conn.setAutoCommit(true);
            conn.removeUpdateListener(updates);
            conn.removeCommitListener(commits);
            s.execute("insert into t values (3)");
            assertEquals(List.of("INSERT t 1", "commit", "UPDATE t 1", "commit", "DELETE t 1", "rollback"), events);

            conn.setLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH, 1000);
            assertEquals(1000, conn.getLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH));
            SQLiteException tooBig = assertThrows(SQLiteException.class, () -> one(conn, "select zeroblob(2000)"));
            assertEquals(SQLiteErrorCode.SQLITE_TOOBIG, tooBig.getResultCode());

            byte[] image = conn.serialize("main");
            try (SQLiteConnection copy = (SQLiteConnection) DriverManager.getConnection("jdbc:sqlite::memory:")) {
                copy.deserialize("main", image);
                assertEquals("2,3", one(copy, "select group_concat(x order by x) from t"));
                assertArrayEquals(image, copy.serialize("main"));
            }
            conn.setBusyTimeout(10);
            assertEquals(10, conn.getBusyTimeout());
        }
    }

    @Test
    void preparedStatementsWorkOnSQLiteConnection() throws Exception {
        try (Connection conn = JDBC.createConnection(url("ps.db"), new Properties())) {
            conn.createStatement().execute("create table p(id integer primary key, v text)");
            try (PreparedStatement ps = conn.prepareStatement("insert into p(v) values (?)")) {
                for (int i = 0; i < 10; i++) {
                    ps.setString(1, "v" + i);
                    ps.addBatch();
                }
                assertEquals(10, ps.executeBatch().length);
            }
            assertEquals("10", one(conn, "select count(*) from p"));
        }
        assertNull(JDBC.createConnection("jdbc:postgresql://x/y", new Properties()));
    }
}
