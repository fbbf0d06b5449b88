package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two connections of this JVM taking turns on one WAL file whose index outgrows its first region,
 * with transactions that spill into the WAL and roll back in between: the WAL-index mirror only
 * compares the header between syncs outside the write lock, and this is where skipping the hash
 * tables would show (a reader missing committed frames, a writer building on stale hash entries).
 */
class WalIndexSyncTest {
    @Test
    void readersAndWritersTakingTurnsAlwaysSeeEveryCommit(@TempDir Path dir) throws Exception {
        String path = dir.resolve("turns.db").toString();
        int committed = 0;
        try (Database a = Database.open(path); Database b = Database.open(path)) {
            a.exec("pragma journal_mode=wal; pragma wal_autocheckpoint=0;"
                    + "create table t(id integer primary key, who text, payload blob)");
            b.exec("pragma wal_autocheckpoint=0; pragma cache_size=5"); // b's big transactions spill frames into the WAL
            for (int round = 0; round < 45; round++) {
                b.exec("begin; insert into t(who, payload) select 'abandoned', randomblob(3000) "
                        + "from (with recursive c(i) as (select 1 union all select i + 1 from c where i < 150) select i from c);"
                        + "rollback");
                assertEquals(committed, Long.parseLong(LibraryTest.scalar(a, "select count(*) from t")), "a reads, round " + round);
                a.exec("begin; insert into t(who, payload) select 'a', randomblob(3000) "
                        + "from (with recursive c(i) as (select 1 union all select i + 1 from c where i < 100) select i from c);"
                        + "commit");
                committed += 100;
                assertEquals(committed, Long.parseLong(LibraryTest.scalar(b, "select count(*) from t")), "b reads, round " + round);
                b.exec("insert into t(who, payload) values ('b', randomblob(10))");
                committed++;
                assertEquals(committed, Long.parseLong(LibraryTest.scalar(a, "select count(*) from t")), "a after b, round " + round);
            }
            assertEquals("ok", LibraryTest.scalar(b, "pragma integrity_check"));
            assertEquals("ok", LibraryTest.scalar(a, "pragma integrity_check"));
            try (Statement st = a.prepare("pragma wal_checkpoint(passive)")) {
                assertTrue(st.step());
                long frames = st.columnLong(1);
                assertTrue(frames > 4062, "the WAL outgrew the index's first region: " + frames + " frames");
            }
        }
        if (NativeSqlite.available()) {
            NativeSqlite.Result r = NativeSqlite.run(Path.of(path), "pragma integrity_check; select count(*) from t;");
            assertEquals("ok\n" + committed, r.out, r.toString());
        }
    }
}
