package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many connections of one JVM on one file, each on its own thread: writers serialise through the
 * file locks (WAL write lock or RESERVED/EXCLUSIVE), readers never see a count go back, and not one
 * transaction is lost.
 */
class ConcurrentWalTest {
    private static final int WRITERS = 8;
    private static final int READERS = 4;

    @TempDir
    Path dir;

    @Test
    void eightWritersOfAThousandTransactionsAndFourReadersInWal() throws Exception {
        run("WAL", 1000);
    }

    @Test
    void rollbackJournalWithConcurrentWritersAndReaders() throws Exception {
        run("DELETE", 100);
    }

    private void run(String mode, int perWriter) throws Exception {
        Path file = dir.resolve("concurrent.db");
        try (Database db = Database.open(file.toString())) {
            db.exec("PRAGMA journal_mode=" + mode + "; CREATE TABLE t(writer INTEGER, seq INTEGER, PRIMARY KEY(writer, seq))");
        }
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(new Thread(() -> {
                try (Database db = Database.open(file.toString())) {
                    db.busyTimeout(30_000);
                    db.exec("PRAGMA synchronous=NORMAL");
                    start.await();
                    try (Statement insert = db.prepare("INSERT INTO t(writer, seq) VALUES (?, ?)")) {
                        for (int i = 0; i < perWriter; i++) {
                            insert.bindLong(1, writer);
                            insert.bindLong(2, i);
                            insert.step();
                            insert.reset();
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "writer-" + w));
        }
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(new Thread(() -> {
                try (Database db = Database.open(file.toString())) {
                    db.busyTimeout(30_000);
                    start.await();
                    long last = 0;
                    while (writing.get()) {
                        long n = NativeInteropTest.count(db, "SELECT count(*) FROM t");
                        if (n < last) {
                            throw new AssertionError("count went back from " + last + " to " + n);
                        }
                        last = n;
                        reads.incrementAndGet();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "reader-" + r));
        }
        writers.forEach(Thread::start);
        readers.forEach(Thread::start);
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : writers) {
            t.join();
        }
        long writeMs = (System.nanoTime() - t0) / 1_000_000;
        writing.set(false);
        for (Thread t : readers) {
            t.join();
        }
        assertTrue(errors.isEmpty(), () -> "errors: " + errors);
        try (Database db = Database.open(file.toString())) {
            assertEquals((long) WRITERS * perWriter, NativeInteropTest.count(db, "SELECT count(*) FROM t"));
            for (int w = 0; w < WRITERS; w++) {
                assertEquals(perWriter, NativeInteropTest.count(db, "SELECT count(DISTINCT seq) FROM t WHERE writer=" + w));
            }
            assertEquals("ok", NativeInteropTest.text(db, "PRAGMA integrity_check"));
        }
        System.out.printf("%s: %d writers x %d transactions in %d ms (%.0f tx/s), %d reads%n", mode, WRITERS,
                perWriter, writeMs, WRITERS * perWriter * 1000.0 / writeMs, reads.get());
        if (NativeSqlite.available()) {
            NativeSqlite.Result r = NativeSqlite.run(file, "PRAGMA integrity_check; SELECT count(*) FROM t;");
            assertEquals("ok\n" + WRITERS * perWriter, r.out, r.toString());
        }
    }
}
