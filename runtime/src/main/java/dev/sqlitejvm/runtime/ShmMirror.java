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
 * SQLite changed here are written to the mapping, bytes changed in the mapping are copied here.
 * Only changed bytes are written to the mapping, so a stale copy never overwrites another
 * connection's newer data. SQLite's locks guarantee one writer per location, so both sides never
 * change the same byte between two syncs.
 *
 * <p>Ordering, for native readers that look at the mapping without locks: the writer publishes
 * hash tables before the header (higher regions first, and within a region from the end), and a
 * reader snapshots the header (region 0) before the hash tables. This mirrors the order in which
 * SQLite itself writes (hash entries, then the header) and reads (header, then hash entries).
 */
final class ShmMirror {
    final SharedMemory shm;
    private final List<Region> regions = new ArrayList<>();

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

    void sync(Memory memory) {
        int n = regions.size();
        if (n == 0) {
            return;
        }
        // Snapshot the mapping, header first.
        byte[][] snapshot = new byte[n][];
        for (int i = 0; i < n; i++) {
            Region r = regions.get(i);
            if (r != null) {
                snapshot[i] = new byte[r.shadow.length];
                r.shared.get(0, snapshot[i]);
            }
        }
        // Publish local changes, hash tables before the header.
        for (int i = n - 1; i >= 0; i--) {
            Region r = regions.get(i);
            if (r != null) {
                merge(memory, r, snapshot[i]);
            }
        }
        VarHandle.fullFence();
    }

    private void merge(Memory memory, Region r, byte[] mapped) {
        byte[] shadow = r.shadow;
        int size = shadow.length;
        byte[] mine = memory.readBytes(r.local, size);

        // Runs SQLite changed here since the last sync, published from the end backwards.
        if (!shm.isReadOnly()) {
            int end = size;
            while (end > 0) {
                int last = lastDifference(mine, shadow, end);
                if (last < 0) {
                    break;
                }
                int first = last;
                while (first > 0 && mine[first - 1] != shadow[first - 1]) {
                    first--;
                }
                r.shared.put(first, mine, first, last + 1 - first);
                System.arraycopy(mine, first, shadow, first, last + 1 - first);
                // What we just wrote is also what the mapping holds now, whatever the snapshot says.
                System.arraycopy(mine, first, mapped, first, last + 1 - first);
                end = first;
            }
        }

        // Bytes others changed in the mapping: copy them here, unless SQLite changed them here too
        // (only possible for a read-only mapping, which never publishes; then the mapping wins).
        int low = Integer.MAX_VALUE;
        int high = -1;
        int from = 0;
        while (from < size) {
            int m = Arrays.mismatch(mapped, from, size, shadow, from, size);
            if (m < 0) {
                break;
            }
            int at = from + m;
            int to = at + 1;
            while (to < size && mapped[to] != shadow[to]) {
                to++;
            }
            System.arraycopy(mapped, at, shadow, at, to - at);
            System.arraycopy(mapped, at, mine, at, to - at);
            low = Math.min(low, at);
            high = to;
            from = to;
        }
        if (high > 0) {
            memory.write(r.local + low, mine, low, high - low);
        }
    }

    /** The highest index below {@code end} where the arrays differ, or -1. */
    private static int lastDifference(byte[] a, byte[] b, int end) {
        // Scan backwards in blocks, using the vectorised mismatch within each block.
        final int block = 512;
        for (int blockEnd = end; blockEnd > 0; blockEnd -= block) {
            int blockStart = Math.max(0, blockEnd - block);
            if (Arrays.mismatch(a, blockStart, blockEnd, b, blockStart, blockEnd) >= 0) {
                for (int i = blockEnd - 1; i >= blockStart; i--) {
                    if (a[i] != b[i]) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }
}
