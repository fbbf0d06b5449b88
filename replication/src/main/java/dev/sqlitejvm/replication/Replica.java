package dev.sqlitejvm.replication;

import dev.sqlitejvm.replication.ReplicationException.Kind;
import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A replica database that change sets are applied to, in order.
 *
 * <p>The replica is an ordinary SQLite database in WAL mode. Each change set is applied by SQLite
 * itself, in one write transaction that writes the pages through {@code sqlite_dbpage} (and
 * truncates when the database shrank). So other connections can read the replica while it is
 * applied and see whole transactions only, and a crash mid-apply is rolled back by SQLite's own
 * recovery. Before writing, the change set is checked against the replica's position (no gap, no
 * replay, same checksum before) and its pages against its checksum after; after committing, the
 * written pages are read back and the replica's checksum must equal the change set's.
 *
 * <p>The position is kept in {@code <database>-replpos} (written after each commit into one of two
 * checksummed slots, alternately, so a torn write leaves the previous position). If a crash
 * falls between a commit and that write, the replica is one transaction ahead of the file; opening
 * finds it by the checksum (a full scan), and the next change set, which is the one already applied,
 * is recognised by its checksum after and skipped.
 */
public final class Replica implements AutoCloseable {
    private static final int POSITION_MAGIC = 0x534A5250; // "SJRP"

    private final Path path;
    private final Path positionFile;
    private final boolean durable;
    private Database db;
    private Checksums.PageMap pages;
    private Position position;
    /** The replica's content is one transaction ahead of {@link #position} (crash before the position write). */
    private boolean aheadByOne;
    private ReplicationException failed;
    private RandomAccessFile positionOut;

    private Replica(Path path, boolean durable) {
        this.path = path;
        this.positionFile = Path.of(path + "-replpos");
        this.durable = durable;
    }

    /** Opens a replica (or an empty one, to bootstrap, when the file does not exist) with synchronous=FULL. */
    public static Replica open(Path path) throws ReplicationException {
        return open(path, true);
    }

    /**
     * Opens a replica; {@code durable} false uses synchronous=NORMAL (faster; after a power cut the
     * replica may have to be bootstrapped again).
     */
    public static Replica open(Path path, boolean durable) throws ReplicationException {
        Replica replica = new Replica(path, durable);
        if (Files.exists(path)) {
            replica.load();
        } else {
            try {
                Files.deleteIfExists(replica.positionFile); // from a bootstrap that did not finish
            } catch (IOException e) {
                throw new ReplicationException(Kind.IO, "cannot remove " + replica.positionFile + ": " + e, e);
            }
        }
        return replica;
    }

    public Path path() {
        return path;
    }

    public synchronized boolean isEmpty() {
        return position == null;
    }

    /** The last change set applied and the checksum after it, or {@code null} before bootstrap. */
    public synchronized Position position() {
        return position;
    }

    /** Whether {@link #open} found the database one transaction past its position file (crash between commit and position write). */
    public synchronized boolean recoveredAhead() {
        return aheadByOne;
    }

    /**
     * Makes an empty replica a copy of {@code snapshot}: the pages are written to a new file, which
     * replaces the (absent) database only when complete.
     */
    public synchronized void bootstrap(ChangeSet snapshot) throws ReplicationException {
        if (!snapshot.isSnapshot()) {
            throw new ReplicationException(Kind.NOT_BOOTSTRAPPED, "bootstrap needs a snapshot, not " + snapshot);
        }
        if (position != null || Files.exists(path)) {
            throw new ReplicationException(Kind.REPLAY, path + " is not empty: a snapshot only bootstraps an empty replica");
        }
        Path temporary = Path.of(path + ".bootstrap");
        try (RandomAccessFile file = new RandomAccessFile(temporary.toFile(), "rw")) {
            file.setLength(0);
            int pageSize = snapshot.pageSize();
            for (ChangeSet.Page page : snapshot.pages()) {
                file.seek((long) (page.number() - 1) * pageSize);
                file.write(page.data());
            }
            file.setLength((long) snapshot.databaseSize() * pageSize);
            file.getFD().sync();
        } catch (IOException e) {
            throw new ReplicationException(Kind.IO, "cannot write " + temporary + ": " + e, e);
        }
        // The position first: without the database file it is ignored (see open), with it it is right.
        try {
            Files.deleteIfExists(positionFile);
        } catch (IOException e) {
            throw new ReplicationException(Kind.IO, "cannot remove " + positionFile + ": " + e, e);
        }
        writePosition(snapshot.positionAfter());
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ReplicationException(Kind.IO, "cannot rename " + temporary + ": " + e, e);
        }
        load();
        if (position.checksum() != snapshot.checksumAfter() || aheadByOne) {
            throw new ReplicationException(Kind.DIVERGED, "bootstrapped replica " + path + " does not match " + snapshot);
        }
    }

    private void load() throws ReplicationException {
        try {
            db = Database.open(path.toString());
            db.busyTimeout(10_000);
            String mode = Pages.queryText(db, "PRAGMA journal_mode=WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new ReplicationException(Kind.IO, "replica " + path + " cannot use WAL mode: " + mode);
            }
            db.exec(durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
            db.exec("BEGIN");
            try {
                pages = Pages.scan(db);
            } finally {
                db.exec("COMMIT");
            }
        } catch (SqliteException e) {
            closeQuietly();
            throw new ReplicationException(Kind.IO, "cannot open replica " + path + ": " + e.getMessage(), e);
        } catch (ReplicationException e) {
            closeQuietly();
            throw e;
        }
        Position stored = readPosition();
        if (stored == null) {
            closeQuietly();
            throw new ReplicationException(Kind.DIVERGED, "replica " + path + " has no position file " + positionFile);
        }
        position = stored;
        aheadByOne = stored.checksum() != pages.checksum();
    }

    /**
     * Applies the next change set. Refuses (and applies nothing) on a gap, a replay, a checksum that
     * does not follow, or pages that do not give the change set's checksum.
     */
    public synchronized void apply(ChangeSet cs) throws ReplicationException {
        if (failed != null) {
            throw new ReplicationException(failed.kind(), "replica stopped earlier: " + failed.getMessage(), failed);
        }
        if (position == null) {
            throw new ReplicationException(Kind.NOT_BOOTSTRAPPED, "replica " + path + " is empty: bootstrap it from a snapshot first");
        }
        if (cs.isSnapshot()) {
            throw new ReplicationException(Kind.REPLAY, "a snapshot only bootstraps an empty replica; replica is at " + position);
        }
        if (cs.txid() <= position.txid()) {
            throw new ReplicationException(Kind.REPLAY, cs + " was already applied: replica is at " + position);
        }
        if (cs.txid() != position.txid() + 1) {
            throw new ReplicationException(Kind.GAP, "replica is at " + position + " but the next change set is " + cs.txid()
                    + "; " + (cs.txid() - position.txid() - 1) + " missing");
        }
        if (aheadByOne) {
            if (cs.checksumAfter() == pages.checksum() && cs.checksumBefore() == position.checksum()) {
                aheadByOne = false;
                advance(cs.positionAfter());
                return;
            }
            throw new ReplicationException(Kind.DIVERGED, "replica " + path + " has checksum "
                    + String.format("%016x", pages.checksum()) + ", neither " + position + " nor the result of " + cs);
        }
        if (cs.checksumBefore() != position.checksum()) {
            throw new ReplicationException(Kind.CHECKSUM_MISMATCH, cs + " does not start from the replica's " + position);
        }
        if (cs.pageSize() != pages.pageSize) {
            throw new ReplicationException(Kind.CORRUPT, cs + " has page size " + cs.pageSize() + ", replica has " + pages.pageSize);
        }
        // Dry run on a copy: the pages must give the checksum after, else the change set is damaged.
        Checksums.PageMap expected = pages.copy();
        expected.resize(cs.databaseSize());
        for (ChangeSet.Page page : cs.pages()) {
            expected.set(page.number(), page.data());
        }
        if (expected.checksum() != cs.checksumAfter()) {
            throw new ReplicationException(Kind.CORRUPT, cs + ": its pages give checksum "
                    + String.format("%016x", expected.checksum()) + ", not its checksum after");
        }
        try {
            write(cs);
        } catch (SqliteException e) {
            throw new ReplicationException(Kind.IO, "applying " + cs + " to " + path + ": " + e.getMessage(), e);
        }
        try {
            verify(cs);
        } catch (SqliteException e) {
            failed = new ReplicationException(Kind.IO, "reading back " + cs + " from " + path + ": " + e.getMessage(), e);
            throw failed;
        } catch (ReplicationException e) {
            failed = e;
            throw e;
        }
        advance(cs.positionAfter());
    }

    /** Rows per INSERT into sqlite_dbpage (two parameters each). */
    private static final int ROWS_PER_STATEMENT = 256;

    /**
     * Writes the pages in one transaction. Page 1 (which holds the schema cookie) goes last, with
     * the truncation: a statement that starts after the cookie changed makes SQLite reload the
     * schema, and it must then find every page of the new schema already written.
     */
    private void write(ChangeSet cs) throws SqliteException {
        int oldSize = pages.size();
        java.util.List<ChangeSet.Page> rows = new java.util.ArrayList<>(cs.pages().size() + 2);
        ChangeSet.Page pageOne = null;
        int highest = 0;
        for (ChangeSet.Page page : cs.pages()) {
            if (page.number() == 1) {
                pageOne = page;
            } else {
                rows.add(page);
            }
            highest = page.number();
        }
        if (cs.databaseSize() > Math.max(highest, oldSize)) {
            rows.add(new ChangeSet.Page(cs.databaseSize(), new byte[cs.pageSize()])); // make the new size explicit
        }
        if (pageOne != null) {
            rows.add(pageOne);
        }
        if (cs.databaseSize() < oldSize) {
            // Truncates at commit; must come after every page write, which would cancel it.
            rows.add(new ChangeSet.Page(cs.databaseSize() + 1, null));
        }
        db.exec("BEGIN IMMEDIATE");
        boolean committed = false;
        try {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                int to = Math.min(rows.size(), from + ROWS_PER_STATEMENT);
                StringBuilder sql = new StringBuilder("INSERT INTO sqlite_dbpage(pgno, data) VALUES ");
                for (int i = from; i < to; i++) {
                    sql.append(i == from ? "(?,?)" : ",(?,?)");
                }
                try (Statement insert = db.prepare(sql.toString())) {
                    int parameter = 1;
                    for (int i = from; i < to; i++) {
                        ChangeSet.Page row = rows.get(i);
                        insert.bindLong(parameter++, row.number());
                        if (row.data() == null) {
                            insert.bindNull(parameter++);
                        } else {
                            insert.bindBlob(parameter++, row.data());
                        }
                    }
                    insert.step();
                }
            }
            db.exec("COMMIT");
            committed = true;
        } finally {
            if (!committed && !db.isAutocommit()) {
                db.exec("ROLLBACK");
            }
            // sqlite_dbpage changes page bytes under the b-tree layer, whose decoded view of a cached
            // page (cell counts, offsets) would then be stale in this connection. Dropping the page
            // cache makes the next statement (a schema reload, for one) read the pages afresh.
            db.exec("PRAGMA shrink_memory");
        }
    }

    /** Reads back what SQLite committed and checks the checksum; updates the page map. */
    private void verify(ChangeSet cs) throws SqliteException, ReplicationException {
        java.util.List<String> differing = new java.util.ArrayList<>();
        db.exec("BEGIN");
        try {
            int size = (int) Pages.queryLong(db, "PRAGMA page_count");
            if (size != cs.databaseSize()) {
                throw new ReplicationException(Kind.DIVERGED, "after " + cs + " the replica has " + size + " pages");
            }
            pages.resize(size);
            try (Statement select = db.prepare("SELECT data FROM sqlite_dbpage WHERE pgno = ?1")) {
                boolean pageOne = false;
                for (ChangeSet.Page page : cs.pages()) {
                    byte[] data = Pages.read(select, page.number(), cs.pageSize());
                    if (!java.util.Arrays.equals(data, page.data())) {
                        differing.add(page.number() + "@" + java.util.Arrays.mismatch(data, page.data()));
                    }
                    pages.set(page.number(), data);
                    pageOne |= page.number() == 1;
                }
                if (!pageOne) {
                    pages.set(1, Pages.read(select, 1, cs.pageSize()));
                }
            }
        } finally {
            db.exec("COMMIT");
        }
        if (pages.checksum() != cs.checksumAfter()) {
            throw new ReplicationException(Kind.DIVERGED, "after " + cs + " the replica's checksum is "
                    + String.format("%016x", pages.checksum()) + "; pages differing (page@byte): " + differing);
        }
    }

    private void advance(Position next) throws ReplicationException {
        writePosition(next);
        position = next;
    }

    /** Two 32-byte slots, written alternately (by txid parity) in place: a torn write spoils one, the other stays. */
    private static final int SLOT = 32;

    private void writePosition(Position p) throws ReplicationException {
        ByteBuffer b = ByteBuffer.allocate(SLOT);
        b.putInt(POSITION_MAGIC).putLong(p.txid()).putLong(p.checksum());
        b.putLong(Crc64.update(0, b.array(), 0, 20));
        try {
            if (positionOut == null) {
                positionOut = new RandomAccessFile(positionFile.toFile(), "rw");
            }
            positionOut.seek((p.txid() & 1) * SLOT);
            positionOut.write(b.array());
            if (durable) {
                positionOut.getFD().sync();
            }
        } catch (IOException e) {
            throw new ReplicationException(Kind.IO, "cannot write " + positionFile + ": " + e, e);
        }
    }

    private Position readPosition() throws ReplicationException {
        if (!Files.exists(positionFile)) {
            return null;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(positionFile));
            Position best = null;
            for (int at = 0; at + SLOT <= b.capacity(); at += SLOT) {
                if (b.getInt(at) == POSITION_MAGIC && b.getLong(at + 20) == Crc64.update(0, b.array(), at, 20)) {
                    Position p = new Position(b.getLong(at + 4), b.getLong(at + 12));
                    if (best == null || p.txid() > best.txid()) {
                        best = p;
                    }
                }
            }
            if (best == null) {
                throw new ReplicationException(Kind.CORRUPT, positionFile + " holds no valid position");
            }
            return best;
        } catch (IOException e) {
            throw new ReplicationException(Kind.IO, "cannot read " + positionFile + ": " + e, e);
        }
    }

    /** A new connection reading the replica (the caller closes it). */
    public Database openReader() throws SqliteException {
        Database reader = Database.open(path.toString());
        reader.busyTimeout(10_000);
        return reader;
    }

    private void closeQuietly() {
        if (positionOut != null) {
            try {
                positionOut.close();
            } catch (IOException ignored) {
                // closing after a failure
            }
            positionOut = null;
        }
        if (db != null) {
            try {
                db.close();
            } catch (SqliteException ignored) {
                // closing after a failure
            }
            db = null;
        }
    }

    @Override
    public synchronized void close() throws ReplicationException {
        if (positionOut != null) {
            try {
                positionOut.close();
            } catch (IOException ignored) {
                // written data is in the file already
            }
            positionOut = null;
        }
        if (db != null) {
            try {
                db.close();
            } catch (SqliteException e) {
                throw new ReplicationException(Kind.IO, "closing replica " + path + ": " + e.getMessage(), e);
            } finally {
                db = null;
            }
        }
    }
}
