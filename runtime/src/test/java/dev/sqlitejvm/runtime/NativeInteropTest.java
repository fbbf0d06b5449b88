package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JVM connection and Debian's native {@code sqlite3} process on one database file, at the same
 * time, in rollback and WAL modes: each sees the other's commits, locks exclude each other, and the
 * file stays sound for both.
 */
class NativeInteropTest {
    private static final int TRANSACTIONS = 200;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsCli() {
        assumeTrue(NativeSqlite.available(), "the sqlite3 CLI is not installed");
    }

    private Path create(String journalMode) throws Exception {
        Path db = dir.resolve("interop.db");
        NativeSqlite.Result r = NativeSqlite.run(db, "PRAGMA journal_mode=" + journalMode + ";"
                + "CREATE TABLE t(id INTEGER PRIMARY KEY, writer TEXT, payload BLOB);");
        assertEquals(0, r.exitCode, r.toString());
        return db;
    }

    static long count(Database db, String sql) throws SqliteException {
        try (Statement st = db.prepare(sql)) {
            assertTrue(st.step());
            return st.columnLong(0);
        }
    }

    static String text(Database db, String sql) throws SqliteException {
        try (Statement st = db.prepare(sql)) {
            assertTrue(st.step());
            return st.columnText(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void nativeWritesWhileJvmReads(String mode) throws Exception {
        Path db = create(mode);
        StringBuilder script = new StringBuilder(".timeout 10000\n");
        for (int i = 0; i < TRANSACTIONS; i++) {
            script.append("INSERT INTO t(writer, payload) VALUES ('native', randomblob(3000));\n");
            if (i % 50 == 49) {
                // Pauses make the race certain even on a loaded machine: the reader runs meanwhile.
                script.append(".shell sleep 0.2\n");
            }
        }
        long reads = 0;
        long last = 0;
        boolean sawPartialWrite = false;
        try (Database jvm = Database.open(db.toString())) {
            jvm.busyTimeout(10000);
            assertEquals(0, count(jvm, "SELECT count(*) FROM t")); // warm up before the race starts
            Process writer = new ProcessBuilder("sqlite3", "-batch", db.toString()).start();
            writer.getOutputStream().write(script.toString().getBytes());
            writer.getOutputStream().close();
            while (writer.isAlive() || reads == 0) {
                long n = count(jvm, "SELECT count(*) FROM t");
                assertTrue(n >= last, "count went back from " + last + " to " + n);
                sawPartialWrite |= n > 0 && n < TRANSACTIONS;
                last = n;
                reads++;
            }
            assertEquals(0, writer.waitFor(), new String(writer.getErrorStream().readAllBytes()));
            assertEquals(TRANSACTIONS, count(jvm, "SELECT count(*) FROM t"));
            assertEquals("ok", text(jvm, "PRAGMA integrity_check"));
            assertEquals(mode.toLowerCase(), text(jvm, "PRAGMA journal_mode"));
        }
        assertTrue(reads > 1, "the reader ran while the writer wrote");
        assertTrue(sawPartialWrite, "the reader saw the writer's commits arrive one by one");
        assertSameOnBothSides(db);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void jvmWritesWhileNativeReads(String mode) throws Exception {
        Path db = create(mode);
        StringBuilder script = new StringBuilder(".timeout 10000\n");
        for (int i = 0; i < 400; i++) {
            script.append("SELECT count(*) FROM t;\n");
        }
        Process reader = new ProcessBuilder("sqlite3", "-batch", db.toString()).start();
        AtomicReference<String> readerOut = new AtomicReference<>();
        Thread drain = new Thread(() -> {
            try {
                readerOut.set(new String(reader.getInputStream().readAllBytes()));
            } catch (Exception e) {
                readerOut.set(e.toString());
            }
        });
        drain.start();
        reader.getOutputStream().write(script.toString().getBytes());
        reader.getOutputStream().close();

        try (Database jvm = Database.open(db.toString())) {
            jvm.busyTimeout(10000);
            for (int i = 0; i < TRANSACTIONS; i++) {
                jvm.exec("INSERT INTO t(writer, payload) VALUES ('jvm', randomblob(3000))");
            }
        }
        assertEquals(0, reader.waitFor(), new String(reader.getErrorStream().readAllBytes()));
        drain.join();
        List<Long> counts = new ArrayList<>();
        for (String line : readerOut.get().split("\n")) {
            counts.add(Long.parseLong(line.trim()));
        }
        assertEquals(400, counts.size());
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i) >= counts.get(i - 1), "native count went back: " + counts);
        }
        assertSameOnBothSides(db);
        NativeSqlite.Result after = NativeSqlite.run(db, "SELECT count(*) FROM t WHERE writer='jvm';");
        assertEquals(String.valueOf(TRANSACTIONS), after.out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void nativeImmediateTransactionMakesJvmWriterWaitThenBusy(String mode) throws Exception {
        Path db = create(mode);
        try (NativeSqlite shell = new NativeSqlite(db);
             Database jvm = Database.open(db.toString())) {
            shell.exec("BEGIN IMMEDIATE; INSERT INTO t(writer) VALUES ('native');");
            jvm.busyTimeout(700);
            long start = System.nanoTime();
            SqliteException e = assertThrows(SqliteException.class,
                    () -> jvm.exec("INSERT INTO t(writer) VALUES ('jvm')"));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ResultCodes.BUSY, e.primaryCode(), e.toString());
            assertTrue(waitedMs >= 600, "waited only " + waitedMs + " ms");
            assertTrue(waitedMs < 5000, "waited " + waitedMs + " ms");
            // Readers are not blocked by a RESERVED writer, and do not see its uncommitted row.
            assertEquals(0, count(jvm, "SELECT count(*) FROM t"));

            shell.exec("COMMIT;");
            jvm.exec("INSERT INTO t(writer) VALUES ('jvm')");
            assertEquals(2, count(jvm, "SELECT count(*) FROM t"));
            assertEquals("2", shell.exec("SELECT count(*) FROM t;"));
        }
        assertSameOnBothSides(db);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void jvmImmediateTransactionMakesNativeWriterWaitThenBusy(String mode) throws Exception {
        Path db = create(mode);
        try (Database jvm = Database.open(db.toString())) {
            jvm.exec("BEGIN IMMEDIATE");
            jvm.exec("INSERT INTO t(writer) VALUES ('jvm')");
            long start = System.nanoTime();
            NativeSqlite.Result r = NativeSqlite.run(db, ".timeout 700\nINSERT INTO t(writer) VALUES ('native');");
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertNotEquals(0, r.exitCode, r.toString());
            assertTrue(r.err.contains("database is locked"), r.toString());
            assertTrue(waitedMs >= 600, "native waited only " + waitedMs + " ms");
            // The native reader does not see the uncommitted row.
            assertEquals("0", NativeSqlite.run(db, ".timeout 2000\nSELECT count(*) FROM t;").out);
            jvm.exec("COMMIT");
            NativeSqlite.Result ok = NativeSqlite.run(db, ".timeout 2000\nINSERT INTO t(writer) VALUES ('native');"
                    + "SELECT count(*) FROM t;");
            assertEquals("2", ok.out, ok.toString());
        }
        assertSameOnBothSides(db);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void exclusiveLockOfJvmKeepsNativeReadersOut(String mode) throws Exception {
        Path db = create(mode);
        try (Database jvm = Database.open(db.toString())) {
            jvm.exec("INSERT INTO t(writer) VALUES ('jvm')");
            jvm.exec("BEGIN EXCLUSIVE");
            NativeSqlite.Result r = NativeSqlite.run(db, ".timeout 300\nSELECT count(*) FROM t;");
            if (mode.equals("DELETE")) {
                assertTrue(r.err.contains("database is locked"), r.toString());
            } else {
                // In WAL mode EXCLUSIVE does not stop readers: they read the last commit.
                assertEquals("1", r.out, r.toString());
            }
            jvm.exec("COMMIT");
        }
    }

    /** Both implementations read the same rows and find the file sound. */
    static void assertSameOnBothSides(Path db) throws Exception {
        NativeSqlite.Result nat = NativeSqlite.run(db, ".timeout 5000\nPRAGMA integrity_check;"
                + "SELECT count(*), total(length(payload)), group_concat(id || writer, ',') FROM t;");
        assertEquals(0, nat.exitCode, nat.toString());
        String[] lines = nat.out.split("\n", 2);
        assertEquals("ok", lines[0]);
        try (Database jvm = Database.open(db.toString())) {
            jvm.busyTimeout(5000);
            assertEquals("ok", text(jvm, "PRAGMA integrity_check"));
            try (Statement st = jvm.prepare(
                    "SELECT count(*), total(length(payload)), group_concat(id || writer, ',') FROM t")) {
                assertTrue(st.step());
                String mine = st.columnText(0) + "|" + st.columnText(1) + "|" + st.columnText(2);
                assertEquals(lines[1], mine);
            }
        }
    }
}
