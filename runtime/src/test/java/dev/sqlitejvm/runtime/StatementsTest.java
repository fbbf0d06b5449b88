package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-statement SQL, errors with SQLite's codes and messages, and connection state. */
class StatementsTest {

    @Test
    void multiStatementSqlRunsEveryStatement() throws Exception {
        try (Database db = Database.open(":memory:")) {
            db.exec("create table t(x); insert into t values (1); insert into t values (2);\n"
                    + "-- a comment\n insert into t values (3); /* trailing */ ");
            assertEquals("6", LibraryTest.scalar(db, "select sum(x) from t"));
        }
    }

    @Test
    void prepareWalksTheTail() throws Exception {
        try (Database db = Database.open(":memory:")) {
            Statement first = db.prepare("select 1; select 'é' ; ");
            assertEquals(" select 'é' ; ", first.tail());
            Statement second = first.prepareNext();
            assertTrue(second.step());
            assertEquals("é", second.columnText(0));
            assertNull(second.prepareNext(), "only white space is left");
            first.close();
            second.close();
            assertNull(db.prepare("  -- nothing here"));
            assertEquals(0, db.openStatementCount());
        }
    }

    @Test
    void syntaxErrorIsCodeOneWithSqlitesMessage() throws Exception {
        try (Database db = Database.open(":memory:")) {
            SqliteException e = assertThrows(SqliteException.class, () -> db.prepare("selec 1"));
            assertEquals(1, e.getErrorCode());
            assertEquals(1, e.extendedCode());
            assertEquals("near \"selec\": syntax error", e.getMessage());
        }
    }

    @Test
    void uniqueViolationIsConstraintWithExtendedCode() throws Exception {
        try (Database db = Database.open(":memory:")) {
            db.exec("create table t(x unique); insert into t values (1)");
            SqliteException e = assertThrows(SqliteException.class, () -> db.exec("insert into t values (1)"));
            assertEquals(19, e.getErrorCode());
            assertEquals(2067, e.extendedCode());
            assertEquals("UNIQUE constraint failed: t.x", e.getMessage());
            assertEquals("23000", e.getSQLState());
            // The connection stays usable after an error.
            db.exec("insert into t values (2)");
            assertEquals("2", LibraryTest.scalar(db, "select count(*) from t"));
        }
    }

    @Test
    void bindOutOfRangeIsRange() throws Exception {
        try (Database db = Database.open(":memory:"); Statement st = db.prepare("select ?")) {
            SqliteException e = assertThrows(SqliteException.class, () -> st.bindLong(2, 1));
            assertEquals(ResultCodes.RANGE, e.getErrorCode());
        }
    }

    @Test
    void changesAndLastInsertRowid() throws Exception {
        try (Database db = Database.open(":memory:")) {
            db.exec("create table t(id integer primary key, x); insert into t(x) values (1), (2), (3)");
            assertEquals(3, db.changes());
            assertEquals(3, db.lastInsertRowid());
            db.exec("update t set x = x + 1 where id > 1");
            assertEquals(2, db.changes());
            assertEquals(5, db.totalChanges());
            assertTrue(db.isAutocommit());
            db.exec("begin");
            assertEquals(false, db.isAutocommit());
            db.exec("rollback");
        }
    }

    @Test
    void limitsAreEnforced() throws Exception {
        try (Database db = Database.open(":memory:")) {
            assertEquals(2147483647, db.limit(Limit.LENGTH, 100));
            assertEquals(100, db.limit(Limit.LENGTH, -1));
            SqliteException e = assertThrows(SqliteException.class,
                    () -> LibraryTest.scalar(db, "select length(zeroblob(1000))"));
            assertEquals(ResultCodes.TOOBIG, e.getErrorCode());
        }
    }

    @Test
    void interruptStopsARunningStatementFromAnotherThread() throws Exception {
        try (Database db = Database.open(":memory:")) {
            Thread interrupter = new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ignored) {
                    return;
                }
                db.interrupt();
            });
            interrupter.start();
            SqliteException e = assertThrows(SqliteException.class, () -> LibraryTest.scalar(db,
                    "with recursive c(i) as (select 1 union all select i + 1 from c) select count(*) from c"));
            interrupter.join();
            assertEquals(ResultCodes.INTERRUPT, e.getErrorCode());
            assertEquals("1", LibraryTest.scalar(db, "select 1"), "usable after the interrupt");
        }
    }

    @Test
    void interruptWhileIdleDoesNotAffectTheNextStatement() throws Exception {
        try (Database db = Database.open(":memory:")) {
            db.interrupt();
            assertEquals("1", LibraryTest.scalar(db, "select 1"));
        }
    }

    @Test
    void fileDatabasePersistsAcrossConnections(@TempDir Path dir) throws Exception {
        String path = dir.resolve("data.db").toString();
        try (Database db = Database.open(path)) {
            db.exec("create table t(x); insert into t values ('kept')");
            assertEquals(path, db.filename("main"));
        }
        assertTrue(Files.size(Path.of(path)) >= 8192);
        try (Database db = Database.open(path)) {
            assertEquals("kept", LibraryTest.scalar(db, "select x from t"));
            assertEquals("ok", LibraryTest.scalar(db, "pragma integrity_check"));
        }
    }

    @Test
    void busyTimeoutWaitsThenReportsBusy(@TempDir Path dir) throws Exception {
        String path = dir.resolve("busy.db").toString();
        try (Database writer = Database.open(path); Database other = Database.open(path)) {
            writer.exec("create table t(x); begin exclusive; insert into t values (1)");
            other.busyTimeout(300);
            long start = System.nanoTime();
            SqliteException e = assertThrows(SqliteException.class, () -> other.exec("insert into t values (2)"));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ResultCodes.BUSY, e.getErrorCode());
            assertTrue(waitedMillis >= 250, "waited " + waitedMillis + " ms");
            writer.exec("commit");
            other.exec("insert into t values (2)");
            assertEquals("2", LibraryTest.scalar(other, "select count(*) from t"));
        }
    }

    @Test
    void missingDirectoryIsCantOpenNamingThePath(@TempDir Path dir) {
        String path = dir.resolve("no/such/dir/x.db").toString();
        SqliteException e = assertThrows(SqliteException.class, () -> Database.open(path));
        assertEquals(ResultCodes.CANTOPEN, e.getErrorCode());
        assertTrue(e.getMessage().contains(path), e.getMessage());
    }

    @Test
    void closedObjectsFailClearly() throws Exception {
        Database db = Database.open(":memory:");
        Statement st = db.prepare("select 1");
        db.close();
        assertTrue(st.isClosed(), "closing the database finalizes its statements");
        assertEquals(ResultCodes.MISUSE, assertThrows(SqliteException.class, st::step).getErrorCode());
        assertEquals(ResultCodes.MISUSE, assertThrows(SqliteException.class, () -> db.prepare("select 1")).getErrorCode());
        db.close();
    }
}
