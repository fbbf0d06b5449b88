package dev.sqlitejvm.replication;

/** Where a database is in its change stream: the last transaction applied and the checksum after it. */
public record Position(long txid, long checksum) {
    @Override
    public String toString() {
        return "txid " + txid + " checksum " + String.format("%016x", checksum);
    }
}
