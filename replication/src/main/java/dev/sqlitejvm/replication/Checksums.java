package dev.sqlitejvm.replication;

/**
 * The database checksum: the XOR, over every page of the database except the lock page, of
 * {@link #page}: CRC-64/XZ of the 4-byte big-endian page number followed by the page's bytes.
 * An empty database has checksum 0. Because it is an XOR, it is updated per page:
 * {@code after = before ^ page(n, old) ^ page(n, new)}.
 *
 * <p>Page 1's bytes 24..27 (file change counter) and 92..99 (version-valid-for, SQLite version)
 * count as zeros. In WAL mode SQLite rewrites them at each commit that writes page 1, from state
 * private to the committing connection (the counter it last read, plus one), so a replica that
 * commits the same page through SQLite cannot reproduce them; they carry no database content.
 */
public final class Checksums {
    private Checksums() {
    }

    public static long page(int pageNumber, byte[] data) {
        if (pageNumber == 1 && data.length >= 100) {
            data = data.clone();
            java.util.Arrays.fill(data, 24, 28, (byte) 0);
            java.util.Arrays.fill(data, 92, 100, (byte) 0);
        }
        byte[] number = {(byte) (pageNumber >>> 24), (byte) (pageNumber >>> 16), (byte) (pageNumber >>> 8), (byte) pageNumber};
        return Crc64.update(Crc64.update(0, number, 0, 4), data, 0, data.length);
    }

    /** The page that holds the unix lock bytes (offset 1 GiB): never written by SQLite, never replicated. */
    public static int lockPage(int pageSize) {
        return (int) (0x40000000L / pageSize) + 1;
    }

    /**
     * Per-page checksums of one database, kept as the pages change. Index = page number.
     */
    static final class PageMap {
        private long[] sums = new long[16];
        private int size;
        private long checksum;
        final int pageSize;

        PageMap(int pageSize) {
            this.pageSize = pageSize;
        }

        PageMap copy() {
            PageMap c = new PageMap(pageSize);
            c.sums = sums.clone();
            c.size = size;
            c.checksum = checksum;
            return c;
        }

        int size() {
            return size;
        }

        long checksum() {
            return checksum;
        }

        /** Sets page {@code n} (1-based); grows the database to {@code n} if needed (new pages count as zero pages). */
        void set(int n, byte[] data) {
            if (n == lockPage(pageSize)) {
                return;
            }
            grow(n);
            long s = page(n, data);
            checksum ^= sums[n] ^ s;
            sums[n] = s;
        }

        /** Grows or shrinks to {@code pages}; pages added are zero pages. */
        void resize(int pages) {
            if (pages > size) {
                grow(pages);
            } else {
                int lock = lockPage(pageSize);
                for (int n = pages + 1; n <= size; n++) {
                    if (n != lock) {
                        checksum ^= sums[n];
                    }
                    sums[n] = 0;
                }
                size = pages;
            }
        }

        private void grow(int n) {
            if (n <= size) {
                return;
            }
            if (n >= sums.length) {
                sums = java.util.Arrays.copyOf(sums, Math.max(n + 1, sums.length * 2));
            }
            byte[] zero = null;
            int lock = lockPage(pageSize);
            for (int p = size + 1; p <= n; p++) {
                if (p == lock) {
                    continue;
                }
                if (zero == null) {
                    zero = new byte[pageSize];
                }
                long s = page(p, zero);
                sums[p] = s;
                checksum ^= s;
            }
            size = n;
        }
    }
}
