package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A child JVM writing transactions with {@code synchronous=FULL} is killed with SIGKILL at a random
 * moment, again and again on one database: every transaction it reported committed must be there,
 * none may be there in part, and the file must pass {@code integrity_check} (for this JVM and for
 * native {@code sqlite3}). The next child recovers the file (hot journal rollback, WAL recovery).
 *
 * <p>Kills per journal mode: {@code -Dcrash.kills=N} (default 25, so 50 in a normal run; the
 * {@code soak} profile raises it).
 */
class CrashSafetyTest {
    private static final int KILLS = Integer.getInteger("crash.kills", 25);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void killedWritersLoseNoCommittedTransaction(String mode) throws Exception {
        Path db = dir.resolve("crash-" + mode + ".db");
        try (Database setup = Database.open(db.toString())) {
            setup.exec("PRAGMA journal_mode=" + mode + ";"
                    + "CREATE TABLE a(id INTEGER PRIMARY KEY, payload BLOB);"
                    + "CREATE TABLE b(id INTEGER PRIMARY KEY, checksum INTEGER);"
                    + "CREATE TABLE counter(n INTEGER); INSERT INTO counter VALUES (0);");
        }
        Random random = new Random(42);
        long reportedTotal = 0;
        long lastReported = 0;
        int killedMidTransaction = 0;
        int hotJournals = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(javaBinary(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), db.toString(), mode)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertTrue(ready != null && ready.startsWith("ready "), "child did not start: " + ready);
            assertEquals(lastReported + 1, Long.parseLong(ready.substring(6)),
                    "the child sees every committed transaction of the previous one");
            int commitsBeforeKill = 1 + random.nextInt(15);
            long committed = lastReported;
            for (int i = 0; i < commitsBeforeKill; i++) {
                String line = out.readLine();
                assertTrue(line != null && line.startsWith("committed "), "child stopped: " + line);
                committed = Long.parseLong(line.substring(10));
            }
            // A short random pause lands the kill anywhere in the next transaction.
            if (random.nextBoolean()) {
                Thread.sleep(random.nextInt(8));
            }
            // SIGKILL through the process handle: Process.destroyForcibly would also close our end of
            // its stdout, and we still need the reports written just before the kill.
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            // Commits reported between our last read and the kill count too.
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("committed ")) {
                    committed = Long.parseLong(line.substring(10));
                }
            }
            killedMidTransaction += child.exitValue() == 137 ? 1 : 0;
            Path journal = Path.of(db + "-journal");
            if (java.nio.file.Files.exists(journal) && java.nio.file.Files.size(journal) > 0) {
                hotJournals++; // killed inside a transaction: the next open must roll it back
            }
            reportedTotal += committed - lastReported;
            lastReported = verify(db, committed);
        }
        System.out.printf("%s: %d kills, %d transactions reported and found, %d hot journals rolled back%n",
                mode, KILLS, reportedTotal, hotJournals);
        if (mode.equals("DELETE") && KILLS >= 10) {
            assertTrue(hotJournals > 0, "no kill landed inside a transaction");
        }
        assertEquals(KILLS, killedMidTransaction, "every child was killed by SIGKILL");
        NativeSqlite.Result r = NativeSqlite.available()
                ? NativeSqlite.run(db, "PRAGMA integrity_check; SELECT count(*) = (SELECT n FROM counter) FROM a;")
                : null;
        if (r != null) {
            assertEquals("ok\n1", r.out, r.toString());
        }
    }

    /** Checks the file after a kill; returns the number of transactions in it. */
    private static long verify(Path db, long reported) throws SqliteException {
        try (Database check = Database.open(db.toString())) {
            check.busyTimeout(10_000);
            long rows = NativeInteropTest.count(check, "SELECT count(*) FROM a");
            long maxId = NativeInteropTest.count(check, "SELECT coalesce(max(id), 0) FROM a");
            assertEquals(rows, maxId, "ids are dense");
            assertTrue(rows >= reported, "reported " + reported + " committed, found " + rows);
            // The kill may come after COMMIT and before the report: at most one unreported transaction.
            assertTrue(rows <= reported + 1, "found " + rows + " > " + reported + " + 1");
            assertEquals(rows, NativeInteropTest.count(check, "SELECT count(*) FROM b"));
            assertEquals(rows, NativeInteropTest.count(check, "SELECT n FROM counter"));
            assertEquals(0, NativeInteropTest.count(check,
                    "SELECT count(*) FROM a JOIN b USING (id) WHERE length(a.payload) != b.checksum"));
            assertEquals("ok", NativeInteropTest.text(check, "PRAGMA integrity_check"));
            return rows;
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
