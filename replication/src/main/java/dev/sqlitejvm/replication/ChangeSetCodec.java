package dev.sqlitejvm.replication;

import dev.sqlitejvm.replication.ReplicationException.Kind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link ChangeSet}, version 1 (big-endian; described in the module README):
 * <pre>
 * header  64 bytes: magic "SJCS", version u16, flags u16, page size u32, database size u32,
 *                   txid u64, checksum before u64, checksum after u64, timestamp u64,
 *                   page count u32, reserved u32 (0), CRC-64 of bytes 0..55
 * pages   page count x (page number u32, page size bytes), page numbers strictly ascending
 * trailer 16 bytes: CRC-64 of everything before it, magic "SJCE", reserved u32 (0)
 * </pre>
 */
public final class ChangeSetCodec {
    public static final int MAGIC = 0x534A4353; // "SJCS"
    public static final int TRAILER_MAGIC = 0x534A4345; // "SJCE"
    public static final int VERSION = 1;
    public static final int HEADER_SIZE = 64;
    public static final int TRAILER_SIZE = 16;

    private ChangeSetCodec() {
    }

    public static long encodedSize(ChangeSet cs) {
        return HEADER_SIZE + (long) cs.pages().size() * (4 + cs.pageSize()) + TRAILER_SIZE;
    }

    public static byte[] encode(ChangeSet cs) {
        long size = encodedSize(cs);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("change set too large to encode in one array: " + size + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        b.putInt(MAGIC).putShort((short) VERSION).putShort((short) cs.flags()).putInt(cs.pageSize())
                .putInt(cs.databaseSize()).putLong(cs.txid()).putLong(cs.checksumBefore()).putLong(cs.checksumAfter())
                .putLong(cs.timestampMillis()).putInt(cs.pages().size()).putInt(0);
        b.putLong(Crc64.update(0, b.array(), 0, 56));
        int previous = 0;
        for (ChangeSet.Page page : cs.pages()) {
            if (page.number() <= previous || page.data().length != cs.pageSize()) {
                throw new IllegalArgumentException("pages must be ascending and " + cs.pageSize() + " bytes: page " + page.number());
            }
            previous = page.number();
            b.putInt(page.number()).put(page.data());
        }
        int body = b.position();
        b.putLong(Crc64.update(0, b.array(), 0, body)).putInt(TRAILER_MAGIC).putInt(0);
        return b.array();
    }

    public static ChangeSet decode(byte[] bytes) throws ReplicationException {
        if (bytes.length < HEADER_SIZE + TRAILER_SIZE) {
            throw corrupt("truncated: " + bytes.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int magic = b.getInt();
        if (magic != MAGIC) {
            throw corrupt(String.format("bad magic %08x", magic));
        }
        int version = b.getShort() & 0xffff;
        if (version != VERSION) {
            throw corrupt("unsupported format version " + version);
        }
        if (b.getLong(56) != Crc64.update(0, bytes, 0, 56)) {
            throw corrupt("header checksum mismatch");
        }
        int flags = b.getShort() & 0xffff;
        int pageSize = b.getInt();
        int dbSize = b.getInt();
        long txid = b.getLong();
        long before = b.getLong();
        long after = b.getLong();
        long timestamp = b.getLong();
        int count = b.getInt();
        if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
            throw corrupt("bad page size " + pageSize);
        }
        long expected = HEADER_SIZE + (long) count * (4 + pageSize) + TRAILER_SIZE;
        if (count < 0 || expected != bytes.length) {
            throw corrupt("length " + bytes.length + " does not match " + count + " pages of " + pageSize + " (expected " + expected + ")");
        }
        int body = bytes.length - TRAILER_SIZE;
        if (b.getLong(body) != Crc64.update(0, bytes, 0, body) || b.getInt(body + 8) != TRAILER_MAGIC || b.getInt(body + 12) != 0) {
            throw corrupt("checksum mismatch (bytes damaged)");
        }
        b.position(HEADER_SIZE);
        List<ChangeSet.Page> pages = new ArrayList<>(count);
        int previous = 0;
        int lock = Checksums.lockPage(pageSize);
        for (int i = 0; i < count; i++) {
            int number = b.getInt();
            if (number <= previous || number > dbSize || number == lock) {
                throw corrupt("bad page number " + number + " after " + previous + " (database size " + dbSize + ")");
            }
            previous = number;
            byte[] data = new byte[pageSize];
            b.get(data);
            pages.add(new ChangeSet.Page(number, data));
        }
        ChangeSet cs = new ChangeSet(flags, txid, pageSize, dbSize, pages, before, after, timestamp);
        if (cs.isSnapshot()) {
            Checksums.PageMap map = new Checksums.PageMap(pageSize);
            map.resize(dbSize);
            for (ChangeSet.Page page : pages) {
                map.set(page.number(), page.data());
            }
            if (before != 0 || map.checksum() != after) {
                throw corrupt("snapshot pages do not give its checksum");
            }
        }
        return cs;
    }

    private static ReplicationException corrupt(String message) {
        return new ReplicationException(Kind.CORRUPT, "change set " + message);
    }
}
