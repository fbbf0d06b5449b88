package dev.sqlitejvm.replication;

/** A change set or snapshot that cannot be applied, or a replica that cannot go on. Nothing was applied past it. */
public final class ReplicationException extends Exception {
    /** What went wrong. */
    public enum Kind {
        /** The bytes are not a valid change set (checksum, length, magic, version or content). */
        CORRUPT,
        /** A change set is missing: the next one available is further ahead. */
        GAP,
        /** The change set was already applied. */
        REPLAY,
        /** The change set starts from another database state than the replica's. */
        CHECKSUM_MISMATCH,
        /** The replica's content does not match the position it should have. */
        DIVERGED,
        /** The replica has no database yet: bootstrap it from a snapshot. */
        NOT_BOOTSTRAPPED,
        /** The capture cannot follow the primary any longer. */
        CAPTURE,
        /** I/O or SQLite failed. */
        IO
    }

    private final Kind kind;

    public ReplicationException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    public ReplicationException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
