package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Thread#interrupt()} on a thread using a connection: it stops what SQLite is doing, reports
 * SQLITE_INTERRUPT or SQLITE_BUSY, never hangs or crashes, and the thread keeps its interrupt status.
 */
class ThreadInterruptTest {
    private static final String ENDLESS =
            "with recursive c(i) as (select 1 union all select i + 1 from c) select count(*) from c";

    @Test
    void interruptedWaiterGivesUpPromptlyAndKeepsItsInterruptStatus(@TempDir Path dir) throws Exception {
        String path = dir.resolve("busy.db").toString();
        try (Database holder = Database.open(path)) {
            holder.exec("create table t(x); begin exclusive; insert into t values (1)");
            CompletableFuture<Object[]> outcome = new CompletableFuture<>();
            Thread waiter = new Thread(() -> {
                long start = System.nanoTime();
                try (Database db = Database.open(path)) {
                    db.busyTimeout(30_000);
                    db.exec("insert into t values (2)");
                    outcome.complete(new Object[] {"no error", 0L, false});
                } catch (SqliteException e) {
                    outcome.complete(new Object[] {e.getErrorCode(), (System.nanoTime() - start) / 1_000_000,
                        Thread.currentThread().isInterrupted()});
                }
            });
            waiter.start();
            Thread.sleep(300);
            waiter.interrupt();
            Object[] result = outcome.get(10, TimeUnit.SECONDS);
            assertEquals(ResultCodes.BUSY, result[0]);
            assertTrue((Long) result[1] < 5_000, "gave up after " + result[1] + " ms of a 30 s timeout");
            assertEquals(true, result[2], "the thread's interrupt status is kept for its caller");
            holder.exec("commit");
            assertEquals("1", LibraryTest.scalar(holder, "select count(*) from t"));
        }
    }

    @Test
    void interruptDuringALongQueryStopsIt() throws Exception {
        try (Database db = Database.open(":memory:")) {
            CompletableFuture<Object[]> outcome = new CompletableFuture<>();
            Thread runner = new Thread(() -> {
                try {
                    LibraryTest.scalar(db, ENDLESS);
                    outcome.complete(new Object[] {"no error", false});
                } catch (SqliteException e) {
                    outcome.complete(new Object[] {e.getErrorCode(), Thread.currentThread().isInterrupted()});
                }
            });
            runner.start();
            Thread.sleep(300);
            runner.interrupt();
            Object[] result = outcome.get(10, TimeUnit.SECONDS);
            // SQLite's progress check sees the flag and stops the statement cleanly
            assertEquals(ResultCodes.INTERRUPT, result[0]);
            assertEquals(true, result[1]);
            assertEquals("1", LibraryTest.scalar(db, "select 1"), "the connection is still usable");
        }
    }

    @Test
    void aThreadAlreadyInterruptedGetsACleanInterruptAndAUsableConnection() throws Exception {
        try (Database db = Database.open(":memory:")) {
            Thread.currentThread().interrupt();
            try {
                SqliteException e = org.junit.jupiter.api.Assertions.assertThrows(SqliteException.class,
                        () -> LibraryTest.scalar(db, ENDLESS));
                assertEquals(ResultCodes.INTERRUPT, e.getErrorCode());
                assertTrue(Thread.currentThread().isInterrupted(), "status kept for the caller");
            } finally {
                Thread.interrupted();
            }
            assertEquals("1", LibraryTest.scalar(db, "select 1"), "the connection is still usable");
        }
    }
}
