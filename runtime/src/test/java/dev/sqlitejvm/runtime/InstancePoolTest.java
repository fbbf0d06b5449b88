package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A closed connection's instance serves the next connection, with nothing of the first left in it. */
class InstancePoolTest {
    @Test
    void theNextConnectionGetsTheInstanceWithNothingOfTheLastOne(@TempDir Path dir) throws Exception {
        String path = dir.resolve("pool.db").toString();
        WasmSqlite first;
        try (Database a = Database.open(path)) {
            first = a.sqlite;
            a.exec("pragma journal_mode=wal; create table t(x); insert into t values (1);"
                    + "create temp table scratch(y); pragma cache_size=77;"
                    + "attach ':memory:' as side; create table side.s(z)");
            a.createFunction("answer", 0, 0, call -> call.resultLong(42));
            assertEquals("42", LibraryTest.scalar(a, "select answer()"));
        }
        try (Database b = Database.open(path)) {
            assertSame(first, b.sqlite, "the closed connection's instance was reused");
            assertEquals("1", LibraryTest.scalar(b, "select count(*) from t"));
            assertEquals("0", LibraryTest.scalar(b, "select count(*) from temp.sqlite_master"), "no temp table");
            assertEquals("0", LibraryTest.scalar(b, "select count(*) from pragma_database_list where name = 'side'"));
            assertTrue(!"77".equals(LibraryTest.scalar(b, "pragma cache_size")), "cache_size is the default again");
            SqliteException e = assertThrows(SqliteException.class, () -> LibraryTest.scalar(b, "select answer()"));
            assertTrue(e.getMessage().contains("no such function"), e.getMessage());
        }
    }

    @Test
    void aConnectionClosedWithABlobStillOpenDoesNotGiveItsInstanceBack(@TempDir Path dir) throws Exception {
        String path = dir.resolve("zombie.db").toString();
        WasmSqlite kept;
        try (Database a = Database.open(path)) {
            a.exec("create table t(b blob); insert into t values (zeroblob(100))");
            a.openBlob("main", "t", "b", 1, false); // never closed: close_v2 leaves a zombie connection
            kept = a.sqlite;
        }
        try (Database b = Database.open(path)) {
            assertNotSame(kept, b.sqlite, "an instance with a connection still in it is not reused");
        }
    }

    @Test
    void aPoisonedInstanceIsNotReused() throws Exception {
        WasmSqlite poisoned;
        try (Database a = Database.open(":memory:")) {
            poisoned = a.sqlite;
            a.closeAfterFatalError();
        }
        try (Database b = Database.open(":memory:")) {
            assertNotSame(poisoned, b.sqlite);
            assertEquals("1", LibraryTest.scalar(b, "select 1"));
        }
    }
}
