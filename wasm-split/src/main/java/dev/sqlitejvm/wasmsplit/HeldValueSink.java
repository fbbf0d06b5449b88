package dev.sqlitejvm.wasmsplit;

import java.util.Arrays;

/**
 * Moves local reads and constants that wait on the operand stack under a block to after the block.
 *
 * <p>clang computes a store's address before the value when the value is a whole {@code switch}:
 * SQLite's VDBE loop is {@code local.get $p; block (result i32) ... br_table ... end; i32.store}.
 * Every branch out of such a block has to drop the waiting address first, and Chicory compiles each
 * one to its own {@code pop; goto} (for a {@code br_table}, one per target): 110 of them, 440 bytes,
 * in the method of the VDBE loop, bytes that count against C2's inlining budget on the hottest path.
 *
 * <p>A {@code local.get} or constant right before a {@code block} or {@code loop} moves to after its
 * {@code end} when the block cannot change what it reads (it writes none of those locals) and some
 * branch in it leaves through the waiting values. A result the block leaves on top goes into a local
 * first ({@code local.tee $y} right after the block becomes a {@code local.set $y} and a read, where
 * {@code $y} is not one of the moved reads), so the values end up in the same order as before.
 */
final class HeldValueSink {
    private HeldValueSink() {}

    /** Rewrites every defined function of {@code module}; returns how many blocks were changed. */
    static int rewrite(WasmModule module) {
        int changed = 0;
        for (int f = module.importedFunctions; f < module.functionTypes.size(); f++) {
            int body = f - module.importedFunctions;
            Sink sink = new Sink(new Code(module, module.typeOfFunction(f), module.bodies.get(body)));
            if (sink.find() > 0) {
                module.bodies.set(body, sink.emit());
                changed += sink.blocks;
            }
        }
        return changed;
    }

    private static final class Sink {
        private final Code code;
        /** For each instruction: true if it moves (it is a read or constant waiting under a block). */
        private final boolean[] moved;
        /** For each block end: the first of the reads and constants it takes after itself, or -1. */
        private final int[] sunkFrom;
        /** For each block end: how its result is kept while the moved values are pushed. */
        private final int[] keep;
        private static final int KEEP_NOTHING = 0, KEEP_IN_TEE = 1, KEEP_IN_TEMP = 2;
        /** A scratch local per value type (index by {@code 0x7F - type}), -1 until needed. */
        private final int[] temp = {-1, -1, -1, -1};
        private byte[] addedLocals = new byte[0];
        int blocks;

        Sink(Code code) {
            this.code = code;
            this.moved = new boolean[code.size];
            this.sunkFrom = new int[code.size];
            this.keep = new int[code.size];
            Arrays.fill(sunkFrom, -1);
        }

        int find() {
            for (int i = 1; i < code.size; i++) {
                if ((code.op[i] != Code.BLOCK && code.op[i] != Code.LOOP) || code.pops[i] != 0) {
                    continue;
                }
                int type = code.imm[i];
                if (type != -64 && (type > -1 || type < -4)) {
                    continue; // a multi-value or reference result: left alone
                }
                int from = i;
                while (from > 0 && isPure(from - 1) && !moved[from - 1]) {
                    from--;
                }
                if (from == i || !leavesOver(i) || writesAny(i, from)) {
                    continue;
                }
                int end = code.match[i];
                if (type != -64) {
                    boolean tee = end + 1 < code.size && code.op[end + 1] == Code.LOCAL_TEE && !reads(from, i, code.imm[end + 1]);
                    keep[end] = tee ? KEEP_IN_TEE : KEEP_IN_TEMP;
                    if (!tee) {
                        temp(type);
                    }
                }
                for (int k = from; k < i; k++) {
                    moved[k] = true;
                }
                sunkFrom[end] = from;
                blocks++;
            }
            return blocks;
        }

        /** A read of a local or a constant: moving it later changes nothing but what it reads. */
        private boolean isPure(int k) {
            int op = code.op[k];
            return op == Code.LOCAL_GET || op == 0x41 || op == 0x42 || op == 0x43 || op == 0x44;
        }

        /** True if a branch inside block {@code b} targets a construct around it (or the function). */
        private boolean leavesOver(int b) {
            for (int j = b + 1; j < code.match[b]; j++) {
                int op = code.op[j];
                if (op == Code.BR || op == Code.BR_IF) {
                    if (crosses(j, code.imm[j], b)) {
                        return true;
                    }
                } else if (op == Code.BR_TABLE) {
                    for (int label : code.tableLabels[j]) {
                        if (crosses(j, label, b)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** True if label {@code depth} of the branch at {@code j}, inside construct {@code b}, is outside it. */
        private boolean crosses(int j, int depth, int b) {
            // the target and b both enclose j, so the target encloses b exactly when it opens first
            // (the function body, -1, encloses everything)
            return code.labelOwner(j, depth) < b;
        }

        /** True if block {@code b} writes a local that one of the reads in [from, b) reads. */
        private boolean writesAny(int b, int from) {
            for (int j = b + 1; j < code.match[b]; j++) {
                if ((code.op[j] == Code.LOCAL_SET || code.op[j] == Code.LOCAL_TEE) && reads(from, b, code.imm[j])) {
                    return true;
                }
            }
            return false;
        }

        private boolean reads(int from, int to, int local) {
            for (int k = from; k < to; k++) {
                if (code.op[k] == Code.LOCAL_GET && code.imm[k] == local) {
                    return true;
                }
            }
            return false;
        }

        private int temp(int blockType) {
            int slot = -1 - blockType;
            if (temp[slot] < 0) {
                temp[slot] = code.localTypes.length + addedLocals.length;
                addedLocals = Arrays.copyOf(addedLocals, addedLocals.length + 1);
                addedLocals[addedLocals.length - 1] = (byte) (0x7F - slot);
            }
            return temp[slot];
        }

        byte[] emit() {
            Leb.Writer w = new Leb.Writer();
            byte[] declared = Arrays.copyOfRange(code.localTypes, code.paramCount, code.localTypes.length + addedLocals.length);
            System.arraycopy(addedLocals, 0, declared, code.localTypes.length - code.paramCount, addedLocals.length);
            Code.writeLocals(w, declared);
            for (int i = 0; i < code.size; i++) {
                if (moved[i]) {
                    continue;
                }
                if (i > 0 && code.op[i] == Code.LOCAL_TEE && code.op[i - 1] == Code.END && keep[i - 1] == KEEP_IN_TEE) {
                    continue; // written as a set and a read below
                }
                w.bytes(code.body, code.start[i], code.end[i]);
                if (code.op[i] != Code.END || sunkFrom[i] < 0) {
                    continue;
                }
                int kept = switch (keep[i]) {
                    case KEEP_IN_TEE -> code.imm[i + 1];
                    case KEEP_IN_TEMP -> temp(code.imm[code.match[i]]);
                    default -> -1;
                };
                if (kept >= 0) {
                    w.u8(Code.LOCAL_SET).u32(kept);
                }
                for (int k = sunkFrom[i]; k < code.match[i]; k++) {
                    w.bytes(code.body, code.start[k], code.end[k]);
                }
                if (kept >= 0) {
                    w.u8(Code.LOCAL_GET).u32(kept);
                }
            }
            return w.toByteArray();
        }
    }
}
