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
        long[] plain = commits(dir.resolve("plain.db"), null, n, null);
        try (ChangeCapture capture = ChangeCapture.attach(dir.resolve("captured.db"))) {
            capture.addListener(cs -> { });
            long[] captured = commits(dir.resolve("captured.db"), capture, n, null);
            report("no capture", plain);
            report("capture, no listener work", captured);
        }
        try (ChangeCapture capture = ChangeCapture.attach(dir.resolve("published.db"))) {
            capture.addListener(new DirectoryTransport.Publisher(dir.resolve("ship"), true));
            report("capture + directory publish (fsync)", commits(dir.resolve("published.db"), capture, n, null));
        }

        // Lag: a follower thread applies each change set as it is captured.
        try (ChangeCapture capture = ChangeCapture.attach(dir.resolve("lag.db"));
             Replica replica = Replica.open(dir.resolve("lag-replica.db"), false)) {
            replica.bootstrap(capture.snapshot());
            BlockingQueue<ChangeSet> queue = new LinkedBlockingQueue<>();
            ConcurrentHashMap<Long, Long> committedAt = new ConcurrentHashMap<>();
            long[] lag = new long[n];
            capture.addListener(cs -> {
                committedAt.put(cs.txid(), System.nanoTime());
                queue.add(cs);
            });
            AtomicReference<Throwable> error = new AtomicReference<>();
            Thread follower = new Thread(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        ChangeSet cs = queue.take();
                        replica.apply(cs);
                        lag[i] = System.nanoTime() - committedAt.get(cs.txid());
                    }
                } catch (Throwable t) {
                    error.set(t);
                }
            });
            follower.start();
            commits(dir.resolve("lag.db"), capture, n, null);
            follower.join(120_000);
            assertNull(error.get());
            assertEquals(capture.position(), replica.position());
            report("lag commit -> applied on replica", lag);
        }
    }

    private static long[] commits(Path path, ChangeCapture capture, int n, Object unused) throws Exception {
        long[] latency = new long[n];
        try (Database db = capture == null ? Database.open(path.toString()) : capture.open()) {
            db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v BLOB)");
            try (Statement insert = db.prepare("INSERT INTO t(v) VALUES (?1)")) {
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    insert.reset();
                    insert.bindBlob(1, ROW);
                    insert.step();
                    latency[i] = System.nanoTime() - t0;
                }
            }
        }
        return latency;
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
