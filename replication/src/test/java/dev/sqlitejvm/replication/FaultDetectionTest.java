package dev.sqlitejvm.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlitejvm.replication.ReplicationException.Kind;
import dev.sqlitejvm.runtime.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrupted, missing or reordered change set is detected and reported, and nothing past it is applied. */
class FaultDetectionTest {
    @TempDir
    Path dir;
    private final List<ChangeSet> log = new ArrayList<>();
    private ChangeSet snapshot;

    @BeforeEach
    void primary() throws Exception {
        try (ChangeCapture capture = ChangeCapture.attach(dir.resolve("primary.db"))) {
            snapshot = capture.snapshot();
            capture.addListener(log::add);
            try (Database p = capture.open()) {
                p.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
                for (int i = 0; i < 9; i++) {
                    p.exec("INSERT INTO t(v) VALUES (printf('%.*c', 3000, 'x'))");
                }
            }
        }
        assertEquals(10, log.size());
    }

    private Path ship(String name) throws Exception {
        Path ship = dir.resolve(name);
        DirectoryTransport.Publisher publisher = new DirectoryTransport.Publisher(ship, false);
        publisher.publish(snapshot);
        for (ChangeSet cs : log) {
            publisher.publish(cs);
        }
        return ship;
    }

    private DirectoryTransport.Follower follower(Path ship, String name) throws Exception {
        return new DirectoryTransport.Follower(ship, Replica.open(dir.resolve(name), false));
    }

    @Test
    void missingChangeSetIsAGapAndApplyingResumesWhenItArrives() throws Exception {
        Path ship = ship("missing");
        Path five = DirectoryTransport.changeSetFile(ship, 5);
        Path aside = dir.resolve("five");
        Files.move(five, aside);
        try (DirectoryTransport.Follower f = follower(ship, "r.db")) {
            ReplicationException e = assertThrows(ReplicationException.class, f::poll);
            assertEquals(Kind.GAP, e.kind());
            assertTrue(e.getMessage().contains("change set 5 is missing"), e.getMessage());
            assertEquals(4, f.replica().position().txid());
            Files.move(aside, five);
            assertEquals(6, f.poll());
            assertEquals(log.get(9).positionAfter(), f.replica().position());
        }
    }

    @Test
    void corruptedChangeSetStopsTheFollower() throws Exception {
        Path ship = ship("corrupt");
        Path seven = DirectoryTransport.changeSetFile(ship, 7);
        byte[] bytes = Files.readAllBytes(seven);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(seven, bytes);
        try (DirectoryTransport.Follower f = follower(ship, "r.db")) {
            ReplicationException e = assertThrows(ReplicationException.class, f::poll);
            assertEquals(Kind.CORRUPT, e.kind());
            assertTrue(e.getMessage().contains(seven.getFileName().toString()), e.getMessage());
            assertEquals(log.get(5).positionAfter(), f.replica().position(), "nothing applied past 6");
            assertThrows(ReplicationException.class, f::poll, "still refused");
            assertEquals(6, f.replica().position().txid());
            try (Database r = f.replica().openReader()) {
                assertEquals(5, Pages.queryLong(r, "SELECT count(*) FROM t"));
                assertEquals("ok", TestDatabases.integrity(r));
            }
        }
    }

    @Test
    void reorderedChangeSetsAreRefused() throws Exception {
        Path ship = ship("reordered");
        Path three = DirectoryTransport.changeSetFile(ship, 3);
        Path four = DirectoryTransport.changeSetFile(ship, 4);
        byte[] a = Files.readAllBytes(three);
        Files.write(three, Files.readAllBytes(four));
        Files.write(four, a);
        try (DirectoryTransport.Follower f = follower(ship, "r.db")) {
            ReplicationException e = assertThrows(ReplicationException.class, f::poll);
            assertEquals(Kind.CORRUPT, e.kind());
            assertTrue(e.getMessage().contains("should hold change set 3"), e.getMessage());
            assertEquals(2, f.replica().position().txid());
        }
    }

    @Test
    void replicaRefusesReplaysGapsWrongBasesAndTamperedPages() throws Exception {
        try (Replica r = Replica.open(dir.resolve("direct.db"), false)) {
            assertEquals(Kind.NOT_BOOTSTRAPPED, assertThrows(ReplicationException.class, () -> r.apply(log.get(0))).kind());
            r.bootstrap(snapshot);
            for (int i = 0; i < 3; i++) {
                r.apply(log.get(i));
            }
            Position at = r.position();
            assertEquals(Kind.REPLAY, assertThrows(ReplicationException.class, () -> r.apply(log.get(2))).kind());
            assertEquals(Kind.GAP, assertThrows(ReplicationException.class, () -> r.apply(log.get(4))).kind());
            ChangeSet next = log.get(3);
            ChangeSet wrongBase = new ChangeSet(0, next.txid(), next.pageSize(), next.databaseSize(), next.pages(),
                    next.checksumBefore() ^ 1, next.checksumAfter(), next.timestampMillis());
            assertEquals(Kind.CHECKSUM_MISMATCH, assertThrows(ReplicationException.class, () -> r.apply(wrongBase)).kind());
            // Validly encoded but with a page changed: the pages do not give the checksum after.
            List<ChangeSet.Page> pages = new ArrayList<>(next.pages());
            byte[] data = pages.get(pages.size() - 1).data().clone();
            data[100] ^= 1;
            pages.set(pages.size() - 1, new ChangeSet.Page(pages.get(pages.size() - 1).number(), data));
            ChangeSet tampered = ChangeSetCodec.decode(ChangeSetCodec.encode(new ChangeSet(0, next.txid(), next.pageSize(),
                    next.databaseSize(), pages, next.checksumBefore(), next.checksumAfter(), next.timestampMillis())));
            assertEquals(Kind.CORRUPT, assertThrows(ReplicationException.class, () -> r.apply(tampered)).kind());
            assertEquals(at, r.position(), "nothing applied");
            r.apply(next);
            assertEquals(next.positionAfter(), r.position());
        }
    }
}
