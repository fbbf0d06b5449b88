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
}
