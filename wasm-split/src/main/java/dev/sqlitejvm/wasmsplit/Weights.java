package dev.sqlitejvm.wasmsplit;

/**
 * Estimated JVM bytecode bytes that Chicory's build-time compiler emits for each wasm instruction,
 * so the splitter can size regions before anything is compiled. Calibrated against the compiled
 * SQLite module; the build's method-size check verifies the real sizes afterwards.
 */
final class Weights {
    private Weights() {}

    /** Estimated bytecode of instructions [from, to). */
    static int sum(Code c, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += of(c, i);
        }
        return sum;
    }

    static int of(Code c, int i) {
        int o = c.op[i];
        switch (o) {
            case Code.BLOCK, Code.END, 0x01 -> {
                return 0;
            }
            case Code.LOOP -> {
                return 12; // interruption check at the loop header
            }
            case Code.IF, Code.ELSE, Code.BR, Code.BR_IF -> {
                return 4;
            }
            case Code.BR_TABLE -> {
                return 20 + 5 * c.tableLabels[i].length;
            }
            case Code.RETURN, Code.UNREACHABLE -> {
                return 8;
            }
            case Code.CALL -> {
                return 8 + 2 * c.pops[i];
            }
            case Code.CALL_INDIRECT -> {
                return 30 + 2 * c.pops[i];
            }
            case Code.LOCAL_GET, Code.LOCAL_SET -> {
                return c.imm[i] < 4 ? 1 : c.imm[i] < 256 ? 2 : 4;
            }
            case Code.LOCAL_TEE -> {
                return 4;
            }
            case Code.GLOBAL_GET, Code.GLOBAL_SET -> {
                return 8;
            }
            case 0x41, 0x42, 0x43, 0x44 -> {
                return 3;
            }
            default -> {
                if (o >= 0x28 && o <= 0x3E) {
                    return 9; // memory access through the Memory object
                }
                if (o >= 0x45 && o <= 0x66) {
                    return 9; // comparisons become branches producing 0/1
                }
                if (o >= 0xFC00) {
                    return 10;
                }
                return 3;
            }
        }
    }
}
