package dev.sqlitejvm.wasm;

import com.dylibso.chicory.runtime.Memory;

/**
 * The memory the compiled module must run with: a Chicory {@link Memory} that also holds the
 * module's cells, the splitter's out area and the C stack pointer.
 *
 * <p>The build moves every access of a cell out of linear memory into {@link #cells}, as plain
 * array accesses in the compiled bytecode (see wasm-split's {@code CellAccesses} and
 * {@code CellAccessInlining}): the values that pass between the VDBE loop and the regions the
 * splitter cut out of it, and the stack pointer every C function with a frame reads and writes.
 * The compiled code casts its memory to this class, so the runtime's memory extends it.
 */
public abstract class CellMemory implements Memory {
    /** Length of {@link #cells}; the build fails if the module has more cells (it has 130). */
    public static final int CELLS = 256;

    /** Cell {@code i} holds the 8 bytes at the cells' base address + 8 i, as raw bits. */
    public final long[] cells = new long[CELLS];
}
