package dev.sqlitejvm.jdbc;

/** A parameter value: a BLOB of {@code length} zero bytes, made by SQLite without a Java array. */
final class ZeroBlob {
    final long length;

    ZeroBlob(long length) {
        this.length = length;
    }
}
