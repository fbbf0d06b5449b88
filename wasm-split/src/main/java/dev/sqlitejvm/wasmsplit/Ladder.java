package dev.sqlitejvm.wasmsplit;

import java.util.ArrayList;
import java.util.List;

/**
 * A C {@code switch} as clang lays it out: N+1 nested plain blocks L0..LN with one {@code br_table}
 * in the innermost. Arm k (1..N) is the code after the end of L(k-1), inside Lk; a branch to Lj
 * (a {@code break} or {@code goto} in C) runs arm j+1, and an arm that does not end in a branch
 * falls into the next one.
 */
final class Ladder {
    /** Ladders with fewer arms are left alone. */
    static final int MIN_ARMS = 16;

    /** The {@code br_table}. */
    final int table;
    /** Openers of L0..LN. */
    final int[] level;

    /**
     * The same table with the blocks around LN as further levels, up to the first enclosing
     * construct that is not a block. clang puts some of a switch's goto labels there, outside the
     * ladder proper (a block with a result breaks the run of plain blocks).
     */
    Ladder withEnclosingBlocks(Code code) {
        List<Integer> levels = new ArrayList<>();
        for (int l : level) {
            levels.add(l);
        }
        for (int p = code.parent[level[arms()]]; p >= 0 && code.op[p] == Code.BLOCK; p = code.parent[p]) {
            levels.add(p);
        }
        return new Ladder(table, levels.stream().mapToInt(Integer::intValue).toArray());
    }

    private Ladder(int table, int[] level) {
        this.table = table;
        this.level = level;
    }

    /** The function's largest ladder by estimated size, or null if it has none. */
    static Ladder largest(Code code) {
        Ladder best = null;
        int bestSize = 0;
        for (int i = 0; i < code.size; i++) {
            if (code.op[i] == Code.BR_TABLE && code.tableLabels[i].length > MIN_ARMS) {
                Ladder ladder = at(code, i);
                if (ladder != null && ladder.size(code) > bestSize) {
                    best = ladder;
                    bestSize = ladder.size(code);
                }
            }
        }
        return best;
    }

    /** The ladder around the br_table at {@code t}, or null if it is not one. */
    private static Ladder at(Code code, int t) {
        int l0 = code.parent[t];
        if (l0 < 0 || !plainBlock(code, l0)) {
            return null;
        }
        List<Integer> levels = new ArrayList<>();
        levels.add(l0);
        int cur = l0;
        while (cur > 0 && code.parent[cur] == cur - 1 && plainBlock(code, cur - 1)) {
            cur--;
            levels.add(cur);
        }
        if (levels.size() <= MIN_ARMS) {
            return null;
        }
        // the table must lead into the ladder's arms, not mostly elsewhere
        int inLadder = 0;
        for (int label : code.tableLabels[t]) {
            if (label < levels.size()) {
                inLadder++;
            }
        }
        if (inLadder * 2 < code.tableLabels[t].length) {
            return null;
        }
        return new Ladder(t, levels.stream().mapToInt(Integer::intValue).toArray());
    }

    static boolean plainBlock(Code code, int i) {
        return code.op[i] == Code.BLOCK && code.imm[i] == -64;
    }

    /** N: the number of arms. */
    int arms() {
        return level.length - 1;
    }

    /** First instruction of arm k. */
    int armFrom(Code code, int k) {
        return code.match[level[k - 1]] + 1;
    }

    /** End (exclusive) of arm k: the end of Lk. */
    int armTo(Code code, int k) {
        return code.match[level[k]];
    }

    int size(Code code) {
        return Weights.sum(code, level[level.length - 1], code.match[level[level.length - 1]]);
    }
}
