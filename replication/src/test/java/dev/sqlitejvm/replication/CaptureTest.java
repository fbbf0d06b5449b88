package dev.sqlitejvm.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureTest {
    @TempDir
    Path dir;

    @Test
    void commitsBecomeChangeSetsAndRollbacksNothing() throws Exception {
        Path db = dir.resolve("p.db");
        try (ChangeCapture capture = ChangeCapture.attach(db)) {
            List<ChangeSet> seen = new ArrayList<>();
            capture.addListener(seen::add);
            Position start = capture.position();
            assertEquals(0, start.txid());
            try (Database p = capture.open(); Database check = Database.open(db.toString())) {
                assertEquals(start.checksum(), Pages.checksumOf(check));
                p.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)");
                assertEquals(1, seen.size());
                p.exec("BEGIN; INSERT INTO t(v) VALUES (randomblob(10000)); ROLLBACK");
                assertEquals(1, seen.size(), "a rollback produces nothing");
                p.exec("BEGIN; INSERT INTO t(v) VALUES (randomblob(100)); SAVEPOINT s; INSERT INTO t(v) VALUES (randomblob(50000)); ROLLBACK TO s; COMMIT");
                assertEquals(2, seen.size());
                // A transaction bigger than the page cache spills frames to the WAL before its commit.
                p.exec("PRAGMA cache_size=10; BEGIN; WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<200) "
                        + "INSERT INTO t(v) SELECT randomblob(3000) FROM c; UPDATE t SET v = randomblob(2000) WHERE id % 3 = 0; COMMIT");
                assertEquals(3, seen.size());
                p.exec("DELETE FROM t WHERE id > 20; VACUUM");
                p.exec("PRAGMA wal_checkpoint(TRUNCATE)");
                p.exec("INSERT INTO t(v) VALUES (x'01')");
                long previous = 0;
                long checksum = start.checksum();
                for (ChangeSet cs : seen) {
                    assertEquals(previous + 1, cs.txid());
                    assertEquals(checksum, cs.checksumBefore());
                    previous = cs.txid();
                    checksum = cs.checksumAfter();
                }
                assertEquals(6, seen.size());
                assertTrue(seen.get(4).databaseSize() < seen.get(3).databaseSize(), "VACUUM shrank the database");
                assertEquals(checksum, capture.position().checksum());
                assertEquals(checksum, Pages.checksumOf(check), "incremental checksum equals a full scan");
                assertEquals(null, capture.failure());
            }
        }
    }

    @Test
    void leavingWalModeOrChangingPageSizeIsRefused() throws Exception {
        Path db = dir.resolve("p.db");
        try (ChangeCapture capture = ChangeCapture.attach(db)) {
            List<ChangeSet> seen = new ArrayList<>();
            capture.addListener(seen::add);
            try (Database p = capture.open()) {
                p.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
                int pageSize = (int) Pages.queryLong(p, "PRAGMA page_size");
                // In WAL mode SQLite keeps the page size through VACUUM; the VACUUM is a normal change set.
                p.exec("PRAGMA page_size=" + (pageSize * 2) + "; VACUUM");
                assertEquals(pageSize, Pages.queryLong(p, "PRAGMA page_size"));
                assertEquals(pageSize, seen.get(seen.size() - 1).pageSize());
                int before = seen.size();
                SqliteException e = assertThrows(SqliteException.class, () -> {
                    p.exec("PRAGMA journal_mode=DELETE");
                    p.exec("INSERT INTO t VALUES (2)");
                });
                assertTrue(e.getMessage().contains("outside the WAL"), e.getMessage());
                assertEquals(before, seen.size());
            }
            try (Database check = Database.open(db.toString())) {
                assertEquals(1, Pages.queryLong(check, "SELECT count(*) FROM t"), "the refused write left no trace");
                assertEquals("ok", Pages.queryText(check, "PRAGMA integrity_check"));
            }
        }
    }

    @Test
    void snapshotIsOnlineAndConsistent() throws Exception {
        Path db = dir.resolve("p.db");
        try (ChangeCapture capture = ChangeCapture.attach(db)) {
            List<ChangeSet> log = java.util.Collections.synchronizedList(new ArrayList<>());
            capture.addListener(log::add);
            try (Database p = capture.open()) {
                p.exec("PRAGMA synchronous=OFF; CREATE TABLE big(v BLOB); CREATE TABLE n(i INTEGER PRIMARY KEY)");
                p.exec("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<3000) INSERT INTO big SELECT zeroblob(4000) FROM c");
            }
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicReference<Throwable> error = new java.util.concurrent.atomic.AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Database w = capture.open()) {
                    w.exec("PRAGMA synchronous=OFF");
                    while (!stop.get()) {
                        w.exec("INSERT INTO n DEFAULT VALUES");
                        commits.incrementAndGet();
                    }
                } catch (Throwable t) {
                    error.set(t);
                }
            });
            writer.start();
            while (commits.get() < 5) {
                Thread.sleep(1);
            }
            long before = commits.get();
            long t0 = System.nanoTime();
            ChangeSet snapshot = capture.snapshot();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            long during = commits.get() - before;
            stop.set(true);
            writer.join();
            assertEquals(null, error.get());
            assertTrue(snapshot.databaseSize() > 3000);
            assertTrue(during >= 3, "writers committed " + during + " times during a " + millis + " ms snapshot");
            System.out.printf("snapshot: %d pages in %d ms while the writer committed %d transactions%n",
                    snapshot.databaseSize(), millis, during);
            // The snapshot is exactly the state at its txid: a replica from it takes every later change set.
            try (Replica replica = Replica.open(dir.resolve("r.db"), false)) {
                replica.bootstrap(ChangeSetCodec.decode(ChangeSetCodec.encode(snapshot)));
                for (ChangeSet cs : log) {
                    if (cs.txid() > snapshot.txid()) {
                        replica.apply(cs);
                    }
                }
                assertEquals(capture.position(), replica.position());
                try (Database r = replica.openReader(); Database p = capture.open()) {
                    assertEquals(TestDatabases.contents(p), TestDatabases.contents(r));
                }
            }
        }
    }

    @Test
    void captureResumesFromItsLastPositionOnlyIfTheDatabaseIsUnchanged() throws Exception {
        Path db = dir.resolve("p.db");
        Position last;
        try (ChangeCapture capture = ChangeCapture.attach(db); Database p = capture.open()) {
            p.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
            last = capture.position();
            assertEquals(2, last.txid());
        }
        try (ChangeCapture capture = ChangeCapture.attach(db, last); Database p = capture.open()) {
            List<ChangeSet> seen = new ArrayList<>();
            capture.addListener(seen::add);
            p.exec("INSERT INTO t VALUES (2)");
            assertEquals(3, seen.get(0).txid());
            assertEquals(last.checksum(), seen.get(0).checksumBefore());
        }
        try (Database outside = Database.open(db.toString())) {
            outside.exec("INSERT INTO t VALUES (3)"); // not captured
        }
        ReplicationException e = assertThrows(ReplicationException.class, () -> ChangeCapture.attach(db, new Position(3, last.checksum())));
        assertEquals(ReplicationException.Kind.DIVERGED, e.kind());
    }

    @Test
    void walHookStillFiresUnderCapture() throws Exception {
        Path db = dir.resolve("p.db");
        try (ChangeCapture capture = ChangeCapture.attach(db); Database p = capture.open()) {
            List<Integer> walPages = new ArrayList<>();
            p.setWalListener((schema, pages) -> {
                walPages.add(pages);
                return 0;
            });
            List<ChangeSet> seen = new ArrayList<>();
            capture.addListener(seen::add);
            p.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
            assertEquals(2, walPages.size());
            assertEquals(2, seen.size());
            assertTrue(walPages.get(1) > walPages.get(0), "frames accumulate in the WAL: " + walPages);
        }
    }
}
