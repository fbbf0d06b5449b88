package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections are independent instances: they run in parallel, come and go without leaking, and
 * a fatal failure in one (trap, out of memory) leaves the others and the JVM healthy.
 */
class IsolationTest {

    @Test
    void eightThreadsEachWithItsOwnConnectionAtOnce(@TempDir Path dir) throws Exception {
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    String path = id % 2 == 0 ? dir.resolve("t" + id + ".db").toString() : ":memory:";
                    try (Database db = Database.open(path)) {
                        start.await();
                        db.exec("create table t(i integer, s text)");
                        db.exec("begin");
                        try (Statement insert = db.prepare("insert into t values (?, ?)")) {
                            for (int i = 0; i < 2000; i++) {
                                insert.bindLong(1, i * (id + 1L));
                                insert.bindText(2, "row " + i + " of " + id);
                                insert.step();
                                insert.reset();
                            }
                        }
                        db.exec("commit");
                        return LibraryTest.scalar(db, "select sum(i) || ':' || count(distinct s) from t");
                    }
                }));
            }
            for (int t = 0; t < threads; t++) {
                long expectedSum = (t + 1L) * (1999L * 2000 / 2);
                assertEquals(expectedSum + ":2000", results.get(t).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thousandOpenCloseCyclesLeakNothing(@TempDir Path dir) throws Exception {
        String path = dir.resolve("cycle.db").toString();
        try (Database db = Database.open(path)) {
            db.exec("create table t(x); insert into t values (1)");
        }
        // Warm up, then measure from a settled baseline.
        cycle(path, 50);
        long heapBefore = settledHeapUsed();
        long filesBefore = openFileDescriptors();
        cycle(path, 1000);
        long heapAfter = settledHeapUsed();
        long filesAfter = openFileDescriptors();
        assertTrue(filesAfter <= filesBefore, "file descriptors " + filesBefore + " -> " + filesAfter);
        // One connection is over a megabyte of wasm memory: a leak of even a few would show.
        assertTrue(heapAfter - heapBefore < 8L << 20, "heap grew by " + (heapAfter - heapBefore) + " bytes");
    }

    private static void cycle(String path, int times) throws SqliteException {
        for (int i = 0; i < times; i++) {
            try (Database db = Database.open(path); Statement st = db.prepare("select x from t")) {
                assertTrue(st.step());
                assertEquals(1, db.openStatementCount());
            }
        }
    }

    private static long settledHeapUsed() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static long openFileDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        if (fds != null) {
            return fds.length;
        }
        Object os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean
                ? ((com.sun.management.UnixOperatingSystemMXBean) os).getOpenFileDescriptorCount() : 0;
    }

    @Test
    void outOfMemoryClosesOnlyThatConnection(@TempDir Path dir) throws Exception {
        try (Database healthy = Database.open(dir.resolve("healthy.db").toString())) {
            healthy.exec("create table t(x); insert into t values ('still here')");
            Database starved = Database.open(":memory:", OpenOptions.defaults().memoryLimitBytes(4L << 20));
            SqliteException e = assertThrows(SqliteException.class,
                    () -> starved.exec("create table big(b); insert into big values (randomblob(8000000))"));
            assertEquals(ResultCodes.NOMEM, e.getErrorCode());
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertTrue(starved.isClosed());
            assertEquals(ResultCodes.MISUSE,
                    assertThrows(SqliteException.class, () -> starved.exec("select 1")).getErrorCode());
            starved.close();
            assertEquals("still here", LibraryTest.scalar(healthy, "select x from t"));
            try (Database fresh = Database.open(":memory:")) {
                assertEquals("1", LibraryTest.scalar(fresh, "select 1"));
            }
        }
    }

    @Test
    void trapPoisonsOnlyItsInstanceAndReleasesItsFiles(@TempDir Path dir) throws Exception {
        String path = dir.resolve("shared.db").toString();
        try (Database other = Database.open(path)) {
            other.exec("create table t(x); insert into t values (1)");
            Database victim = Database.open(path);
            victim.exec("begin exclusive; insert into t values (2)");
            assertTrue(victim.openFileCount() > 0);
            // A read through a pointer far outside linear memory: what a memory-safety bug in
            // SQLite or the glue would do. The JVM must see a clean exception, not a crash.
            WasmSqlite sqlite = victim.sqlite;
            SqliteException e = assertThrows(SqliteException.class,
                    () -> sqlite.call(sqlite.fn.columnText, 0x7ffffff0, 0));
            assertEquals(ResultCodes.INTERNAL, e.getErrorCode());
            assertNotNull(e.getCause());
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertEquals(0, victim.openFileCount(), "files closed, locks released");
            assertEquals(ResultCodes.MISUSE,
                    assertThrows(SqliteException.class, () -> victim.exec("select 1")).getErrorCode());
            victim.close();
            // The exclusive lock died with the victim; its uncommitted row never existed.
            other.exec("insert into t values (3)");
            assertEquals("1,3", LibraryTest.scalar(other, "select group_concat(x) from t"));
        }
    }
}
