package dev.sqlitejvm.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.Statement;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures commit latency of single-row write transactions with and without capture, and the
 * in-process lag from a primary commit to the same transaction applied on a replica by a follower
 * thread. Prints the figures; -Drepl.bench=true runs more commits.
 */
class CaptureOverheadTest {
    @TempDir
    Path dir;

    private static final byte[] ROW = new byte[200];

    @Test
    void commitLatencyAndReplicationLag() throws Exception {
        int n = Boolean.getBoolean("repl.bench") ? 3000 : 300;
        // Commits alternate between the databases, so that JIT warm-up and machine load hit both alike.
        try (ChangeCapture captured = ChangeCapture.attach(dir.resolve("captured.db"));
             ChangeCapture published = ChangeCapture.attach(dir.resolve("published.db"));
             Database plainDb = open(null, dir.resolve("plain.db"));
             Database capturedDb = open(captured, null);
             Database publishedDb = open(published, null)) {
            captured.addListener(cs -> { });
            published.addListener(new DirectoryTransport.Publisher(dir.resolve("ship"), true));
            long[][] latency = new long[3][n];
            Database[] dbs = {plainDb, capturedDb, publishedDb};
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < 3; d++) {
                    latency[d][i] = commit(dbs[d]);
                }
            }
            report("no capture", latency[0]);
            report("capture (listener does nothing)", latency[1]);
            report("capture + directory publish, fsync", latency[2]);
            assertEquals(n + 1, captured.position().txid());
            assertEquals(n + 1, published.position().txid());
        }

        // Lag: a follower thread applies each change set as soon as it is captured.
        try (ChangeCapture capture = ChangeCapture.attach(dir.resolve("lag.db"));
             Replica replica = Replica.open(dir.resolve("lag-replica.db"), false)) {
            replica.bootstrap(capture.snapshot());
            BlockingQueue<ChangeSet> queue = new LinkedBlockingQueue<>();
            ConcurrentHashMap<Long, Long> committedAt = new ConcurrentHashMap<>();
            int total = n + 1; // CREATE TABLE, then n inserts
            long[] lag = new long[total];
            capture.addListener(cs -> {
                committedAt.put(cs.txid(), System.nanoTime());
                queue.add(cs);
            });
            long[] apply = new long[total];
            java.util.concurrent.Semaphore applied = new java.util.concurrent.Semaphore(0);
            AtomicReference<Throwable> error = new AtomicReference<>();
            Thread follower = new Thread(() -> {
                try {
                    for (int i = 0; i < total; i++) {
                        ChangeSet cs = queue.take();
                        long t0 = System.nanoTime();
                        replica.apply(cs);
                        long t1 = System.nanoTime();
                        apply[i] = t1 - t0;
                        lag[i] = t1 - committedAt.get(cs.txid());
                        applied.release();
                    }
                } catch (Throwable t) {
                    error.set(t);
                }
            });
            follower.start();
            try (Database db = open(capture, null)) {
                applied.acquire(); // CREATE TABLE
                for (int i = 0; i < n; i++) {
                    commit(db);
                    // One transaction in flight at a time: the lag of each, not the queue of a burst.
                    if (!applied.tryAcquire(60, java.util.concurrent.TimeUnit.SECONDS)) {
                        break;
                    }
                }
            }
            follower.join(120_000);
            assertNull(error.get());
            assertEquals(capture.position(), replica.position());
            report("lag: captured -> applied on replica", lag);
            report("  of which apply (write, verify, position)", apply);
        }
    }

    private static Database open(ChangeCapture capture, Path path) throws Exception {
        Database db = capture == null ? Database.open(path.toString()) : capture.open();
        db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v BLOB)");
        return db;
    }

    private static long commit(Database db) throws Exception {
        long t0 = System.nanoTime();
        try (Statement insert = db.prepare("INSERT INTO t(v) VALUES (?1)")) {
            insert.bindBlob(1, ROW);
            insert.step();
        }
        return System.nanoTime() - t0;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        // The first third is JIT warm-up.
        sorted = Arrays.copyOfRange(sorted, sorted.length / 3, sorted.length);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf("overhead: %-40s n=%d mean %.3f ms, p50 %.3f ms, p99 %.3f ms%n", what, sorted.length, mean,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
