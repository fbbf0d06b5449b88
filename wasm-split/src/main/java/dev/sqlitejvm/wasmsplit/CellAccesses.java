package dev.sqlitejvm.wasmsplit;

/**
 * The cells: the splitter's out area and the stack pointer's cell, a few hundred bytes taken off
 * the top of the C stack that only code the splitter wrote touches, always at a constant address
 * and in one of two shapes: {@code i32.const A; T.load} and {@code i32.const A; local.get x;
 * T.store} (offset 0, T one of i32/i64/f32/f64).
 *
 * <p>Because the shapes are that rigid, the compiled form of each access can be recognised after
 * Chicory's compiler and moved out of linear memory into a {@code long[]} that the memory object
 * holds, one element per 8-byte cell ({@link CompiledCodeRewrite}). A load or store of linear
 * memory costs a call chain that C2 inlines only while a method's inlining budget lasts, and the
 * VDBE loop's method spends that budget long before its out-area reads; an array element costs no
 * budget at all. This class counts the accesses in the split module, so that the rewrite can check
 * it found every one of them: a cell access left in linear memory would read a stale value.
 */
final class CellAccesses {
    /** Bytes of the stack pointer's cell (one 8-byte cell, padded to keep the stack 16-aligned). */
    static final int STACK_POINTER_CELL_BYTES = 16;

    /** Cells at {@code [base, base + bytes)}, 8 bytes each. */
    record Range(int base, int bytes) {
        boolean contains(long address) {
            return address >= base && address < (long) base + bytes;
        }

        /** The cell an access at {@code address} (in range, 8-aligned from the base) uses. */
        int cell(long address) {
            long offset = address - base;
            if (!contains(address) || offset % 8 != 0) {
                throw new IllegalArgumentException("not a cell address: " + address);
            }
            return (int) (offset / 8);
        }

        int count() {
            return bytes / 8;
        }
    }

    private CellAccesses() {}

    /** Number of loads and stores of a cell in the module's function bodies. */
    static int count(WasmModule module, Range cells) {
        int accesses = 0;
        for (int f = module.importedFunctions; f < module.functionTypes.size(); f++) {
            Code code = new Code(module, module.typeOfFunction(f), module.bodies.get(f - module.importedFunctions));
            for (int i = 0; i + 1 < code.size; i++) {
                if (code.op[i] != 0x41 || !cells.contains(new Leb.Reader(code.body, code.start[i] + 1, code.end[i]).s64())) {
                    continue;
                }
                if (isCellAccess(code, i + 1, true) || (code.op[i + 1] == Code.LOCAL_GET && i + 2 < code.size && isCellAccess(code, i + 2, false))) {
                    accesses++;
                }
            }
        }
        return accesses;
    }

    /** Whether instruction {@code i} is an i32/i64/f32/f64 load (or store) with offset 0. */
    private static boolean isCellAccess(Code code, int i, boolean load) {
        int op = code.op[i];
        boolean kind = load ? op >= 0x28 && op <= 0x2B : op >= 0x36 && op <= 0x39;
        if (!kind) {
            return false;
        }
        Leb.Reader memarg = new Leb.Reader(code.body, code.start[i] + 1, code.end[i]);
        memarg.u32();
        return memarg.u32() == 0;
    }
}
