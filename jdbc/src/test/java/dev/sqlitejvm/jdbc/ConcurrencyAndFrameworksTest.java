package dev.sqlitejvm.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyAndFrameworksTest {
    @TempDir
    Path dir;

    @Test
    void hikariPoolWithSixteenThreads() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("pool.db");
        try (Connection setup = DriverManager.getConnection(url)) {
            setup.createStatement().execute("create table hits(thread integer, n integer)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(8);
        config.addDataSourceProperty("busy_timeout", "30000");
        config.addDataSourceProperty("journal_mode", "TRUNCATE");
        config.setAutoCommit(false);
        int threads = 16;
        int perThread = 25;
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        try (Connection c = pool.getConnection();
                             PreparedStatement insert = c.prepareStatement("insert into hits values (?, ?)")) {
                            insert.setInt(1, thread);
                            insert.setInt(2, i);
                            insert.executeUpdate();
                            try (PreparedStatement read = c.prepareStatement("select count(*) from hits where thread = ?")) {
                                read.setInt(1, thread);
                                try (ResultSet rs = read.executeQuery()) {
                                    rs.next();
                                    assertEquals(i + 1, rs.getInt(1));
                                }
                            }
                            c.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
            executor.shutdown();
            try (Connection c = pool.getConnection(); ResultSet rs = c.createStatement().executeQuery("select count(*) from hits")) {
                rs.next();
                assertEquals(threads * perThread, rs.getInt(1));
            }
        }
    }

    @Test
    void manyConnectionsOnManyThreads() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("many.db") + "?busy_timeout=30000";
        try (Connection setup = DriverManager.getConnection(url)) {
            setup.createStatement().execute("create table t(v)");
        }
        ExecutorService executor = Executors.newFixedThreadPool(6);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            futures.add(executor.submit(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.unwrap(SqliteConnection.class).extensions().createFunction("inc", 1, 0,
                            call -> call.resultLong(call.argLong(0) + 1));
                    for (int i = 0; i < 30; i++) {
                        try (PreparedStatement p = c.prepareStatement("insert into t values (inc(?))")) {
                            p.setInt(1, i);
                            p.executeUpdate();
                        }
                    }
                    return ConnectionTest.count(c, "t");
                }
            }));
        }
        for (Future<Integer> future : futures) {
            assertTrue(future.get(120, TimeUnit.SECONDS) >= 30);
        }
        executor.shutdown();
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(180, ConnectionTest.count(c, "t"));
        }
    }

    @Test
    void oneConnectionSharedByTwoThreadsIsSerialised() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("shared.db"))) {
            c.createStatement().execute("create table t(thread, i, payload)");
            AtomicInteger failures = new AtomicInteger();
            Thread[] threads = new Thread[2];
            for (int t = 0; t < threads.length; t++) {
                int id = t;
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        try (PreparedStatement p = c.prepareStatement("insert into t values (?, ?, ?)")) {
                            p.setInt(1, id);
                            p.setInt(2, i);
                            p.setString(3, ("thread " + id + " row " + i).repeat(10));
                            p.executeUpdate();
                            try (Statement s = c.createStatement();
                                 ResultSet rs = s.executeQuery("select payload from t where thread = " + id + " and i = " + i)) {
                                rs.next();
                                if (!rs.getString(1).equals(("thread " + id + " row " + i).repeat(10))) {
                                    failures.incrementAndGet();
                                }
                            }
                        } catch (SQLException e) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
            for (Thread thread : threads) {
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(0, failures.get());
            assertEquals(400, ConnectionTest.count(c, "t"));
            try (ResultSet rs = c.createStatement().executeQuery("pragma integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
        }
    }

    @Test
    void noLeaksAfterAThousandOpenUseCloseCycles() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("leak.db");
        try (Connection setup = DriverManager.getConnection(url)) {
            setup.createStatement().execute("create table t(x)");
        }
        SqliteDataSource source = new SqliteDataSource(url);
        for (int i = 0; i < 1000; i++) {
            SqliteConnection connection;
            try (Connection c = source.getConnection()) {
                connection = c.unwrap(SqliteConnection.class);
                try (PreparedStatement p = c.prepareStatement("insert into t values (?)")) {
                    p.setInt(1, i);
                    p.executeUpdate();
                }
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from t")) {
                    rs.next();
                    assertEquals(i + 1, rs.getInt(1));
                }
                assertEquals(0, connection.openStatementCount());
                assertEquals(0, connection.database().openStatementCount(), "every SQLite statement finalized");
            }
            assertTrue(connection.isClosed());
            assertEquals(0, connection.database().openFileCount(), "every file closed");
        }
    }

    @Test
    void connectionPoolDataSource() throws Exception {
        SqliteConnectionPoolDataSource source = new SqliteConnectionPoolDataSource("jdbc:sqlite:" + dir.resolve("cp.db"));
        source.setEnforceForeignKeys(true);
        PooledConnection pooled = source.getPooledConnection();
        AtomicInteger closedEvents = new AtomicInteger();
        pooled.addConnectionEventListener(new javax.sql.ConnectionEventListener() {
            @Override
            public void connectionClosed(javax.sql.ConnectionEvent event) {
                closedEvents.incrementAndGet();
            }

            @Override
            public void connectionErrorOccurred(javax.sql.ConnectionEvent event) {
            }
        });
        try (Connection first = pooled.getConnection()) {
            assertEquals("1", DriverAndUrlTest.pragma(first, "foreign_keys"));
            first.setAutoCommit(false);
            first.createStatement().execute("create table t(x)");
        }
        assertEquals(1, closedEvents.get());
        Connection second = pooled.getConnection();
        assertTrue(second.getAutoCommit(), "a returned connection is reset");
        Connection third = pooled.getConnection();
        assertTrue(second.isClosed(), "a new handle invalidates the previous one");
        third.close();
        pooled.close();
    }
}
