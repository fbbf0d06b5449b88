package dev.sqlitejvm.runtime;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import dev.sqlitejvm.wasm.CellMemory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * SQLite's linear memory as one flat {@code byte[]}, for a single-threaded, non-shared module.
 *
 * <p>Why not Chicory's {@code ByteArrayMemory}: that one keeps 64 KiB pages (so memory can grow
 * without copying and be shared between threads), and every access pays for it with a page lookup
 * and a page-straddle test. More costly still, its accessors are large: C2 stops inlining into a
 * method once the inlined bytecode adds up to {@code DesiredMethodLimit} (8,000 bytes), and with
 * hundreds of loads and stores per SQLite function the big accessors used that budget up, so most
 * of them ended up as real interface calls. Each accessor here is one array or byte-view access,
 * with the bounds check the array itself does (against its capacity, see {@link #grow}).
 *
 * <p>Out-of-bounds accesses raise the same {@link WasmRuntimeException} as Chicory's memories.
 * The module's cells (out area, stack pointer) live in the inherited {@link CellMemory#cells}.
 */
final class FlatMemory extends CellMemory {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    /** The largest memory a Java array can hold, in whole wasm pages. */
    static final int MAX_PAGES = Integer.MAX_VALUE / PAGE_SIZE - 1;
    /** Below this size (bytes) the array grows to the exact size asked for, see {@link #grow}. */
    static final int EXACT_GROWTH_LIMIT = 4 << 20;

    private final MemoryLimits limits;
    private DataSegment[] dataSegments;
    private byte[] bytes;
    /** The memory's size in bytes (whole pages); {@code bytes} may be longer, see {@link #grow}. */
    private int size;
    /**
     * Still as allocated (all zeros). Chicory zeroes every memory it instantiates, before any code
     * runs; the bulk writes clear this too, the single-value stores (only wasm code uses them) need not.
     */
    private boolean fresh = true;

    FlatMemory(MemoryLimits limits) {
        if (limits.shared()) {
            throw new ChicoryException("shared memory is not supported");
        }
        this.limits = limits;
        this.size = Memory.bytes(limits.initialPages());
        this.bytes = new byte[size];
    }

    private WasmRuntimeException outOfBounds(int addr, long size) {
        return new WasmRuntimeException("out of bounds memory access: attempted to access address: "
                + Integer.toUnsignedString(addr) + " but limit is: " + this.size + " and size: " + size);
    }

    /** Throws unless {@code [addr, addr + size)} lies inside {@code length} bytes. */
    private void checkRange(int addr, int size, int length) {
        if (addr < 0 || size < 0 || (long) addr + size > length) {
            throw outOfBounds(addr, size);
        }
    }

    /**
     * The backing array, for bulk work in place (the WAL-index mirror compares whole regions).
     * Valid until the next {@link #grow}.
     */
    byte[] array() {
        return bytes;
    }

    // ---- size ----

    @Override
    public int pages() {
        return size / PAGE_SIZE;
    }

    /**
     * Grows by {@code delta} pages. Up to {@code EXACT_GROWTH_LIMIT} (4 MiB, where most connections
     * stay) the array is exactly the memory's size; past it, the array grows by half again at least,
     * not page by page: SQLite grows its heap a page or two at a time, and a big in-memory database
     * would otherwise copy itself whole on every growth. The spare bytes past the memory's size are outside it for
     * every bounds-checked operation; a single load or store there (never made by a correct
     * program, and only within the spare room) does not trap, and the pages a grow hands out are
     * zeroed first, as wasm requires.
     */
    @Override
    public int grow(int delta) {
        int previous = pages();
        long wanted = (long) previous + delta;
        if (delta < 0 || wanted > maximumPages()) {
            return -1;
        }
        if (delta > 0) {
            int newSize = Memory.bytes((int) wanted);
            if (newSize > bytes.length) {
                long roomy = newSize <= EXACT_GROWTH_LIMIT ? newSize : Math.max(newSize, bytes.length + (long) bytes.length / 2);
                int capacity = (int) Math.min(roomy, (long) Memory.bytes(maximumPages()));
                bytes = Arrays.copyOf(bytes, capacity);
            } else {
                Arrays.fill(bytes, size, newSize, (byte) 0);
            }
            size = newSize;
        }
        return previous;
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return Math.min(limits.maximumPages(), MAX_PAGES);
    }

    @Override
    public boolean shared() {
        return false;
    }

    // ---- set-up ----

    @Override
    public void initialize(Instance instance, DataSegment[] segments) {
        this.dataSegments = segments;
        this.fresh = false;
        if (segments == null) {
            return;
        }
        for (DataSegment s : segments) {
            if (s instanceof ActiveDataSegment) {
                ActiveDataSegment segment = (ActiveDataSegment) s;
                int offset = (int) ConstantEvaluators.computeConstantValue(instance, segment.offsetInstructions())[0];
                byte[] data = segment.data();
                if (offset < 0 || (long) offset + data.length > size) {
                    throw new UninstantiableException("out of bounds memory access: data segment at " + offset);
                }
                System.arraycopy(data, 0, bytes, offset, data.length);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        write(dest, dataSegments[segmentId].data(), offset, size);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    // ---- bulk ----

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        fresh = false;
        checkRange(offset, size, data.length);
        checkRange(addr, size, this.size);
        System.arraycopy(data, offset, bytes, addr, size);
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        checkRange(addr, len, size);
        return Arrays.copyOfRange(bytes, addr, addr + len);
    }

    @Override
    public void copy(int dest, int src, int size) {
        fresh = false;
        checkRange(dest, size, this.size);
        checkRange(src, size, this.size);
        System.arraycopy(bytes, src, bytes, dest, size);
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        fresh = false;
        checkRange(fromIndex, toIndex - fromIndex, size);
        Arrays.fill(bytes, fromIndex, toIndex, value);
    }

    @Override
    public void zero() {
        if (fresh) {
            return; // a new array is zeroed already: 1 MiB less to write per connection opened
        }
        Arrays.fill(bytes, 0, size, (byte) 0);
    }

    // ---- loads and stores: each one access, kept small so that C2 inlines them everywhere ----

    @Override
    public byte read(int addr) {
        try {
            return bytes[addr];
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public void writeByte(int addr, byte data) {
        try {
            bytes[addr] = data;
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 1);
        }
    }

    @Override
    public short readShort(int addr) {
        try {
            return (short) SHORT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 2);
        }
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public void writeShort(int addr, short data) {
        try {
            SHORT.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 2);
        }
    }

    @Override
    public int readInt(int addr) {
        try {
            return (int) INT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public void writeI32(int addr, int data) {
        try {
            INT.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public long readLong(int addr) {
        try {
            return (long) LONG.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public void writeLong(int addr, long data) {
        try {
            LONG.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public float readFloat(int addr) {
        try {
            return (float) FLOAT.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public void writeF32(int addr, float data) {
        try {
            FLOAT.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 4);
        }
    }

    @Override
    public double readDouble(int addr) {
        try {
            return (double) DOUBLE.get(bytes, addr);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    @Override
    public void writeF64(int addr, double data) {
        try {
            DOUBLE.set(bytes, addr, data);
        } catch (IndexOutOfBoundsException e) {
            throw outOfBounds(addr, 8);
        }
    }

    // ---- threads: the module is single-threaded ----

    @Override
    @Deprecated
    public Object lock(int address) {
        throw new UnsupportedOperationException("memory is not shared");
    }

    @Override
    public int waitOn(int address, int expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    public int waitOn(int address, long expected, long timeout) {
        throw new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    public int notify(int address, int maxThreads) {
        return 0;
    }
}
