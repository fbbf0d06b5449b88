package dev.sqlitejvm.wasmsplit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the byte swaps that clang had to spell out in shifts and masks, and makes each one a call
 * of a small swap function that {@link CompiledCodeRewrite} then turns into the JDK's
 * {@code Integer.reverseBytes}/{@code Long.reverseBytes} (one {@code bswap} instruction).
 *
 * <p>SQLite's file format is big-endian and wasm has no byte-swap instruction, so clang compiles
 * its readers in one of two shapes. Where SQLite swaps a loaded word ({@code get4byte}: a
 * {@code memcpy} and {@code __builtin_bswap32}) the swap becomes a dozen shifts, masks and ors of
 * the value. Where it assembles the value byte by byte (the 2-byte cell offsets, a record's 8-byte
 * integers and REALs) it becomes one {@code load8_u} per byte, each a bounds-checked array access
 * once compiled: a GROUP BY over a REAL key spends most of its sorter comparisons on those loads.
 *
 * <p>The pass evaluates each straight-line tree of {@code or}, {@code add}, {@code and} with a
 * constant, shifts by a constant, {@code i64.extend_i32_u} and byte loads symbolically, bit by bit,
 * and replaces it when it computes exactly
 * <ul>
 *   <li>the bytes of one local reversed (32 or 64 bits; or the low 16 bits reversed and the rest
 *       zero): by that local and a call of the swap function; or
 *   <li>the bytes at offsets {@code m .. m+n-1} from one local, the first byte most significant
 *       ({@code n} = 2, 4 or 8): by one {@code n}-byte load at offset {@code m} and a call.
 * </ul>
 * The local's first use in the tree may be the {@code local.tee} that sets it (the tree then
 * starts with that), never a later one. Traps stay as they were: the wide load reads exactly the
 * bytes the byte loads read, so it traps exactly when one of them would have, and nothing between
 * them had an effect.
 */
final class ByteSwaps {
    private static final byte I32 = 0x7F, I64 = 0x7E;
    private static final int I32_LOAD = 0x28, I64_LOAD = 0x29, I32_LOAD16_U = 0x2F, I32_LOAD8_U = 0x2D, I64_LOAD8_U = 0x31;
    private static final int I32_CONST = 0x41, I64_CONST = 0x42, I64_EXTEND_I32_U = 0xAD;
    /** Trees larger than this are not looked at (a 64-bit swap spelled out is about 40 instructions). */
    private static final int MAX_TREE = 96;

    /** The functions the pass added (-1: none) and how many trees it replaced, by width in bytes. */
    record Result(int swap16, int swap32, int swap64, int swaps2, int swaps4, int swaps8, int loads2, int loads4, int loads8) {
        int replaced() {
            return swaps2 + swaps4 + swaps8 + loads2 + loads4 + loads8;
        }
    }

    private final WasmModule module;
    private int swap16 = -1, swap32 = -1, swap64 = -1;
    /** Trees replaced: [form][width index]; form 0 a value swapped, 1 bytes loaded. */
    private final int[][] replaced = new int[2][3];

    private ByteSwaps(WasmModule module) {
        this.module = module;
    }

    /** Rewrites every function of the module; adds the swap functions only if some tree needs them. */
    static Result rewrite(WasmModule module) {
        ByteSwaps pass = new ByteSwaps(module);
        int defined = module.functionTypes.size();
        for (int f = module.importedFunctions; f < defined; f++) {
            int body = f - module.importedFunctions;
            byte[] rewritten = pass.rewrite(new Code(module, module.typeOfFunction(f), module.bodies.get(body)));
            if (rewritten != null) {
                module.bodies.set(body, rewritten);
            }
        }
        int[][] r = pass.replaced;
        return new Result(pass.swap16, pass.swap32, pass.swap64, r[0][0], r[0][1], r[0][2], r[1][0], r[1][1], r[1][2]);
    }

    /** How many calls of the swap functions the module's code makes. */
    static int calls(WasmModule module, Result swaps) {
        int calls = 0;
        for (int f = module.importedFunctions; f < module.functionTypes.size(); f++) {
            Code code = new Code(module, module.typeOfFunction(f), module.bodies.get(f - module.importedFunctions));
            for (int i = 0; i < code.size; i++) {
                if (code.op[i] == Code.CALL && code.imm[i] >= 0
                        && (code.imm[i] == swaps.swap16 || code.imm[i] == swaps.swap32 || code.imm[i] == swaps.swap64)) {
                    calls++;
                }
            }
        }
        return calls;
    }

    /**
     * A tree found: instructions [from, to], replaced by [from, keepTo] (what leaves the local's
     * value or the address on the stack), then the load {@code load} at {@code offset} (-1: none)
     * and the call of the swap of {@code swapBytes}; {@code form} 0 a value swapped, 1 bytes loaded.
     */
    private record Found(int from, int to, int keepTo, int load, long offset, int swapBytes, int form) {}

    private byte[] rewrite(Code code) {
        // from the end, so a tree is found whole before any tree inside it
        List<Found> found = new ArrayList<>();
        for (int i = code.size - 1; i > 0; i--) {
            Found f = Tree.combineWidth(code.op[i]) == 0 ? null : new Tree(code).match(i);
            if (f != null) {
                found.add(f);
                i = f.from;
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        Leb.Writer w = new Leb.Writer();
        int copied = 0; // body bytes written so far
        for (int k = found.size() - 1; k >= 0; k--) {
            Found f = found.get(k);
            w.bytes(code.body, copied, code.end[f.keepTo]);
            if (f.load >= 0) {
                w.u8(f.load).u32(0).u32(f.offset);
            }
            w.u8(Code.CALL).u32(swapFunction(f.swapBytes));
            replaced[f.form][f.swapBytes == 2 ? 0 : f.swapBytes == 4 ? 1 : 2]++;
            copied = code.end[f.to];
        }
        w.bytes(code.body, copied, code.body.length);
        return w.toByteArray();
    }

    /**
     * One tree's symbolic evaluation. A value is its bits, least significant first, each 0 (known
     * zero) or {@code leaf * 64 + bit + 1}: that bit of a leaf, a local's value or a loaded byte.
     */
    private static final class Tree {
        private final Code code;
        /** Leaves by key: "L<local>" a local's value, "B<local>@<offset>" the byte at that offset from it. */
        private final Map<String, Integer> leafIds = new HashMap<>();
        /** Per leaf: the local, the offset (-1 for a local's value). */
        private final List<long[]> leaves = new ArrayList<>();
        /** The instructions that read or set each local the leaves use: {index, 1 if a tee}. */
        private final Map<Integer, List<int[]>> uses = new HashMap<>();
        private int nodes;
        private int start; // first instruction of the last node parsed
        private long constant;
        private boolean isConstant;

        Tree(Code code) {
            this.code = code;
        }

        Found match(int root) {
            int width = combineWidth(code.op[root]);
            if (width == 0) {
                return null;
            }
            int[] bits = value(root, width);
            if (bits == null || !singleLocal()) {
                return null;
            }
            int from = start;
            long[] leaf0 = leaves.get(0);
            int local = (int) leaf0[0];
            int[] first = uses.get(local).get(0);
            int firstStart = first[1] == 1 ? teeStart(first[0]) : first[0];
            if (firstStart != from) {
                return null; // the tree does not start by reading its local
            }
            if (leaf0[1] < 0) { // a local's value, swapped
                int bytes = swappedWidth(bits, width);
                return bytes == 0 ? null : new Found(from, root, first[0], -1, 0, bytes, 0);
            }
            long[] loaded = loadedBytes(bits, width);
            if (loaded == null) {
                return null;
            }
            int n = (int) loaded[1];
            int load = n == 8 ? I64_LOAD : n == 4 ? I32_LOAD : I32_LOAD16_U;
            return new Found(from, root, first[0], load, loaded[0], n, 1);
        }

        /** True if every leaf comes from one local, whose only tee (if any) is its first use. */
        private boolean singleLocal() {
            if (uses.size() != 1 || leaves.isEmpty()) {
                return false;
            }
            List<int[]> list = uses.values().iterator().next();
            list.sort((a, b) -> Integer.compare(a[0], b[0]));
            boolean valueLeaf = leaves.get(0)[1] < 0;
            for (long[] leaf : leaves) {
                if ((leaf[1] < 0) != valueLeaf) {
                    return false; // a local's value and bytes from it, mixed
                }
            }
            for (int k = 1; k < list.size(); k++) {
                if (list.get(k)[1] == 1) {
                    return false;
                }
            }
            return true;
        }

        /** 4 or 8 if bits are the local's bytes reversed, 2 if its low two bytes reversed and the rest zero; else 0. */
        private int swappedWidth(int[] bits, int width) {
            if (leaves.size() != 1) {
                return 0;
            }
            for (int bytes : width == 64 ? new int[] {8} : new int[] {4, 2}) {
                boolean ok = true;
                for (int b = 0; b < width && ok; b++) {
                    int expected = b >= 8 * bytes ? 0 : 64 * 0 + (8 * (bytes - 1 - b / 8) + b % 8) + 1;
                    ok = bits[b] == expected;
                }
                if (ok) {
                    return bytes;
                }
            }
            return 0;
        }

        /** {lowest offset, n} if bits are n loaded bytes, the lowest address most significant, the rest zero; else null. */
        private long[] loadedBytes(int[] bits, int width) {
            for (int n : width == 64 ? new int[] {8} : new int[] {4, 2}) {
                if (leaves.size() != n) {
                    continue;
                }
                long m = Long.MAX_VALUE;
                for (long[] leaf : leaves) {
                    m = Math.min(m, leaf[1]);
                }
                boolean ok = true;
                for (int b = 0; b < width && ok; b++) {
                    if (b >= 8 * n) {
                        ok = bits[b] == 0;
                        continue;
                    }
                    long offset = m + (n - 1 - b / 8);
                    Integer leaf = leafIds.get("B" + leaves.get(0)[0] + "@" + offset);
                    ok = leaf != null && bits[b] == leaf * 64 + b % 8 + 1;
                }
                if (ok) {
                    return new long[] {m, n};
                }
            }
            return null;
        }

        /**
         * The bits of the value instruction {@code end} leaves (its operands parsed backwards), or
         * null if it is not such a tree; sets {@link #start}. A constant sets {@link #isConstant}.
         */
        private int[] value(int end, int width) {
            isConstant = false;
            if (end < 0 || ++nodes > MAX_TREE || code.pushes[end] != 1) {
                return null;
            }
            int op = code.op[end];
            if (op == (width == 32 ? I32_CONST : I64_CONST)) {
                constant = new Leb.Reader(code.body, code.start[end] + 1, code.end[end]).s64();
                isConstant = true;
                start = end;
                return new int[width];
            }
            if (op == Code.LOCAL_GET || op == Code.LOCAL_TEE) {
                int local = code.imm[end];
                if (code.localTypes[local] != (width == 32 ? I32 : I64)) {
                    return null;
                }
                use(local, end, op == Code.LOCAL_TEE);
                start = op == Code.LOCAL_TEE ? teeStart(end) : end;
                if (start < 0) {
                    return null;
                }
                int id = leaf("L" + local, local, -1);
                int[] bits = new int[width];
                for (int b = 0; b < width; b++) {
                    bits[b] = id * 64 + b + 1;
                }
                return bits;
            }
            if (op == (width == 32 ? I32_LOAD8_U : I64_LOAD8_U)) {
                int address = end - 1;
                if (address < 0 || (code.op[address] != Code.LOCAL_GET && code.op[address] != Code.LOCAL_TEE)) {
                    return null;
                }
                int local = code.imm[address];
                use(local, address, code.op[address] == Code.LOCAL_TEE);
                start = code.op[address] == Code.LOCAL_TEE ? teeStart(address) : address;
                if (start < 0) {
                    return null;
                }
                Leb.Reader r = new Leb.Reader(code.body, code.start[end] + 1, code.end[end]);
                r.u32();
                long offset = r.u32() & 0xFFFF_FFFFL;
                int id = leaf("B" + local + "@" + offset, local, offset);
                int[] bits = new int[width];
                for (int b = 0; b < 8; b++) {
                    bits[b] = id * 64 + b + 1;
                }
                return bits;
            }
            if (width == 64 && op == I64_EXTEND_I32_U) {
                int[] low = value(end - 1, 32);
                if (low == null || isConstant) {
                    return null;
                }
                int[] bits = new int[64];
                System.arraycopy(low, 0, bits, 0, 32);
                return bits;
            }
            int kind = binary(op, width);
            if (kind == 0) {
                return null;
            }
            int[] right = value(end - 1, width);
            if (right == null) {
                return null;
            }
            boolean rightConstant = isConstant;
            long rightValue = constant;
            int[] left = value(start - 1, width);
            if (left == null || isConstant) {
                return null; // constants only ever come second in what clang emits
            }
            int[] bits = new int[width];
            int shift = (int) (rightValue & (width - 1));
            switch (kind) {
                case AND -> {
                    if (!rightConstant) {
                        return null;
                    }
                    for (int b = 0; b < width; b++) {
                        bits[b] = (rightValue >>> b & 1) != 0 ? left[b] : 0;
                    }
                }
                case SHL, SHR_U -> {
                    if (!rightConstant) {
                        return null;
                    }
                    for (int b = 0; b < width; b++) {
                        int from = kind == SHL ? b - shift : b + shift;
                        bits[b] = from >= 0 && from < width ? left[from] : 0;
                    }
                }
                default -> { // or, add: only of values whose known bits never meet
                    if (rightConstant) {
                        return null;
                    }
                    for (int b = 0; b < width; b++) {
                        if (left[b] != 0 && right[b] != 0) {
                            return null;
                        }
                        bits[b] = left[b] | right[b];
                    }
                }
            }
            return bits;
        }

        private static final int AND = 1, SHL = 2, SHR_U = 3, COMBINE = 4;

        /** 32 or 64 if {@code op} is an or/add of that width (what can be a tree's root), else 0. */
        static int combineWidth(int op) {
            return binary(op, 32) == COMBINE ? 32 : binary(op, 64) == COMBINE ? 64 : 0;
        }

        private static int binary(int op, int width) {
            if (width == 32) {
                return switch (op) {
                    case 0x71 -> AND;
                    case 0x74 -> SHL;
                    case 0x76 -> SHR_U;
                    case 0x72, 0x6A -> COMBINE;
                    default -> 0;
                };
            }
            return switch (op) {
                case 0x83 -> AND;
                case 0x86 -> SHL;
                case 0x88 -> SHR_U;
                case 0x84, 0x7C -> COMBINE;
                default -> 0;
            };
        }

        private int leaf(String key, int local, long offset) {
            return leafIds.computeIfAbsent(key, k -> {
                leaves.add(new long[] {local, offset});
                return leaves.size() - 1;
            });
        }

        private void use(int local, int at, boolean tee) {
            uses.computeIfAbsent(local, k -> new ArrayList<>()).add(new int[] {at, tee ? 1 : 0});
        }

        /** The first instruction of the tee at {@code tee}: where its operand starts, or -1 if not straight-line. */
        private int teeStart(int tee) {
            int need = 1;
            for (int k = tee - 1; k >= 0; k--) {
                int op = code.op[k];
                if (op == Code.BLOCK || op == Code.LOOP || op == Code.IF || op == Code.ELSE || op == Code.END || op == Code.BR
                        || op == Code.BR_IF || op == Code.BR_TABLE || op == Code.RETURN || op == Code.UNREACHABLE) {
                    return -1;
                }
                need -= code.pushes[k];
                if (need < 0) {
                    return -1;
                }
                need += code.pops[k];
                if (need == 0) {
                    return k;
                }
            }
            return -1;
        }
    }

    private int swapFunction(int bytes) {
        return switch (bytes) {
            case 2 -> {
                if (swap16 < 0) {
                    // (x << 8 & 0xFF00) | (x >>> 8 & 0xFF)
                    swap16 = add(I32, w -> w.u8(Code.LOCAL_GET).u32(0).u8(I32_CONST).s64(8).u8(0x74).u8(I32_CONST).s64(0xFF00).u8(0x71)
                            .u8(Code.LOCAL_GET).u32(0).u8(I32_CONST).s64(8).u8(0x76).u8(I32_CONST).s64(0xFF).u8(0x71).u8(0x72));
                }
                yield swap16;
            }
            case 4 -> swap32();
            default -> {
                if (swap64 < 0) {
                    int s32 = swap32();
                    // swap32(low half) << 32 | swap32(high half)
                    swap64 = add(I64, w -> w.u8(Code.LOCAL_GET).u32(0).u8(0xA7).u8(Code.CALL).u32(s32).u8(I64_EXTEND_I32_U)
                            .u8(I64_CONST).s64(32).u8(0x86)
                            .u8(Code.LOCAL_GET).u32(0).u8(I64_CONST).s64(32).u8(0x88).u8(0xA7).u8(Code.CALL).u32(s32)
                            .u8(I64_EXTEND_I32_U).u8(0x84));
                }
                yield swap64;
            }
        };
    }

    private int swap32() {
        if (swap32 < 0) {
            // (rotl(x, 8) & 0x00FF00FF) | (rotr(x, 8) & 0xFF00FF00)
            swap32 = add(I32, w -> w.u8(Code.LOCAL_GET).u32(0).u8(I32_CONST).s64(8).u8(0x77).u8(I32_CONST).s64(0x00FF00FF).u8(0x71)
                    .u8(Code.LOCAL_GET).u32(0).u8(I32_CONST).s64(8).u8(0x78).u8(I32_CONST).s64((int) 0xFF00FF00).u8(0x71).u8(0x72));
        }
        return swap32;
    }

    private int add(byte type, java.util.function.Consumer<Leb.Writer> instructions) {
        Leb.Writer w = new Leb.Writer();
        Code.writeLocals(w, new byte[0]);
        instructions.accept(w);
        w.u8(Code.END);
        return module.addFunction(new FuncType(new byte[] {type}, new byte[] {type}), w.toByteArray());
    }
}
