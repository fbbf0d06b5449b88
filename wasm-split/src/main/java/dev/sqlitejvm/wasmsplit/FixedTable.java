package dev.sqlitejvm.wasmsplit;

import java.util.Arrays;

/**
 * Table 0's contents, when nothing can change them once the module is instantiated: the function
 * each element holds, which is what a C function pointer's value selects.
 *
 * <p>That holds for what clang and wasm-ld make of C code: the table is the module's own (not
 * imported, not exported), filled by active element segments at constant offsets, and no
 * instruction writes it ({@code table.set}, {@code table.init}, {@code table.copy},
 * {@code table.grow}, {@code table.fill}). The host could still write it through Chicory's
 * {@code Instance.table}; sqlite-jvm's runtime never does. {@link TableDispatch} relies on this
 * to send an indirect call straight to its function.
 */
final class FixedTable {
    private static final int TABLE_SET = 0x26, TABLE_INIT = 0xFC0C, TABLE_COPY = 0xFC0E, TABLE_GROW = 0xFC0F, TABLE_FILL = 0xFC11;
    /** An element no segment fills: calling it traps. */
    static final int EMPTY = -1;

    private FixedTable() {}

    /** Function index of every element of table 0 ({@link #EMPTY} for none), or null if the table may change. */
    static int[] of(WasmModule module) {
        if (module.importedTables > 0 || module.exports.stream().anyMatch(e -> e.kind() == 1) || writesATable(module)) {
            return null;
        }
        int[] elements = new int[0];
        for (WasmModule.Section s : module.sections) {
            if (s.id != WasmModule.ELEMENT) {
                continue;
            }
            Leb.Reader p = new Leb.Reader(s.payload, 0, s.payload.length);
            for (int n = p.u32(); n > 0; n--) {
                int flags = p.u32();
                switch (flags) {
                    case 0, 2 -> { // active: [table index,] offset, [element kind,] function indices
                        int table = flags == 2 ? p.u32() : 0;
                        int offset = constantOffset(p);
                        if (offset < 0 || flags == 2 && p.u8() != 0x00) {
                            return null;
                        }
                        int count = p.u32();
                        if (table == 0) {
                            if ((long) offset + count > 1 << 24) {
                                return null;
                            }
                            if (offset + count > elements.length) {
                                int old = elements.length;
                                elements = Arrays.copyOf(elements, offset + count);
                                Arrays.fill(elements, old, elements.length, EMPTY);
                            }
                        }
                        for (int i = 0; i < count; i++) {
                            int function = p.u32();
                            if (table == 0) {
                                elements[offset + i] = function;
                            }
                        }
                    }
                    case 1, 3 -> { // passive or declarative: element kind, function indices; no table changes
                        p.u8();
                        for (int count = p.u32(); count > 0; count--) {
                            p.u32();
                        }
                    }
                    default -> {
                        return null; // elements given as expressions: not what wasm-ld writes
                    }
                }
            }
        }
        return elements;
    }

    /** The offset of {@code i32.const n; end}, or -1 for any other expression. */
    private static int constantOffset(Leb.Reader p) {
        if (p.u8() != 0x41) {
            return -1;
        }
        long offset = p.s64();
        return p.u8() == Code.END && offset >= 0 && offset <= Integer.MAX_VALUE ? (int) offset : -1;
    }

    private static boolean writesATable(WasmModule module) {
        for (int f = 0; f < module.bodies.size(); f++) {
            Code code = new Code(module, module.typeOfFunction(module.importedFunctions + f), module.bodies.get(f));
            for (int i = 0; i < code.size; i++) {
                switch (code.op[i]) {
                    case TABLE_SET, TABLE_INIT, TABLE_COPY, TABLE_GROW, TABLE_FILL -> {
                        return true;
                    }
                    default -> { }
                }
            }
        }
        return false;
    }
}
