package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlitejvm.vfs.MemoryVfs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** {@code :memory:} is private; {@code file:NAME?mode=memory&cache=shared} is shared in the JVM and freed with its last connection. */
class MemoryDatabaseTest {
    @Test
    void plainMemoryDatabasesArePrivate() throws Exception {
        try (Database a = Database.open(":memory:"); Database b = Database.open(":memory:")) {
            a.exec("CREATE TABLE t(x)");
            assertThrows(SqliteException.class, () -> b.exec("SELECT * FROM t"));
        }
    }

    @Test
    void namedMemoryDatabaseIsSharedAndFreedWithItsLastConnection() throws Exception {
        String uri = "file:shared-test?mode=memory&cache=shared";
        try (Database a = Database.open(uri)) {
            a.exec("CREATE TABLE t(x); INSERT INTO t VALUES (42)");
            try (Database b = Database.open(uri)) {
                assertEquals(42, NativeInteropTest.count(b, "SELECT x FROM t"));
                b.exec("INSERT INTO t VALUES (1)");
            }
            assertEquals(2, NativeInteropTest.count(a, "SELECT count(*) FROM t"));
            assertTrue(MemoryVfs.isAlive("shared-test"));
            try (Database other = Database.open("file:other-name?mode=memory&cache=shared")) {
                assertThrows(SqliteException.class, () -> other.exec("SELECT * FROM t"));
            }
        }
        assertFalse(MemoryVfs.isAlive("shared-test"), "freed when the last connection closed");
        try (Database again = Database.open(uri)) {
            assertThrows(SqliteException.class, () -> again.exec("SELECT * FROM t"));
        }
    }

    @Test
    void sharedMemoryDatabaseUnderConcurrentWriters() throws Exception {
        String uri = "file:concurrent-mem?mode=memory&cache=shared";
        try (Database keeper = Database.open(uri)) {
            keeper.exec("CREATE TABLE t(w, i)");
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                threads.add(new Thread(() -> {
                    try (Database db = Database.open(uri)) {
                        db.busyTimeout(10_000);
                        for (int i = 0; i < 200; i++) {
                            db.exec("INSERT INTO t VALUES (" + writer + ", " + i + ")");
                            NativeInteropTest.count(db, "SELECT count(*) FROM t");
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertTrue(errors.isEmpty(), () -> errors.toString());
            assertEquals(800, NativeInteropTest.count(keeper, "SELECT count(*) FROM t"));
            assertEquals("ok", NativeInteropTest.text(keeper, "PRAGMA integrity_check"));
        }
    }
}
