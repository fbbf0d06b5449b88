package dev.sqlitejvm.wasmsplit;

/**
 * Which locals are live before each instruction of a function: backward data flow over the
 * control-flow graph that wasm's structured branches describe. A region moved to its own function
 * takes its live-in locals as parameters and hands back only the locals it writes that are live
 * where it exits.
 */
final class Liveness {
    private final Code code;
    private final int words;
    private final long[][] liveIn;

    Liveness(Code code) {
        this.code = code;
        this.words = (code.localTypes.length + 63) >>> 6;
        this.liveIn = new long[code.size][];
        compute();
    }

    /** The instruction control reaches when branching to construct {@code owner} (-1: function exit). */
    int branchTarget(int owner) {
        if (owner < 0) {
            return -1;
        }
        return code.op[owner] == Code.LOOP ? owner : code.match[owner];
    }

    private void compute() {
        int n = code.size;
        for (int i = 0; i < n; i++) {
            liveIn[i] = new long[words];
        }
        long[] out = new long[words];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = n - 1; i >= 0; i--) {
                java.util.Arrays.fill(out, 0);
                successorsInto(i, out);
                int o = code.op[i];
                if (o == Code.LOCAL_SET || o == Code.LOCAL_TEE) {
                    clear(out, code.imm[i]);
                } else if (o == Code.LOCAL_GET) {
                    set(out, code.imm[i]);
                }
                long[] in = liveIn[i];
                for (int w = 0; w < words; w++) {
                    if (in[w] != out[w]) {
                        in[w] = out[w];
                        changed = true;
                    }
                }
            }
        }
    }

    private void successorsInto(int i, long[] out) {
        Code c = code;
        switch (c.op[i]) {
            case Code.UNREACHABLE, Code.RETURN -> { }
            case Code.BR -> union(out, branchTarget(c.labelOwner(i, c.imm[i])));
            case Code.BR_IF -> {
                union(out, i + 1);
                union(out, branchTarget(c.labelOwner(i, c.imm[i])));
            }
            case Code.BR_TABLE -> {
                for (int label : c.tableLabels[i]) {
                    union(out, branchTarget(c.labelOwner(i, label)));
                }
            }
            case Code.IF -> {
                union(out, i + 1);
                union(out, c.elseAt[i] >= 0 ? c.elseAt[i] + 1 : c.match[i]);
            }
            case Code.ELSE -> union(out, c.match[i]);
            default -> union(out, i + 1);
        }
    }

    private void union(long[] out, int target) {
        if (target < 0 || target >= code.size) {
            return;
        }
        long[] in = liveIn[target];
        for (int w = 0; w < words; w++) {
            out[w] |= in[w];
        }
    }

    boolean isLiveBefore(int instruction, int local) {
        if (instruction < 0 || instruction >= code.size) {
            return false;
        }
        return (liveIn[instruction][local >>> 6] & (1L << local)) != 0;
    }

    private static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    private static void clear(long[] bits, int i) {
        bits[i >>> 6] &= ~(1L << i);
    }
}
