package dev.sqlitejvm.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangeSetCodecTest {
    @Test
    void crc64IsCrc64Xz() {
        assertEquals(0x995DC9BBDF1939FAL, Crc64.of("123456789".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0L, Crc64.of(new byte[0]));
    }

    private static ChangeSet sample(Random random, int pageCount) {
        List<ChangeSet.Page> pages = new ArrayList<>();
        for (int i = 0; i < pageCount; i++) {
            byte[] data = new byte[1024];
            random.nextBytes(data);
            pages.add(new ChangeSet.Page(1 + i * 3, data));
        }
        return new ChangeSet(0, 42, 1024, 3 * pageCount, pages, random.nextLong(), random.nextLong(), 1_700_000_000_000L);
    }

    @Test
    void roundTrip() throws Exception {
        ChangeSet cs = sample(new Random(1), 5);
        byte[] bytes = ChangeSetCodec.encode(cs);
        assertEquals(64 + 5 * (4 + 1024) + 16, bytes.length);
        ChangeSet back = ChangeSetCodec.decode(bytes);
        assertEquals(cs.txid(), back.txid());
        assertEquals(cs.pageSize(), back.pageSize());
        assertEquals(cs.databaseSize(), back.databaseSize());
        assertEquals(cs.checksumBefore(), back.checksumBefore());
        assertEquals(cs.checksumAfter(), back.checksumAfter());
        assertEquals(cs.timestampMillis(), back.timestampMillis());
        for (int i = 0; i < 5; i++) {
            assertEquals(cs.pages().get(i).number(), back.pages().get(i).number());
            assertArrayEquals(cs.pages().get(i).data(), back.pages().get(i).data());
        }
        assertArrayEquals(bytes, ChangeSetCodec.encode(back), "stable encoding");
    }

    @Test
    void everySingleByteFlipAndTruncationIsDetected() {
        byte[] bytes = ChangeSetCodec.encode(sample(new Random(2), 2));
        for (int i = 0; i < bytes.length; i++) {
            byte[] damaged = bytes.clone();
            damaged[i] ^= (byte) (1 << (i % 8));
            ReplicationException e = assertThrows(ReplicationException.class, () -> ChangeSetCodec.decode(damaged), "flip at " + i);
            assertEquals(ReplicationException.Kind.CORRUPT, e.kind());
        }
        for (int length : new int[] {0, 10, 63, 64, bytes.length - 1, bytes.length - 16}) {
            assertThrows(ReplicationException.class, () -> ChangeSetCodec.decode(Arrays.copyOf(bytes, length)));
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(ReplicationException.class, () -> ChangeSetCodec.decode(longer));
    }

    @Test
    void snapshotMustMatchItsChecksum() throws Exception {
        Random random = new Random(3);
        List<ChangeSet.Page> pages = new ArrayList<>();
        Checksums.PageMap map = new Checksums.PageMap(512);
        map.resize(3);
        for (int n = 1; n <= 3; n++) {
            byte[] data = new byte[512];
            random.nextBytes(data);
            pages.add(new ChangeSet.Page(n, data));
            map.set(n, data);
        }
        ChangeSet good = new ChangeSet(ChangeSet.FLAG_SNAPSHOT, 7, 512, 3, pages, 0, map.checksum(), 0);
        assertEquals(map.checksum(), ChangeSetCodec.decode(ChangeSetCodec.encode(good)).checksumAfter());
        ChangeSet bad = new ChangeSet(ChangeSet.FLAG_SNAPSHOT, 7, 512, 3, pages, 0, map.checksum() ^ 1, 0);
        assertThrows(ReplicationException.class, () -> ChangeSetCodec.decode(ChangeSetCodec.encode(bad)));
    }

    @Test
    void checksumIsIncremental() {
        Random random = new Random(4);
        Checksums.PageMap map = new Checksums.PageMap(512);
        map.resize(10);
        byte[][] content = new byte[11][512];
        for (int step = 0; step < 200; step++) {
            int n = 1 + random.nextInt(10);
            random.nextBytes(content[n]);
            map.set(n, content[n]);
        }
        long full = 0;
        for (int n = 1; n <= 10; n++) {
            full ^= Checksums.page(n, content[n]);
        }
        assertEquals(full, map.checksum());
        map.resize(4);
        long shrunk = 0;
        for (int n = 1; n <= 4; n++) {
            shrunk ^= Checksums.page(n, content[n]);
        }
        assertEquals(shrunk, map.checksum());
    }
}
