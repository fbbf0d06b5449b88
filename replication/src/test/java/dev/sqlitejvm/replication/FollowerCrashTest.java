package dev.sqlitejvm.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.Statement;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower in a child JVM is killed with SIGKILL at random points of the stream while it applies change sets.
 * After each kill the replica opens at a position of the stream whose checksum its content has (or
 * is recognised as one transaction ahead of its position file), and the next child continues; at
 * the end the replica equals the primary.
 */
class FollowerCrashTest {
    @TempDir
    Path dir;

    @Test
    void followerKilledMidApplyRecoversAndContinues() throws Exception {
        int kills = Integer.getInteger("repl.kills", 6);
        int workload = 300;
        Random random = new Random(Long.getLong("repl.seed", 77L));
        Path ship = dir.resolve("ship");
        List<ChangeSet> log = new ArrayList<>();
        Map<String, String> expected;
        try (ChangeCapture capture = ChangeCapture.attach(dir.resolve("primary.db"))) {
            DirectoryTransport.Publisher publisher = new DirectoryTransport.Publisher(ship, false);
            publisher.publish(capture.snapshot());
            capture.addListener(publisher);
            capture.addListener(log::add);
            try (Database p = capture.open()) {
                p.exec("PRAGMA synchronous=OFF; CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB, n INTEGER)");
                try (Statement insert = p.prepare("INSERT INTO t(v, n) VALUES (?1, ?2)")) {
                    for (int i = 1; i < workload; i++) {
                        if (i % 10 == 0) {
                            p.exec("UPDATE t SET n = n + 1 WHERE id % 7 = " + (i % 7) + "; DELETE FROM t WHERE id = " + (i / 2));
                            continue;
                        }
                        byte[] blob = new byte[4000 + random.nextInt(40000)];
                        random.nextBytes(blob);
                        insert.reset();
                        insert.bindBlob(1, blob);
                        insert.bindLong(2, i);
                        insert.step();
                    }
                }
                expected = TestDatabases.contents(p);
            }
        }
        int transactions = log.size(); // some workload steps are two transactions
        assertTrue(transactions >= workload);

        Path replicaPath = dir.resolve("replica.db");
        List<String> history = new ArrayList<>();
        long previous = -1;
        int ahead = 0;
        for (int k = 0; k < kills; k++) {
            Process child = start(ship, replicaPath, transactions);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertNotNull(ready, "child did not start");
            assertTrue(ready.startsWith("ready "), ready);
            // Kill once the child passes a random point in the next slice of the stream: the kill
            // then lands while it applies (or fsyncs) a following transaction, on any machine speed.
            long from = Math.max(previous, 0);
            long slice = Math.max(1, (transactions - 1 - from) / (kills - k + 1));
            long killAt = from + 1 + random.nextInt((int) slice);
            String line;
            while ((line = out.readLine()) != null && line.startsWith("at ") && Long.parseLong(line.substring(3)) < killAt) {
                // progress
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            try (Replica replica = Replica.open(replicaPath, true)) {
                Position at = replica.position();
                if (at == null) {
                    history.add("empty");
                    continue;
                }
                long txid = at.txid();
                assertTrue(txid >= previous, "position went back: " + txid + " < " + previous);
                previous = txid;
                Position stream = txid == 0 ? new Position(0, log.get(0).checksumBefore()) : log.get((int) txid - 1).positionAfter();
                assertEquals(stream, at, "the position file is a position of the stream");
                long actual;
                try (Database r = replica.openReader()) {
                    actual = Pages.checksumOf(r);
                    assertEquals("ok", TestDatabases.integrity(r));
                }
                if (replica.recoveredAhead()) {
                    ahead++;
                    assertEquals(log.get((int) txid).checksumAfter(), actual, "one transaction ahead of its position file");
                } else {
                    assertEquals(at.checksum(), actual, "content matches the position");
                }
                history.add(txid + (replica.recoveredAhead() ? "+1" : ""));
            }
        }
        Process child = start(ship, replicaPath, transactions);
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("done ")) {
            // ready, progress
        }
        assertEquals("done " + transactions, line);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue());
        try (Replica replica = Replica.open(replicaPath, true)) {
            assertEquals(log.get(transactions - 1).positionAfter(), replica.position());
            try (Database r = replica.openReader()) {
                assertEquals("ok", TestDatabases.integrity(r));
                assertEquals(expected, TestDatabases.contents(r));
            }
        }
        System.out.printf("follower crash: %d SIGKILLs, positions after each kill %s, %d recovered one ahead of the position file%n",
                kills, history, ahead);
        assertTrue(previous > 0 && previous < transactions, "kills landed mid-stream: last position " + previous);
    }

    private static Process start(Path ship, Path replica, int target) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FollowerChild.class.getName(), ship.toString(), replica.toString(), Integer.toString(target))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
