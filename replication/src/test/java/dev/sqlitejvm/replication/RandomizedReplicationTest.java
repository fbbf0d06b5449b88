package dev.sqlitejvm.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline: a seeded random workload of N committed transactions on a primary (inserts,
 * updates, deletes, schema changes, overflow blobs, VACUUM, checkpoints of every kind, rollbacks,
 * savepoints, cache spills, two writing connections), shipped to replica A (bootstrapped from a
 * snapshot at txid 0, change sets passed through encode/decode) and replica B (bootstrapped midway
 * from a snapshot published in a directory, then following the directory). After every applied
 * transaction each replica's checksum equals the primary's after-checksum; a reader thread on A
 * checks an invariant that a half-applied transaction would break; at the end all tables match and
 * integrity_check is ok everywhere.
 */
class RandomizedReplicationTest {
    private static final int ACCOUNTS = 20;

    @TempDir
    Path dir;

    @Test
    void randomWorkloadReplicatesToTwoReplicas() throws Exception {
        long seed = Long.getLong("repl.seed", 8_2024L);
        int target = Integer.getInteger("repl.transactions", 2000);
        Random random = new Random(seed);
        Path primaryPath = dir.resolve("primary.db");
        Path shipDir = dir.resolve("ship");
        long started = System.nanoTime();

        try (Database setup = Database.open(primaryPath.toString())) {
            setup.exec("PRAGMA journal_mode=WAL; CREATE TABLE acct(id INTEGER PRIMARY KEY, bal INTEGER NOT NULL, pad BLOB);"
                    // Two accounts per page: a transfer usually changes two pages, which a reader must see together.
                    + "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<" + ACCOUNTS + ") INSERT INTO acct SELECT i, 0, zeroblob(1500) FROM c;"
                    + "CREATE TABLE t1(id INTEGER PRIMARY KEY, a TEXT, b INTEGER); CREATE TABLE blobs(id INTEGER PRIMARY KEY, v BLOB)");
        }
        ChangeCapture capture = ChangeCapture.attach(primaryPath);
        ArrayDeque<ChangeSet> pending = new ArrayDeque<>();
        capture.addListener(pending::add);
        DirectoryTransport.Publisher publisher = new DirectoryTransport.Publisher(shipDir, false);
        capture.addListener(publisher);

        Replica a = Replica.open(dir.resolve("a.db"), false);
        a.bootstrap(ChangeSetCodec.decode(ChangeSetCodec.encode(capture.snapshot())));
        assertEquals(capture.position(), a.position());

        // A reader on replica A: the account balances always sum to 0 and number ACCOUNTS.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> readerError = new AtomicReference<>();
        AtomicLong reads = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (Database r = a.openReader()) {
                while (!stop.get()) {
                    try (Statement st = r.prepare("SELECT coalesce(sum(bal), 0), count(*) FROM acct")) {
                        st.step();
                        if (st.columnLong(0) != 0 || st.columnLong(1) != ACCOUNTS) {
                            throw new AssertionError("reader saw a partial transaction: sum " + st.columnLong(0) + ", count " + st.columnLong(1));
                        }
                        reads.incrementAndGet();
                        Thread.sleep(5);
                    } catch (SqliteException e) {
                        if (e.primaryCode() != 5) { // BUSY: retry
                            throw e;
                        }
                    }
                }
            } catch (Throwable t) {
                readerError.set(t);
            }
        }, "replica-reader");
        reader.start();

        DirectoryTransport.Follower follower = null;
        long snapshotAt = target / 2;
        int rollbacks = 0, vacuums = 0, checkpoints = 0, schemaChanges = 0, blobs = 0;
        long applyNanos = 0;
        int applied = 0;
        Database p1 = capture.open();
        Database p2 = capture.open();
        try {
            for (Database p : List.of(p1, p2)) {
                p.exec("PRAGMA synchronous=NORMAL; PRAGMA cache_size=40");
            }
            List<String> extraTables = new ArrayList<>();
            int nextTable = 0;
            while (capture.position().txid() < target) {
                Database p = random.nextBoolean() ? p1 : p2;
                long txBefore = capture.position().txid();
                int op = random.nextInt(100);
                if (op < 20) { // transfer between accounts
                    int from = 1 + random.nextInt(ACCOUNTS), to = 1 + random.nextInt(ACCOUNTS), amount = 1 + random.nextInt(100);
                    p.exec("BEGIN; UPDATE acct SET bal = bal - " + amount + " WHERE id = " + from
                            + "; UPDATE acct SET bal = bal + " + amount + " WHERE id = " + to + "; COMMIT");
                } else if (op < 40) { // inserts
                    p.exec("BEGIN");
                    try (Statement st = p.prepare("INSERT INTO t1(a, b) VALUES (?1, ?2)")) {
                        for (int i = 1 + random.nextInt(30); i > 0; i--) {
                            st.reset();
                            st.bindText(1, text(random, 1 + random.nextInt(300)));
                            st.bindLong(2, random.nextLong());
                            st.step();
                        }
                    }
                    p.exec("COMMIT");
                } else if (op < 52) { // updates
                    p.exec("UPDATE t1 SET a = '" + text(random, random.nextInt(500)) + "', b = b + 1 WHERE id % " + (2 + random.nextInt(40)) + " = " + random.nextInt(2));
                } else if (op < 60) { // deletes
                    p.exec("DELETE FROM t1 WHERE id % " + (3 + random.nextInt(30)) + " = 0");
                } else if (op < 72) { // large blobs on overflow pages, bounded in number
                    byte[] blob = new byte[2000 + random.nextInt(60000)];
                    random.nextBytes(blob);
                    try (Statement st = p.prepare("INSERT INTO blobs(v) VALUES (?1)")) {
                        st.bindBlob(1, blob);
                        st.step();
                    }
                    blobs++;
                } else if (op < 78) {
                    p.exec("DELETE FROM blobs WHERE id IN (SELECT id FROM blobs ORDER BY id LIMIT " + (1 + random.nextInt(4)) + ")");
                } else if (op < 83) { // schema changes
                    schemaChanges++;
                    int kind = random.nextInt(4);
                    if (kind == 0 || extraTables.isEmpty()) {
                        String name = "x" + nextTable++;
                        p.exec("CREATE TABLE " + name + "(k INTEGER PRIMARY KEY, s TEXT, n REAL); INSERT INTO " + name
                                + "(s, n) VALUES ('" + text(random, 50) + "', " + random.nextDouble() + ")");
                        extraTables.add(name);
                    } else if (kind == 1) {
                        p.exec("DROP TABLE " + extraTables.remove(random.nextInt(extraTables.size())));
                    } else if (kind == 2) {
                        String t = extraTables.get(random.nextInt(extraTables.size()));
                        p.exec("CREATE INDEX IF NOT EXISTS " + t + "_s ON " + t + "(s)");
                    } else {
                        String t = extraTables.get(random.nextInt(extraTables.size()));
                        p.exec("ALTER TABLE " + t + " ADD COLUMN c" + random.nextInt(1_000_000) + " TEXT DEFAULT 'd'");
                    }
                } else if (op < 85) {
                    vacuums++;
                    p.exec("VACUUM");
                } else if (op < 89) { // a checkpoint is not a transaction
                    checkpoints++;
                    String[] modes = {"PASSIVE", "FULL", "RESTART", "TRUNCATE"};
                    p.exec("PRAGMA wal_checkpoint(" + modes[random.nextInt(4)] + ")");
                    assertEquals(txBefore, capture.position().txid(), "a checkpoint is not a transaction");
                } else if (op < 94) { // rolled back, possibly after spilling to the WAL
                    rollbacks++;
                    p.exec("BEGIN; UPDATE acct SET bal = bal + 1000 WHERE id = 1; INSERT INTO blobs(v) VALUES (zeroblob(" + (1000 + random.nextInt(200_000)) + ")); ROLLBACK");
                    assertEquals(txBefore, capture.position().txid(), "a rollback produces nothing");
                } else { // savepoint partly rolled back
                    p.exec("BEGIN; INSERT INTO t1(a, b) VALUES ('" + text(random, 20) + "', 1); SAVEPOINT s; DELETE FROM t1; "
                            + "UPDATE acct SET bal = 5; ROLLBACK TO s; RELEASE s; INSERT INTO t1(a, b) VALUES ('sp', 2); COMMIT");
                }
                assertNull(capture.failure());

                // Ship what was committed.
                ChangeSet last = null;
                int shipped = 0;
                while (!pending.isEmpty()) {
                    ChangeSet cs = pending.poll();
                    ChangeSet decoded = ChangeSetCodec.decode(ChangeSetCodec.encode(cs));
                    long t0 = System.nanoTime();
                    a.apply(decoded);
                    applyNanos += System.nanoTime() - t0;
                    applied++;
                    assertEquals(cs.checksumAfter(), a.position().checksum(), "replica A after " + cs);
                    assertEquals(cs.txid(), a.position().txid());
                    last = cs;
                    shipped++;
                }
                if (follower != null && last != null) {
                    // Replica B checks each change set's checksum as it applies it (Replica.apply).
                    assertEquals(shipped, follower.poll());
                    assertEquals(last.positionAfter(), follower.replica().position(), "replica B after " + last);
                }
                if (follower == null && capture.position().txid() >= snapshotAt) {
                    ChangeSet snapshot = capture.snapshot();
                    publisher.publish(snapshot);
                    follower = new DirectoryTransport.Follower(shipDir, Replica.open(dir.resolve("b.db"), false));
                    assertEquals(0, follower.poll(), "bootstrap only");
                    assertEquals(capture.position(), follower.replica().position());
                }
                if (capture.position().txid() / 250 != txBefore / 250) { // now and then, independent full scans
                    try (Database check = Database.open(primaryPath.toString()); Database checkA = a.openReader()) {
                        assertEquals(capture.position().checksum(), Pages.checksumOf(check), "primary full scan");
                        assertEquals(a.position().checksum(), Pages.checksumOf(checkA), "replica A full scan");
                    }
                }
            }
        } finally {
            stop.set(true);
            reader.join(30_000);
            p1.close();
            p2.close();
        }
        assertNull(readerError.get(), () -> "reader: " + readerError.get());
        assertEquals(target, capture.position().txid());
        assertEquals(target, applied);

        Map<String, String> expected;
        try (Database check = Database.open(primaryPath.toString())) {
            assertEquals("ok", TestDatabases.integrity(check));
            expected = TestDatabases.contents(check);
            assertEquals(capture.position().checksum(), Pages.checksumOf(check));
        }
        for (Replica replica : List.of(a, follower.replica())) {
            assertEquals(capture.position(), replica.position());
            try (Database check = replica.openReader()) {
                assertEquals("ok", TestDatabases.integrity(check), replica.path().toString());
                assertEquals(expected, TestDatabases.contents(check), replica.path().toString());
                assertEquals(capture.position().checksum(), Pages.checksumOf(check));
            }
        }
        assertTrue(expected.size() > 3);
        System.out.printf("randomized replication: seed %d, %d transactions (%d rollbacks, %d VACUUM, %d checkpoints, %d schema changes,"
                        + " %d overflow blobs), replica B from snapshot at txid %d, %d reads on replica A during apply,"
                        + " apply %.2f ms/txn on A, total %.1f s%n",
                seed, target, rollbacks, vacuums, checkpoints, schemaChanges, blobs, snapshotAt, reads.get(),
                applyNanos / 1e6 / applied, (System.nanoTime() - started) / 1e9);
        follower.close();
        a.close();
        capture.close();
    }

    private static String text(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
