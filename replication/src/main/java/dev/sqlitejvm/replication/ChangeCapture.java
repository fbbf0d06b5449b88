package dev.sqlitejvm.replication;

import dev.sqlitejvm.replication.ReplicationException.Kind;
import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.OpenOptions;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.vfs.FileVfs;
import dev.sqlitejvm.vfs.Vfs;
import dev.sqlitejvm.vfs.VfsException;
import dev.sqlitejvm.vfs.WalObserver;
import dev.sqlitejvm.vfs.WalObservingVfs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Change capture on a primary database in WAL mode. Every connection that writes the database in
 * this JVM must be opened with {@link #vfs()} (or {@link #open()}); each committed write
 * transaction then reaches the listeners as a {@link ChangeSet}.
 *
 * <p>How: the VFS sees SQLite's writes to the {@code -wal} file while a connection holds the WAL
 * write lock (WAL-index lock slot 0). It keeps the frames written during that lock. When the lock
 * is about to be released, each commit frame (non-zero "database size after commit") closes a
 * transaction: its pages are the last frame written for each page number. A rolled-back
 * transaction never writes a commit frame and produces nothing. The checksum is kept per page
 * (a full scan when attaching, then incrementally).
 *
 * <p>Refused, so that no change can bypass the capture: writes to the WAL without the WAL write
 * lock (locking_mode=EXCLUSIVE) and writes to the database file outside a checkpoint (that is,
 * leaving WAL mode, which is also the only way to change the page size). Both fail with an I/O
 * error in the connection that tried.
 */
public final class ChangeCapture implements AutoCloseable {
    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;

    private final String database;
    private final Vfs vfs;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    // Guarded by lock.
    private boolean attached;
    private Checksums.PageMap pages;
    private long txid;
    private boolean session;
    private int checkpointers;
    private final TreeMap<Integer, byte[]> frames = new TreeMap<>();
    private volatile Throwable failure;
    private volatile boolean closed;

    private ChangeCapture(String database) {
        this.database = database;
        this.vfs = new WalObservingVfs(FileVfs.instance(), new Observer());
    }

    /** Attaches to a database that starts a new change stream at txid 0. */
    public static ChangeCapture attach(Path database) throws ReplicationException {
        return attach(database, null);
    }

    /**
     * Attaches to a database (switching it to WAL mode). With {@code resume}, the stream continues
     * from that position, and the database's checksum must equal it (else it was changed without
     * capture, and replicas need a new snapshot).
     */
    public static ChangeCapture attach(Path database, Position resume) throws ReplicationException {
        ChangeCapture capture;
        try {
            capture = new ChangeCapture(FileVfs.instance().fullPathname(database.toString()));
        } catch (VfsException e) {
            throw new ReplicationException(Kind.IO, "cannot resolve " + database + ": " + e.getMessage(), e);
        }
        try (Database db = Database.open(database.toString(), capture.openOptions())) {
            db.busyTimeout(10_000);
            String mode = Pages.queryText(db, "PRAGMA journal_mode=WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new ReplicationException(Kind.CAPTURE, database + " cannot use WAL mode (journal mode is " + mode + ")");
            }
            db.exec("BEGIN IMMEDIATE");
            try {
                Checksums.PageMap map = Pages.scan(db);
                if (resume != null && resume.checksum() != map.checksum()) {
                    throw new ReplicationException(Kind.DIVERGED, database + " has checksum "
                            + String.format("%016x", map.checksum()) + ", not that of " + resume + ": it changed without capture");
                }
                synchronized (capture.lock) {
                    capture.pages = map;
                    capture.txid = resume == null ? 0 : resume.txid();
                    capture.attached = true;
                    capture.session = true; // this connection holds the write lock now
                }
            } finally {
                db.exec("ROLLBACK");
            }
        } catch (SqliteException e) {
            throw new ReplicationException(Kind.IO, "cannot attach to " + database + ": " + e.getMessage(), e);
        }
        return capture;
    }

    /** The VFS every connection writing the primary must use. */
    public Vfs vfs() {
        return vfs;
    }

    public OpenOptions openOptions() {
        return OpenOptions.defaults().vfs(vfs);
    }

    /** Opens a connection on the primary through the capture. */
    public Database open() throws SqliteException {
        Database db = Database.open(database, openOptions());
        db.busyTimeout(10_000);
        return db;
    }

    public String database() {
        return database;
    }

    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ChangeListener listener) {
        listeners.remove(listener);
    }

    /** The position after the last captured commit. */
    public Position position() {
        synchronized (lock) {
            return new Position(txid, pages.checksum());
        }
    }

    /** The first exception a listener threw, if any (its change set is then missing downstream). */
    public Throwable failure() {
        return failure;
    }

    /**
     * A consistent copy of the whole database with its position, online: it holds the WAL write lock
     * only while a second connection starts its read transaction, then reads every page in that
     * read transaction while writers go on.
     */
    public ChangeSet snapshot() throws ReplicationException {
        try (Database writer = open(); Database reader = open()) {
            Position position;
            writer.exec("BEGIN IMMEDIATE");
            try {
                synchronized (lock) {
                    position = new Position(txid, pages.checksum());
                }
                reader.exec("BEGIN");
                Pages.queryLong(reader, "SELECT count(*) FROM sqlite_dbpage WHERE pgno = 1"); // starts the read transaction
            } finally {
                writer.exec("ROLLBACK");
            }
            try {
                int pageSize = (int) Pages.queryLong(reader, "PRAGMA page_size");
                int count = (int) Pages.queryLong(reader, "PRAGMA page_count");
                List<ChangeSet.Page> all = Pages.all(reader, pageSize);
                Checksums.PageMap map = new Checksums.PageMap(pageSize);
                map.resize(count);
                for (ChangeSet.Page page : all) {
                    map.set(page.number(), page.data());
                }
                if (map.checksum() != position.checksum()) {
                    throw new ReplicationException(Kind.DIVERGED, "snapshot of " + database + " has checksum "
                            + String.format("%016x", map.checksum()) + " but the capture is at " + position);
                }
                return new ChangeSet(ChangeSet.FLAG_SNAPSHOT, position.txid(), pageSize, count, all, 0,
                        position.checksum(), System.currentTimeMillis());
            } finally {
                reader.exec("COMMIT");
            }
        } catch (SqliteException e) {
            throw new ReplicationException(Kind.IO, "snapshot of " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stops capturing; connections opened through {@link #vfs()} must be closed first or no longer write. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            attached = false;
            frames.clear();
        }
    }

    // ---- the WAL observer ----

    private final class Observer implements WalObserver {
        @Override
        public void walWrite(String db, long offset, byte[] data, int dataOffset, int length) throws VfsException {
            if (!database.equals(db)) {
                return;
            }
            synchronized (lock) {
                if (!attached) {
                    if (closed) {
                        throw new VfsException(VfsException.IOERR_WRITE, "change capture of " + database + " is closed");
                    }
                    return;
                }
                if (!session) {
                    throw new VfsException(VfsException.IOERR_WRITE, "WAL of " + database
                            + " written without the WAL write lock; locking_mode=EXCLUSIVE is not supported under change capture");
                }
                recordWalWrite(offset, data, dataOffset, length);
            }
        }

        @Override
        public void walTruncate(String db, long size) {
            if (database.equals(db)) {
                synchronized (lock) {
                    frames.clear();
                }
            }
        }

        @Override
        public void databaseWrite(String db, long offset, int length) throws VfsException {
            if (!database.equals(db)) {
                return;
            }
            synchronized (lock) {
                if (attached && checkpointers == 0) {
                    throw new VfsException(VfsException.IOERR_WRITE, "database " + database
                            + " written outside the WAL; under change capture it must stay in WAL mode (the page size cannot change)");
                }
            }
        }

        @Override
        public void shmLocked(String db, int offset, int count, boolean exclusive) {
            if (!database.equals(db) || !exclusive) {
                return;
            }
            synchronized (lock) {
                if (offset == 0) {
                    session = true;
                    frames.clear();
                }
                if (offset <= 1 && offset + count > 1) {
                    checkpointers++;
                }
            }
        }

        @Override
        public void shmUnlocking(String db, int offset, int count, boolean exclusive) throws VfsException {
            if (!database.equals(db) || !exclusive) {
                return;
            }
            synchronized (lock) {
                if (offset <= 1 && offset + count > 1 && checkpointers > 0) {
                    checkpointers--;
                }
                if (offset == 0) {
                    try {
                        if (attached) {
                            emitCommits();
                        }
                    } finally {
                        session = false;
                        frames.clear();
                    }
                }
            }
        }
    }

    /** Copies a WAL write into the frames of this write-lock session. Caller holds lock. */
    private void recordWalWrite(long offset, byte[] data, int dataOffset, int length) {
        int pageSize = pages.pageSize;
        if (offset < WAL_HEADER) {
            // A new WAL header: a new WAL generation (restart after a checkpoint). Frames before it are void.
            frames.clear();
            if (offset == 0 && length >= 12) {
                int walPageSize = ((data[dataOffset + 8] & 0xff) << 24) | ((data[dataOffset + 9] & 0xff) << 16)
                        | ((data[dataOffset + 10] & 0xff) << 8) | (data[dataOffset + 11] & 0xff);
                if (walPageSize != pageSize) {
                    throw new IllegalStateException("WAL page size " + walPageSize + " differs from the database's " + pageSize);
                }
            }
            int skip = (int) Math.min(length, WAL_HEADER - offset);
            offset += skip;
            dataOffset += skip;
            length -= skip;
        }
        int frameSize = FRAME_HEADER + pageSize;
        while (length > 0) {
            long position = offset - WAL_HEADER;
            int index = (int) (position / frameSize) + 1;
            int within = (int) (position % frameSize);
            int n = Math.min(length, frameSize - within);
            byte[] frame = frames.computeIfAbsent(index, i -> new byte[frameSize]);
            System.arraycopy(data, dataOffset, frame, within, n);
            offset += n;
            dataOffset += n;
            length -= n;
        }
    }

    /** Turns the commits among this session's frames into change sets. Caller holds lock. */
    private void emitCommits() {
        if (frames.isEmpty()) {
            return;
        }
        int pageSize = pages.pageSize;
        TreeMap<Integer, byte[]> transaction = new TreeMap<>();
        for (Map.Entry<Integer, byte[]> entry : frames.entrySet()) {
            byte[] frame = entry.getValue();
            int pageNumber = int32(frame, 0);
            int commitSize = int32(frame, 4);
            transaction.put(pageNumber, java.util.Arrays.copyOfRange(frame, FRAME_HEADER, FRAME_HEADER + pageSize));
            if (commitSize != 0) {
                emit(transaction, commitSize);
                transaction = new TreeMap<>();
            }
        }
    }

    private void emit(TreeMap<Integer, byte[]> changed, int newSize) {
        int pageSize = pages.pageSize;
        int oldSize = pages.size();
        long before = pages.checksum();
        int lock = Checksums.lockPage(pageSize);
        List<ChangeSet.Page> list = new ArrayList<>(changed.size());
        byte[] zero = null;
        for (int n = oldSize + 1; n <= newSize; n++) {
            if (!changed.containsKey(n) && n != lock) {
                // Grown but never written: a zero page, as SQLite reads it. Sent explicitly.
                changed.put(n, zero == null ? (zero = new byte[pageSize]) : zero);
            }
        }
        pages.resize(newSize);
        for (Map.Entry<Integer, byte[]> entry : changed.entrySet()) {
            int n = entry.getKey();
            if (n > newSize || n == lock) {
                continue; // spilled before a truncation in the same transaction
            }
            pages.set(n, entry.getValue());
            list.add(new ChangeSet.Page(n, entry.getValue()));
        }
        txid++;
        ChangeSet cs = new ChangeSet(0, txid, pageSize, newSize, list, before, pages.checksum(), System.currentTimeMillis());
        for (ChangeListener listener : listeners) {
            try {
                listener.committed(cs);
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                }
            }
        }
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
