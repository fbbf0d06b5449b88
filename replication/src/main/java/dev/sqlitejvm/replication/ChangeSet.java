package dev.sqlitejvm.replication;

import java.util.List;

/**
 * One committed write transaction of a primary database, as whole pages: what a replica at
 * checksum {@link #checksumBefore} writes to reach {@link #checksumAfter}.
 *
 * <p>A snapshot is a change set with {@link #isSnapshot()} set: every page of the database,
 * {@link #checksumBefore} 0 (the empty database) and {@link #txid} the position it captures.
 *
 * @param txid           transaction id, monotonic per database, starting at 1
 * @param pageSize       bytes per page
 * @param databaseSize   database size in pages after the commit
 * @param pages          the changed pages, ascending page numbers, no lock page
 * @param checksumBefore database checksum ({@link Checksums}) before the transaction
 * @param checksumAfter  database checksum after it
 * @param timestampMillis when the commit was captured (epoch milliseconds)
 */
public record ChangeSet(int flags, long txid, int pageSize, int databaseSize, List<Page> pages,
                        long checksumBefore, long checksumAfter, long timestampMillis) {
    public static final int FLAG_SNAPSHOT = 1;

    /** One page: its number (1-based) and {@code pageSize} bytes. */
    public record Page(int number, byte[] data) {
    }

    public ChangeSet {
        pages = List.copyOf(pages);
    }

    public boolean isSnapshot() {
        return (flags & FLAG_SNAPSHOT) != 0;
    }

    public Position positionAfter() {
        return new Position(txid, checksumAfter);
    }

    @Override
    public String toString() {
        return (isSnapshot() ? "snapshot " : "change set ") + txid + " (" + pages.size() + " pages of " + pageSize
                + ", database " + databaseSize + " pages, " + String.format("%016x -> %016x", checksumBefore, checksumAfter) + ")";
    }
}
