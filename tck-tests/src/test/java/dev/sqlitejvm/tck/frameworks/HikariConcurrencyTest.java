package dev.sqlitejvm.tck.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A HikariCP pool of 16 connections ({@code driverClassName=org.sqlite.JDBC}) used by 16 threads
 * at once on one file: each thread runs read-modify-write transactions on a shared counter
 * (IMMEDIATE transactions, so no update is lost) and inserts its own rows, while reading. At the
 * end every row is there, the counter equals the number of transactions, and the file is sound.
 */
class HikariConcurrencyTest {
    private static final int THREADS = 16;
    private static final int TXNS_PER_THREAD = 40;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"WAL", "DELETE"})
    void sixteenThreadsShareOnePool(String journalMode) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDriverClassName("org.sqlite.JDBC");
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("pool.db") + "?journal_mode=" + journalMode
                + "&transaction_mode=IMMEDIATE&busy_timeout=30000&synchronous=NORMAL");
        config.setMaximumPoolSize(THREADS);
        config.setMinimumIdle(THREADS);
        config.setAutoCommit(true);
        config.setConnectionTimeout(30_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection conn = pool.getConnection(); Statement s = conn.createStatement()) {
                s.execute("create table counter(id integer primary key, n integer not null)");
                s.execute("insert into counter values (1, 0)");
                s.execute("create table event(thread integer, seq integer, seen integer, primary key (thread, seq))");
                try (ResultSet rs = s.executeQuery("pragma journal_mode")) {
                    rs.next();
                    assertEquals(journalMode.toLowerCase(), rs.getString(1));
                }
            }
            AtomicLong reads = new AtomicLong();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < TXNS_PER_THREAD; i++) {
                        try (Connection conn = pool.getConnection()) {
                            conn.setAutoCommit(false);
                            long seen;
                            try (ResultSet rs = conn.createStatement().executeQuery("select n from counter where id = 1")) {
                                rs.next();
                                seen = rs.getLong(1);
                            }
                            try (PreparedStatement update = conn.prepareStatement("update counter set n = ? where id = 1");
                                 PreparedStatement insert = conn.prepareStatement("insert into event values (?, ?, ?)")) {
                                update.setLong(1, seen + 1);
                                update.executeUpdate();
                                insert.setInt(1, thread);
                                insert.setInt(2, i);
                                insert.setLong(3, seen);
                                insert.executeUpdate();
                            }
                            conn.commit();
                        }
                        try (Connection conn = pool.getConnection();
                             ResultSet rs = conn.createStatement().executeQuery("select count(*) from event")) {
                            rs.next();
                            assertTrue(rs.getLong(1) > 0);
                            reads.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            threads.shutdown();
            assertTrue(threads.awaitTermination(90, TimeUnit.SECONDS), "threads finished");
            for (Future<?> f : done) {
                f.get(); // rethrows any thread's failure
            }
            int total = THREADS * TXNS_PER_THREAD;
            try (Connection conn = pool.getConnection(); Statement s = conn.createStatement()) {
                assertEquals(total, one(s, "select n from counter"));
                assertEquals(total, one(s, "select count(*) from event"));
                // Every transaction saw a distinct counter value: serialised, none lost.
                assertEquals(total, one(s, "select count(distinct seen) from event"));
                assertEquals(total - 1, one(s, "select max(seen) from event"));
                try (ResultSet rs = s.executeQuery("pragma integrity_check")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1));
                }
            }
            assertEquals(total, reads.get());
            // Hikari fills the pool to its minimum in the background, so how many connections
            // exist by now depends on speed; what must hold is that all came back and none beyond the maximum.
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "every connection was returned");
            int pooled = pool.getHikariPoolMXBean().getTotalConnections();
            assertTrue(pooled >= 1 && pooled <= THREADS, "connections in the pool: " + pooled);
        }
    }

    private static long one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
