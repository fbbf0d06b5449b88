package dev.sqlitejvm.wasmsplit;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a C {@code switch} compiled to a wasm block ladder so that its arms can be split into
 * groups that are each entered directly, instead of one function nested inside the next.
 *
 * <p>clang compiles a large switch (SQLite's VDBE loop, the parser's reduce actions) to N+1 nested
 * blocks L0..LN with the {@code br_table} in the innermost; arm k sits after the end of L(k-1),
 * inside Lk..LN. Cutting such a ladder into functions the ordinary way nests each chunk in the
 * next, so an arm deep in the ladder runs through every chunk above it. This pass regroups the
 * arms: the dispatch stores its operand in a new local {@code sel} and jumps to the group holding
 * the target arm; each group re-dispatches on {@code sel} with its own copy of the table. A branch
 * to an arm of a later group sets {@code sel} to {@code len + j} (table length plus the label) and
 * jumps to that group; falling out of a group continues the same way into the next. Each group is
 * then one statement the splitter can move into its own function.
 *
 * <p>A <em>forwarding arm</em> is a few straight-line instructions ending in a jump to an arm of
 * another group: clang makes one when an arm's code is shared, as {@code OP_AggStep1}'s with the
 * end of {@code OP_AggStep} in SQLite's VDBE (load one value, jump). Entered through the table, it
 * would run its group's function only to leave it again for the other group's. The table sends
 * its selectors straight to the destination group instead, which starts with a copy of the arm's
 * instructions and jumps to the destination within itself. The arm itself stays where it was, for
 * the code that falls into it.
 */
final class SwitchFlattener {
    /** Most instructions a forwarding arm may have before its jump (each is copied). */
    static final int MAX_FORWARDING_ARM = 8;

    private final Code code;
    private final int groupBudget;
    /** Forwarding arms whose selectors now go straight to their destination's group. */
    private int forwarded;

    private SwitchFlattener(Code code, int target) {
        this.code = code;
        this.groupBudget = target;
    }

    /** The function body with its largest ladder regrouped, or null if it has none worth it. */
    static byte[] flatten(WasmModule module, FuncType type, byte[] body, int target) {
        Code code = new Code(module, type, body);
        return new SwitchFlattener(code, target).run();
    }

    /** How many forwarding arms {@link #flatten} sends straight to their destination's group. */
    static int forwardedArms(WasmModule module, FuncType type, byte[] body, int target) {
        SwitchFlattener f = new SwitchFlattener(new Code(module, type, body), target);
        return f.run() == null ? 0 : f.forwarded;
    }

    private byte[] run() {
        Ladder ladder = Ladder.largest(code);
        if (ladder == null || ladder.size(code) <= groupBudget) {
            return null;
        }
        return rewrite(ladder.table, ladder.level);
    }

    private byte[] rewrite(int t, int[] level) {
        int n = level.length - 1; // levels L0..LN, arms 1..N
        int[] table = code.tableLabels[t];
        int len = table.length - 1; // entries before the default
        int tableCost = 20 + 5 * (len + n + 2);
        // group[k] for arm k (1..N); groups are runs of arms under the budget
        int[] armFrom = new int[n + 1];
        int[] armTo = new int[n + 1]; // exclusive: the end of Lk
        for (int k = 1; k <= n; k++) {
            armFrom[k] = code.match[level[k - 1]] + 1;
            armTo[k] = code.match[level[k]];
        }
        int[] group = new int[n + 2];
        List<int[]> groups = new ArrayList<>(); // {first arm, last arm}
        int first = 1;
        int size = tableCost;
        for (int k = 1; k <= n; k++) {
            int arm = Weights.sum(code, armFrom[k], armTo[k]);
            if (k > first && size + arm > groupBudget) {
                groups.add(new int[] {first, k - 1});
                first = k;
                size = tableCost;
            }
            size += arm;
            group[k] = groups.size() + 1;
        }
        groups.add(new int[] {first, n});
        int m = groups.size();
        if (m < 2) {
            return null;
        }
        // forwardTo[k]: the arm (j + 1) that arm k jumps to at its end, when its table entries go to j's group instead
        int[] forwardTo = new int[n + 1];
        List<List<Integer>> copies = new ArrayList<>(); // per group: the forwarding arms it starts with a copy of
        for (int g = 0; g <= m; g++) {
            copies.add(new ArrayList<>());
        }
        for (int k = 1; k <= n; k++) {
            int j = forwardingTarget(k, armFrom[k], armTo[k], n);
            if (j >= 0 && group[j + 1] != group[k] && entered(table, len, k)) {
                forwardTo[k] = j + 1;
                copies.get(group[j + 1]).add(k);
                forwarded++;
            }
        }
        int sel = code.localTypes.length;

        Leb.Writer w = new Leb.Writer();
        byte[] locals = java.util.Arrays.copyOfRange(code.localTypes, code.paramCount, code.localTypes.length + 1);
        locals[locals.length - 1] = 0x7F;
        Code.writeLocals(w, locals);
        int ln = level[n];
        copy(w, 0, ln);
        // block $after, then S_m .. S_1
        for (int b = 0; b <= m; b++) {
            w.u8(Code.BLOCK).u8(0x40);
        }
        // prefix: L0's body up to the table, as if in a group 0 with no G blocks
        if (!copyArmCode(w, level[0] + 1, t, 0, 0, 0, groups, group, len, n, m)) {
            return null;
        }
        w.u8(Code.LOCAL_SET).u32(sel);
        int fallback = table[len];
        if (fallback < n) {
            // out of range goes to the default arm: say so explicitly, as len + j means "arm j+1" to the groups
            w.u8(Code.LOCAL_GET).u32(sel).u8(0x41).s64(len).u8(0x4F) // i32.ge_u
                    .u8(Code.IF).u8(0x40).u8(0x41).s64(len + fallback).u8(Code.LOCAL_SET).u32(sel).u8(Code.END);
        }
        w.u8(Code.LOCAL_GET).u32(sel).u8(Code.BR_TABLE).u32(len);
        for (int e = 0; e <= len; e++) {
            int d = table[e];
            int arm = e < len && d < n && forwardTo[d + 1] > 0 ? forwardTo[d + 1] : d + 1; // the default is resolved above
            w.u32(d < n ? group[arm] - 1 : d == n ? m : m + 1 + (d - n - 1));
        }
        for (int g = 1; g <= m; g++) {
            w.u8(Code.END); // S_g: the code of group g follows
            int a = groups.get(g - 1)[0];
            int b = groups.get(g - 1)[1];
            for (int k = a; k <= b; k++) {
                w.u8(Code.BLOCK).u8(0x40); // G_b .. G_a
            }
            List<Integer> copied = copies.get(g);
            int r = copied.size();
            // one arm and no copies: every way in (the table, a jump, the group before) is to it, so no table
            if (a < b || r > 0) {
                w.u8(Code.BLOCK).u8(0x40); // G_(a-1): entry of arm a
                for (int c = 0; c < r; c++) {
                    w.u8(Code.BLOCK).u8(0x40); // X_r .. X_1: entries of the copied forwarding arms
                }
                w.u8(Code.BLOCK).u8(0x40); // U: a selector that is not ours traps
                w.u8(Code.LOCAL_GET).u32(sel).u8(Code.BR_TABLE).u32(len + n);
                for (int e = 0; e < len + n; e++) {
                    int j = e < len ? table[e] : e - len; // label Lj: start of arm j+1
                    int c = e < len && j < n ? copied.indexOf(j + 1) : -1;
                    w.u32(c >= 0 ? 1 + c : j >= a - 1 && j <= b - 1 ? 1 + r + j - (a - 1) : 0);
                }
                w.u32(0);
                w.u8(Code.END).u8(Code.UNREACHABLE); // U
                for (int c = 0; c < r; c++) {
                    int k = copied.get(c);
                    w.u8(Code.END); // X_(c+1): the copy, then the jump to its destination here
                    copy(w, armFrom[k], armTo[k] - 1);
                    w.u8(Code.BR).u32(r - 1 - c + forwardTo[k] - a);
                }
                w.u8(Code.END); // G_(a-1)
            }
            for (int k = a; k <= b; k++) {
                if (!copyArmCode(w, armFrom[k], armTo[k], k, g, b, groups, group, len, n, m)) {
                    return null;
                }
                w.u8(Code.END); // G_k
            }
            if (g < m) {
                w.u8(0x41).s64(len + b).u8(Code.LOCAL_SET).u32(sel);
            }
        }
        w.u8(Code.END); // $after
        copy(w, code.match[ln] + 1, code.size);
        return w.toByteArray();
    }

    /**
     * For an arm [from, to) of straight-line instructions ending in {@code br} to a later arm's
     * label Lj: j; otherwise -1.
     */
    private int forwardingTarget(int k, int from, int to, int n) {
        if (to - from < 1 || to - from > MAX_FORWARDING_ARM + 1 || code.op[to - 1] != Code.BR) {
            return -1;
        }
        for (int i = from; i < to - 1; i++) {
            if (code.isConstruct(i) || code.op[i] == Code.ELSE || code.op[i] == Code.END || code.op[i] == Code.BR_IF
                    || code.isTerminal(i)) {
                return -1;
            }
        }
        int j = k + code.imm[to - 1];
        return j >= k && j < n ? j : -1;
    }

    /** Whether some selector of the table (not the default) goes to arm k. */
    private static boolean entered(int[] table, int len, int k) {
        for (int e = 0; e < len; e++) {
            if (table[e] == k - 1) {
                return true;
            }
        }
        return false;
    }

    private void copy(Leb.Writer w, int from, int to) {
        if (from < to) {
            w.bytes(code.body, code.start[from], code.end[to - 1]);
        }
    }

    /**
     * Copies arm k's code (k = 0: the prefix before the table) of group g (last arm b) with branch
     * depths fixed for the new nesting; false if a br_table would need to cross groups.
     */
    private boolean copyArmCode(Leb.Writer w, int from, int to, int k, int g, int b, List<int[]> groups, int[] group,
            int len, int n, int m) {
        int gBlocks = k == 0 ? 0 : b - k + 1;
        int inner = 0;
        for (int i = from; i < to; i++) {
            int o = code.op[i];
            switch (o) {
                case Code.BLOCK, Code.LOOP, Code.IF -> {
                    inner++;
                    raw(w, i);
                }
                case Code.END -> {
                    inner--;
                    raw(w, i);
                }
                case Code.BR, Code.BR_IF -> {
                    int d = code.imm[i];
                    if (d < inner) {
                        raw(w, i);
                        break;
                    }
                    int j = k + (d - inner); // label Lj, or beyond the ladder
                    if (k > 0 && j <= b) {
                        raw(w, i);
                    } else if (j < n) {
                        // into arm j+1 of a later group: set the selector, jump to the group
                        int depth = inner + gBlocks + (group[j + 1] - g - 1);
                        if (o == Code.BR) {
                            w.u8(0x41).s64(len + j).u8(Code.LOCAL_SET).u32(code.localTypes.length).u8(Code.BR).u32(depth);
                        } else {
                            w.u8(Code.IF).u8(0x40).u8(0x41).s64(len + j).u8(Code.LOCAL_SET).u32(code.localTypes.length)
                                    .u8(Code.BR).u32(depth + 1).u8(Code.END);
                        }
                    } else {
                        w.u8(o).u32(inner + gBlocks + (m - g) + (j - n));
                    }
                }
                case Code.BR_TABLE -> {
                    int[] labels = code.tableLabels[i];
                    w.u8(o).u32(labels.length - 1);
                    for (int d : labels) {
                        if (d < inner) {
                            w.u32(d);
                            continue;
                        }
                        int j = k + (d - inner);
                        if (k > 0 && j <= b) {
                            w.u32(d);
                        } else if (j < n) {
                            return false;
                        } else {
                            w.u32(inner + gBlocks + (m - g) + (j - n));
                        }
                    }
                }
                default -> raw(w, i);
            }
        }
        return true;
    }

    private void raw(Leb.Writer w, int i) {
        w.bytes(code.body, code.start[i], code.end[i]);
    }
}
