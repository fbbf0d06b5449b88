package dev.sqlitejvm.replication;

import dev.sqlitejvm.replication.ReplicationException.Kind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Change sets as files in one directory: {@code <txid as 16 hex digits>.changeset} for each
 * transaction, {@code <txid>.snapshot} for snapshots. Each file is written under a temporary name,
 * synced, and renamed, so a reader sees whole files only.
 */
public final class DirectoryTransport {
    public static final String CHANGESET = ".changeset";
    public static final String SNAPSHOT = ".snapshot";

    private DirectoryTransport() {
    }

    public static Path changeSetFile(Path directory, long txid) {
        return directory.resolve(String.format("%016x", txid) + CHANGESET);
    }

    public static Path snapshotFile(Path directory, long txid) {
        return directory.resolve(String.format("%016x", txid) + SNAPSHOT);
    }

    /** The txids of the files with {@code suffix}, ascending. */
    static List<Long> list(Path directory, String suffix) throws ReplicationException {
        List<Long> txids = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.length() == 16 + suffix.length() && name.endsWith(suffix)) {
                    try {
                        txids.add(Long.parseUnsignedLong(name.substring(0, 16), 16));
                    } catch (NumberFormatException ignored) {
                        // not ours
                    }
                }
            }
        } catch (IOException e) {
            throw new ReplicationException(Kind.IO, "cannot list " + directory + ": " + e, e);
        }
        txids.sort(null);
        return txids;
    }

    /** Writes change sets (and snapshots) into a directory; a {@link ChangeListener} for {@link ChangeCapture}. */
    public static final class Publisher implements ChangeListener {
        private final Path directory;
        private final boolean fsync;

        /** @param fsync sync each file and the directory before the commit is released (durable stream) */
        public Publisher(Path directory, boolean fsync) throws ReplicationException {
            this.directory = directory;
            this.fsync = fsync;
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new ReplicationException(Kind.IO, "cannot create " + directory + ": " + e, e);
            }
        }

        @Override
        public void committed(ChangeSet changeSet) throws ReplicationException {
            publish(changeSet);
        }

        public Path publish(ChangeSet cs) throws ReplicationException {
            Path target = cs.isSnapshot() ? snapshotFile(directory, cs.txid()) : changeSetFile(directory, cs.txid());
            Path temporary = directory.resolve("." + target.getFileName() + ".tmp");
            try {
                try (RandomAccessFile file = new RandomAccessFile(temporary.toFile(), "rw")) {
                    file.setLength(0);
                    file.write(ChangeSetCodec.encode(cs));
                    if (fsync) {
                        file.getFD().sync();
                    }
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                if (fsync) {
                    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                        dir.force(true);
                    }
                }
            } catch (IOException e) {
                throw new ReplicationException(Kind.IO, "cannot publish " + cs + " to " + target + ": " + e, e);
            }
            return target;
        }

        /** The position of the last change set in the directory (to resume a capture), or null. */
        public static Position lastPosition(Path directory) throws ReplicationException {
            List<Long> txids = list(directory, CHANGESET);
            List<Long> snapshots = list(directory, SNAPSHOT);
            long last = txids.isEmpty() ? -1 : txids.get(txids.size() - 1);
            long lastSnapshot = snapshots.isEmpty() ? -1 : snapshots.get(snapshots.size() - 1);
            if (last < 0 && lastSnapshot < 0) {
                return null;
            }
            Path file = last >= lastSnapshot ? changeSetFile(directory, last) : snapshotFile(directory, lastSnapshot);
            return read(file).positionAfter();
        }
    }

    static ChangeSet read(Path file) throws ReplicationException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ReplicationException(Kind.IO, "cannot read " + file + ": " + e, e);
        }
        try {
            return ChangeSetCodec.decode(bytes);
        } catch (ReplicationException e) {
            throw new ReplicationException(Kind.CORRUPT, file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Tails a directory and applies its change sets to a replica in txid order. An empty replica is
     * bootstrapped from the newest snapshot first. A damaged, missing or misplaced change set stops
     * it with a {@link ReplicationException}; nothing after it is applied.
     */
    public static final class Follower implements AutoCloseable {
        private final Path directory;
        private final Replica replica;
        private volatile Thread thread;
        private volatile ReplicationException stopped;

        public Follower(Path directory, Replica replica) {
            this.directory = directory;
            this.replica = replica;
        }

        public Replica replica() {
            return replica;
        }

        /** Applies every change set available now; returns how many. */
        public int poll() throws ReplicationException {
            return poll(Integer.MAX_VALUE);
        }

        /** Applies at most {@code limit} of the change sets available now, in order; returns how many. */
        public synchronized int poll(int limit) throws ReplicationException {
            if (replica.isEmpty()) {
                List<Long> snapshots = list(directory, SNAPSHOT);
                if (snapshots.isEmpty()) {
                    return 0;
                }
                long txid = snapshots.get(snapshots.size() - 1);
                ChangeSet snapshot = read(snapshotFile(directory, txid));
                if (snapshot.txid() != txid || !snapshot.isSnapshot()) {
                    throw new ReplicationException(Kind.CORRUPT, snapshotFile(directory, txid) + " holds " + snapshot);
                }
                replica.bootstrap(snapshot);
            }
            int applied = 0;
            while (applied < limit) {
                long next = replica.position().txid() + 1;
                Path file = changeSetFile(directory, next);
                ChangeSet cs = read(file);
                if (cs == null) {
                    List<Long> later = list(directory, CHANGESET);
                    for (long txid : later) {
                        if (txid > next) {
                            throw new ReplicationException(Kind.GAP, "change set " + next + " is missing from " + directory
                                    + " but " + txid + " is there; replica stays at " + replica.position());
                        }
                    }
                    return applied;
                }
                if (cs.txid() != next || cs.isSnapshot()) {
                    throw new ReplicationException(Kind.CORRUPT, file + " should hold change set " + next + " but holds " + cs);
                }
                replica.apply(cs);
                applied++;
            }
            return applied;
        }

        /** Polls every {@code intervalMillis} on a daemon thread until {@link #close} or an error ({@link #error()}). */
        public synchronized void start(long intervalMillis) {
            Thread t = new Thread(() -> {
                while (thread == Thread.currentThread()) {
                    try {
                        poll();
                        Thread.sleep(intervalMillis);
                    } catch (ReplicationException e) {
                        stopped = e;
                        return;
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "replication-follower " + directory);
            t.setDaemon(true);
            thread = t;
            t.start();
        }

        public ReplicationException error() {
            return stopped;
        }

        @Override
        public void close() throws ReplicationException {
            Thread t = thread;
            thread = null;
            if (t != null) {
                // No interrupt: it would stop SQLite mid-statement. The loop sees thread == null.
                try {
                    t.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            replica.close();
        }
    }
}
