package dev.sqlitejvm.wasmsplit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Moves the arms of a switch ladder that only one table-entered arm reaches into that arm.
 *
 * <p>The labels a C {@code case} jumps to with {@code goto} (in SQLite's VDBE, the ones inside
 * {@code OP_Column} and {@code OP_AggStep}) become arms of the ladder that the table never
 * enters: clang lays them out after the last {@code case}, far from the arm that uses them. The
 * regrouping then puts them in other groups and the splitter cuts each into a function of its
 * own, so reading one column ran through seven functions. An arm u that the table does not enter
 * belongs to arm a when every branch to u (and the arm that falls into u) comes from a or from
 * another arm that belongs to a; such arms move, in ladder order, into a nest of blocks around
 * a's code:
 *
 * <pre>
 *   block Y
 *     block B(u_s) ... block B(u_1)
 *       a's code, its branches to L(u-1) now to B(u); br Y
 *     end  u_1's code
 *     ...
 *   end    u_s's code
 *   end Y  (falls into arm a+1, as a did)
 * </pre>
 *
 * A moved arm that fell into an arm that did not move now jumps to it. Its old place becomes
 * {@code unreachable}: nothing can reach it any more. Every other branch keeps its target, with
 * its depth counted again.
 */
final class TailAbsorption {
    private final Code code;
    /** The ladder with the blocks around it as further levels. */
    private final Ladder ladder;
    private final int n;
    /** Most estimated bytes an arm may grow to by taking in the arms it owns. */
    private final int limit;
    /** owner[u]: the arm that arm u moves into, or 0. */
    private final int[] owner;

    private TailAbsorption(Code code, Ladder ladder, int limit) {
        this.code = code;
        this.limit = limit;
        this.ladder = ladder.withEnclosingBlocks(code);
        this.n = this.ladder.arms();
        this.owner = owners();
    }

    /** The body with its largest ladder's owned arms moved into their owners, or null if none moves. */
    static byte[] absorb(WasmModule module, FuncType type, byte[] body, int limit) {
        TailAbsorption t = of(module, type, body, limit);
        return t == null || t.moved() == 0 ? null : t.rewrite();
    }

    /** How many arms {@link #absorb} moves. */
    static int movedArms(WasmModule module, FuncType type, byte[] body, int limit) {
        TailAbsorption t = of(module, type, body, limit);
        return t == null ? 0 : t.moved();
    }

    /** The pass over the function's largest ladder, or null if it has none. */
    private static TailAbsorption of(WasmModule module, FuncType type, byte[] body, int limit) {
        Code code = new Code(module, type, body);
        Ladder ladder = Ladder.largest(code);
        return ladder == null ? null : new TailAbsorption(code, ladder, limit);
    }

    private int moved() {
        int moved = 0;
        for (int o : owner) {
            moved += o != 0 ? 1 : 0;
        }
        return moved;
    }

    /** For each arm u, the single arm it belongs to, or 0. */
    private int[] owners() {
        // from[u]: the arms that branch to L(u-1) or fall into u; other: arms reached from code outside any arm
        List<BitSet> from = new ArrayList<>();
        BitSet entered = new BitSet();
        BitSet other = new BitSet();
        for (int u = 0; u <= n + 1; u++) {
            from.add(new BitSet());
        }
        int[] table = code.tableLabels[ladder.table];
        for (int label : table) {
            if (label < n) {
                entered.set(label + 1);
            }
        }
        // k = 0: the dispatch before the table; k < 0: the code in level -k before the level it encloses
        for (int k = -n; k <= n; k++) {
            int a = k == 0 ? level(0) + 1 : k < 0 ? level(-k) + 1 : armFrom(k);
            int b = k == 0 ? ladder.table : k < 0 ? level(-k - 1) : armTo(k);
            int at = Math.abs(k);
            int inner = 0;
            for (int i = a; i < b; i++) {
                int o = code.op[i];
                if (o == Code.BLOCK || o == Code.LOOP || o == Code.IF) {
                    inner++;
                } else if (o == Code.END) {
                    inner--;
                } else if (o == Code.BR || o == Code.BR_IF || o == Code.BR_TABLE) {
                    int[] labels = o == Code.BR_TABLE ? code.tableLabels[i] : new int[] {code.imm[i]};
                    for (int d : labels) {
                        int j = at + d - inner; // Lj
                        if (d >= inner && j < n) {
                            if (k > 0) {
                                from.get(j + 1).set(k);
                            } else {
                                other.set(j + 1);
                            }
                        }
                    }
                }
            }
            if (k > 0 && k < n && fallsThrough(k)) {
                from.get(k + 1).set(k);
            }
        }
        // the prefix falls into arm 1 after the table only by a branch, which is counted above
        int[] owner = new int[n + 1];
        for (int a = 1; a <= n; a++) {
            if (!entered.get(a) || !movable(a)) {
                continue;
            }
            // arms reachable from a through arms the table does not enter
            BitSet s = new BitSet();
            for (int u = a + 1; u <= n; u++) {
                if (!entered.get(u) && !other.get(u) && owner[u] == 0 && movable(u)) {
                    BitSet f = from.get(u);
                    if (f.get(a) || f.intersects(s)) {
                        s.set(u);
                    }
                }
            }
            // keep those reached from nowhere else (the referrers are earlier arms, so one pass in order)
            BitSet keep = new BitSet();
            int budget = limit - Weights.sum(code, armFrom(a), armTo(a));
            for (int u = s.nextSetBit(0); u >= 0; u = s.nextSetBit(u + 1)) {
                BitSet f = (BitSet) from.get(u).clone();
                f.clear(a);
                f.andNot(keep);
                int size = Weights.sum(code, armFrom(u), armTo(u));
                if (f.isEmpty() && size <= budget) {
                    keep.set(u);
                    budget -= size;
                }
            }
            for (int u = keep.nextSetBit(0); u >= 0; u = keep.nextSetBit(u + 1)) {
                owner[u] = a;
            }
        }
        return owner;
    }

    /**
     * Whether arm k's code is a run of statements that can be wrapped in plain blocks: it starts
     * with an empty operand stack (L(k-1) is plain and opens Lk's body) and leaves nothing (Lk is plain).
     */
    private boolean movable(int k) {
        return Ladder.plainBlock(code, level(k - 1)) && Ladder.plainBlock(code, level(k)) && level(k - 1) == level(k) + 1;
    }

    private int level(int k) {
        return ladder.level[k];
    }

    private int armFrom(int k) {
        return ladder.armFrom(code, k);
    }

    private int armTo(int k) {
        return ladder.armTo(code, k);
    }

    /** Whether arm k can end by running off its end (into arm k+1). */
    private boolean fallsThrough(int k) {
        int from = armFrom(k);
        int to = armTo(k);
        return from == to || !code.isTerminal(to - 1);
    }

    private byte[] rewrite() {
        Leb.Writer w = new Leb.Writer();
        w.bytes(java.util.Arrays.copyOfRange(code.body, 0, code.codeStart));
        copy(w, 0, armFrom(1));
        for (int k = 1; k <= n; k++) {
            if (owner[k] != 0) {
                w.u8(Code.UNREACHABLE);
            } else {
                List<Integer> moved = new ArrayList<>();
                for (int u = k + 1; u <= n; u++) {
                    if (owner[u] == k) {
                        moved.add(u);
                    }
                }
                if (moved.isEmpty()) {
                    copy(w, armFrom(k), armTo(k));
                } else {
                    writeNest(w, k, moved);
                }
            }
            w.bytes(code.body, code.start[armTo(k)], code.end[armTo(k)]); // end of Lk
        }
        copy(w, armTo(n) + 1, code.size);
        return w.toByteArray();
    }

    /** Arm a's code and the arms that move into it, as in the class comment. */
    private void writeNest(Leb.Writer w, int a, List<Integer> moved) {
        int s = moved.size();
        for (int b = 0; b <= s; b++) {
            w.u8(Code.BLOCK).u8(0x40); // Y, then B(u_s) .. B(u_1)
        }
        for (int i = -1; i < s; i++) {
            int k = i < 0 ? a : moved.get(i);
            if (i >= 0) {
                w.u8(Code.END); // B(u_i+1)
            }
            copyMoved(w, a, k, i, moved);
            if (fallsThrough(k)) {
                boolean next = i + 1 < s && moved.get(i + 1) == k + 1;
                if (!next) {
                    // a into a+1 through Y; a moved arm into its old successor, which stays where it was
                    w.u8(Code.BR).u32(k == a ? s : depth(0, i, moved, k, a));
                }
            }
        }
        w.u8(Code.END); // Y
    }

    /**
     * Copies arm k's code, now after the end of B(moved[i]) (i = -1: arm a's, inside all the B
     * blocks), with branch depths counted again.
     */
    private void copyMoved(Leb.Writer w, int a, int k, int i, List<Integer> moved) {
        int from = armFrom(k);
        int to = armTo(k);
        int inner = 0;
        for (int p = from; p < to; p++) {
            int o = code.op[p];
            switch (o) {
                case Code.BLOCK, Code.LOOP, Code.IF -> {
                    inner++;
                    raw(w, p);
                }
                case Code.END -> {
                    inner--;
                    raw(w, p);
                }
                case Code.BR, Code.BR_IF -> {
                    int d = code.imm[p];
                    w.u8(o).u32(d < inner ? d : inner + depth(d - inner, i, moved, k, a));
                }
                case Code.BR_TABLE -> {
                    int[] labels = code.tableLabels[p];
                    w.u8(o).u32(labels.length - 1);
                    for (int d : labels) {
                        w.u32(d < inner ? d : inner + depth(d - inner, i, moved, k, a));
                    }
                }
                default -> raw(w, p);
            }
        }
    }

    /**
     * The new depth, from the top level of arm k's moved code, of what was depth {@code o} there
     * (0 = Lk). Arm k sits after the end of B(moved[i]): inside B(moved[i+1]) .. B(moved[s-1]), Y,
     * then La .. LN and what encloses the ladder.
     */
    private int depth(int o, int i, List<Integer> moved, int k, int a) {
        int s = moved.size();
        int j = k + o; // Lj, or beyond the ladder
        int at = moved.indexOf(j + 1);
        if (j < n && at >= 0) {
            return at - i - 1;
        }
        return (s - i - 1) + 1 + (j - a);
    }

    private void copy(Leb.Writer w, int from, int to) {
        if (from < to) {
            w.bytes(code.body, code.start[from], code.end[to - 1]);
        }
    }

    private void raw(Leb.Writer w, int i) {
        w.bytes(code.body, code.start[i], code.end[i]);
    }
}
