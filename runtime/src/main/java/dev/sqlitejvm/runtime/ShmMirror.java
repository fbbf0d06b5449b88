package dev.sqlitejvm.runtime;

import com.dylibso.chicory.runtime.Memory;
import dev.sqlitejvm.vfs.SharedMemory;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps one connection's copy of the WAL index (regions in wasm linear memory, where SQLite's
 * pointers must point) in step with the shared {@code -shm} mapping.
 *
 * <p>SQLite only relies on other connections' shm writes becoming visible at a lock or a memory
 * barrier, and on its own writes being published by them; so {@link #sync} runs at every
 * {@code xShmBarrier}, after every shm lock taken and before every shm lock released.
 *
 * <p>A sync is a three-way merge per byte against a shadow (the contents at the last sync): bytes
 * changed in the mapping are copied here, bytes SQLite changed here are written to the mapping.
 * Only changed bytes are written to the mapping, so a stale copy never overwrites another
 * connection's newer data. SQLite's locks guarantee one writer per location, so both sides never
 * change the same byte between two syncs.
 *
 * <p>Ordering, for native readers that look at the mapping without locks: the writer publishes
 * hash tables before the header (higher regions first, and within a region from the end), and a
 * reader takes in the header (region 0) before the hash tables. This mirrors the order in which
 * SQLite itself writes (hash entries, then the header) and reads (header, then hash entries).
 */
final class ShmMirror {
    /** WALINDEX_HDR_SIZE: two copies of the 48-byte WalIndexHdr and the 40-byte WalCkptInfo. */
    static final int HEADER_BYTES = 136;

    final SharedMemory shm;
    private final List<Region> regions = new ArrayList<>();
    private boolean writeLocked;

    ShmMirror(SharedMemory shm) {
        this.shm = shm;
    }

    private static final class Region {
        final int local;
        final ByteBuffer shared;
        final byte[] shadow;

        Region(int local, ByteBuffer shared, byte[] shadow) {
            this.local = local;
            this.shared = shared;
            this.shadow = shadow;
        }
    }

    /** Starts mirroring region {@code index} at wasm address {@code local}, copying its contents in. */
    void attach(Memory memory, int index, int local, ByteBuffer shared, int size) {
        byte[] contents = new byte[size];
        shared.get(0, contents);
        memory.write(local, contents);
        while (regions.size() <= index) {
            regions.add(null);
        }
        regions.set(index, new Region(local, shared, contents));
    }

    /**
     * Brings this connection's copy and the mapping in step: first takes in what other connections
     * published (header region first), then publishes what SQLite changed here (hash tables before
     * the header). Compares in place, the mapping and wasm memory against the shadow, so a sync that
     * finds nothing changed copies and allocates nothing.
     *
     * <p>Only the WAL-index header (the first {@value #HEADER_BYTES} bytes: two copies of the
     * header and the checkpoint info with the read marks) is compared at every sync. SQLite writes
     * the hash tables only while it holds the write lock, so while this connection does not hold
     * it there is nothing of its own to publish there. And another connection's hash entries only
     * matter to a reader once a header that counts their frames is published: so the hash tables
     * are taken in when the header changed, and at every sync under the write lock (where a writer
     * needs even the entries of a transaction another writer abandoned). A reader never looks at
     * entries past its header's last frame, and newer entries never shorten the probe chains of
     * older ones, so skipping them in between changes nothing SQLite can see.
     */
    void sync(Memory memory) {
        int n = regions.size();
        if (n == 0) {
            return;
        }
        byte[] wasm = ((FlatMemory) memory).array();
        Region header = regions.get(0);
        if (writeLocked || header == null || headerChanged(header)) {
            for (int i = 0; i < n; i++) {
                Region r = regions.get(i);
                if (r != null) {
                    takeIn(wasm, r);
                }
            }
        }
        if (!shm.isReadOnly()) {
            for (int i = n - 1; i >= 0; i--) {
                Region r = regions.get(i);
                if (r != null && (writeLocked || i == 0)) {
                    publish(wasm, r, writeLocked ? r.shadow.length : Math.min(HEADER_BYTES, r.shadow.length));
                }
            }
        }
        VarHandle.fullFence();
    }

    /** Records that SQLite took ({@code true}) or released the WAL write lock (lock slot 0). */
    void writeLock(boolean held) {
        writeLocked = held;
    }

    private static boolean headerChanged(Region r) {
        int bytes = Math.min(HEADER_BYTES, r.shadow.length);
        return r.shared.slice(0, bytes).mismatch(ByteBuffer.wrap(r.shadow, 0, bytes)) >= 0;
    }

    /**
     * Bytes others changed in the mapping since the last sync: copied to the shadow and to wasm
     * memory. Should SQLite have changed one of them here too (only possible with a read-only
     * mapping, which never publishes), the mapping wins.
     */
    private static void takeIn(byte[] wasm, Region r) {
        byte[] shadow = r.shadow;
        int size = shadow.length;
        int from = 0;
        while (from < size) {
            int m = r.shared.slice(from, size - from).mismatch(ByteBuffer.wrap(shadow, from, size - from).slice());
            if (m < 0) {
                return;
            }
            int at = from + m;
            int to = at + 1;
            while (to < size && r.shared.get(to) != shadow[to]) {
                to++;
            }
            // one read of the mapping, so the shadow and wasm memory get the same bytes
            r.shared.get(at, shadow, at, to - at);
            System.arraycopy(shadow, at, wasm, r.local + at, to - at);
            from = to;
        }
    }

    /**
     * Runs SQLite changed here, in the first {@code size} bytes, since the last sync: written to the
     * mapping from the end backwards.
     */
    private static void publish(byte[] wasm, Region r, int size) {
        byte[] shadow = r.shadow;
        int base = r.local;
        if (Arrays.mismatch(wasm, base, base + size, shadow, 0, size) < 0) {
            return;
        }
        int end = size;
        while (end > 0) {
            int last = lastDifference(wasm, base, shadow, end);
            if (last < 0) {
                break;
            }
            int first = last;
            while (first > 0 && wasm[base + first - 1] != shadow[first - 1]) {
                first--;
            }
            r.shared.put(first, wasm, base + first, last + 1 - first);
            System.arraycopy(wasm, base + first, shadow, first, last + 1 - first);
            end = first;
        }
    }

    /** The highest index below {@code end} where {@code a[base + i]} and {@code b[i]} differ, or -1. */
    private static int lastDifference(byte[] a, int base, byte[] b, int end) {
        // Scan backwards in blocks, using the vectorised mismatch within each block.
        final int block = 512;
        for (int blockEnd = end; blockEnd > 0; blockEnd -= block) {
            int blockStart = Math.max(0, blockEnd - block);
            if (Arrays.mismatch(a, base + blockStart, base + blockEnd, b, blockStart, blockEnd) >= 0) {
                for (int i = blockEnd - 1; i >= blockStart; i--) {
                    if (a[base + i] != b[i]) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }
}
