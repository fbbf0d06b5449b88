package dev.sqlitejvm.wasmsplit;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Chooses regions of one oversized function: bottom-up, a body whose statements together exceed the
 * target is cut into runs of consecutive statements, each under the target, that become functions.
 * A statement too large by itself is first reduced inside (its blocks' bodies), so the VDBE's
 * switch arms and the parser's reduce actions end up as functions of their own.
 */
final class FunctionSplitter {
    /** JVM slots the new function's parameters may take (the JVM allows 255; Memory and Instance take two). */
    static final int MAX_PARAM_SLOTS = 200;
    /** Locals a region may hand back (each takes an 8-byte slot of the out area). */
    static final int MAX_OUTS = 128;
    /** Runs smaller than this (or half the target) stay where they are: the call would cost more than it saves. */
    static final int MIN_REGION = 64;

    private final WasmModule module;
    private final FuncType type;
    final Code code;
    final Liveness liveness;
    private final int target;
    private final int[] weight;
    final List<Region> regions = new ArrayList<>();
    /** The outermost region starting at each instruction (nested regions never share a start). */
    private final Region[] regionAt;

    FunctionSplitter(WasmModule module, int function, int target) {
        this.module = module;
        this.type = module.typeOfFunction(function);
        this.code = new Code(module, type, module.bodies.get(function - module.importedFunctions));
        this.liveness = new Liveness(code);
        this.target = target;
        this.weight = new int[code.size];
        this.regionAt = new Region[code.size];
        for (int i = 0; i < code.size; i++) {
            weight[i] = Weights.of(code, i);
        }
    }

    /** Estimated bytecode of [from, to), counting regions already chosen as their call sites. */
    int estimate(int from, int to) {
        int sum = 0;
        int i = from;
        while (i < to) {
            Region r = regionAt[i];
            if (r != null && r.to <= to) {
                sum += r.stubSize();
                i = r.to;
            } else {
                sum += weight[i++];
            }
        }
        return sum;
    }

    /**
     * Chooses regions until the function's estimate is under the target (where structure allows).
     * The first pass keeps every body under the target; bodies nested along one path can still add
     * up to more, so later passes cut with halved targets, treating regions already chosen as
     * their call sites.
     */
    void split() {
        int t = target;
        reduce(0, code.size - 1, 0, t);
        for (int pass = 0; pass < 4 && estimate(0, code.size) > target && t > 2 * MIN_REGION; pass++) {
            t /= 2;
            reduce(0, code.size - 1, 0, t);
        }
    }

    /** A statement: [from, to) at one nesting level, starting and ending with an empty operand stack. */
    private record Statement(int from, int to, boolean outlinable, boolean endsUnreachable) {}

    private List<Statement> statements(int from, int to, int startHeight) {
        List<Statement> list = new ArrayList<>();
        int s = from;
        boolean sOk = startHeight == 0;
        int h = startHeight;
        boolean reachable = true;
        int i = from;
        while (i < to) {
            if (i > s && reachable && h == 0) {
                list.add(new Statement(s, i, sOk, false));
                s = i;
                sOk = true;
            }
            h += code.pushes[i] - code.pops[i];
            if (code.isConstruct(i)) {
                i = code.match[i] + 1;
            } else {
                if (code.isTerminal(i)) {
                    reachable = false;
                }
                i++;
            }
        }
        if (s < to) {
            list.add(new Statement(s, to, sOk && (!reachable || h == 0), !reachable));
        }
        return list;
    }

    /** Reduces the body [from, to) (to is its closing end or else); returns its estimated size after. */
    private int reduce(int from, int to, int startHeight, int t) {
        List<Statement> stmts = statements(from, to, startHeight);
        int[] size = new int[stmts.size()];
        boolean[] covered = new boolean[stmts.size()];
        int coveredUntil = -1;
        int total = 0;
        for (int k = 0; k < size.length; k++) {
            Statement s = stmts.get(k);
            Region r = regionAt[s.from];
            if (s.from < coveredUntil) {
                covered[k] = true; // inside a region of several statements chosen earlier
            } else if (r != null && r.to > s.to) {
                covered[k] = true;
                coveredUntil = r.to;
                size[k] = r.stubSize();
            } else {
                size[k] = estimate(s.from, s.to);
                if (size[k] > t && (r == null || r.to != s.to)) {
                    size[k] = reduceInside(s, t);
                }
            }
            total += size[k];
        }
        if (total <= t) {
            return total;
        }
        int runStart = -1;
        int runSize = 0;
        for (int k = 0; k <= size.length; k++) {
            boolean fits = k < size.length && !covered[k] && stmts.get(k).outlinable && size[k] <= t;
            if (runStart >= 0 && (!fits || runSize + size[k] > t)) {
                total -= outline(stmts.get(runStart).from, stmts.get(k - 1).to, stmts.get(k - 1).endsUnreachable, runSize, t);
                runStart = -1;
                runSize = 0;
            }
            if (fits) {
                if (runStart < 0) {
                    runStart = k;
                }
                runSize += size[k];
            }
        }
        return total;
    }

    private int reduceInside(Statement s, int t) {
        int i = s.from;
        while (i < s.to) {
            if (regionAt[i] != null && regionAt[i].to <= s.to) {
                i = regionAt[i].to;
            } else if (code.isConstruct(i)) {
                int params = code.pops[i] - (code.op[i] == Code.IF ? 1 : 0);
                int end = code.match[i];
                int elseAt = code.elseAt[i];
                int thenEnd = elseAt >= 0 ? elseAt : end;
                reduce(i + 1, thenEnd, params, t);
                if (elseAt >= 0) {
                    reduce(elseAt + 1, end, params, t);
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return estimate(s.from, s.to);
    }

    /** Records [from, to) as a region if it can be one; returns the bytes saved (0 if not). */
    private int outline(int from, int to, boolean endsUnreachable, int size, int t) {
        if (size < Math.min(MIN_REGION, t / 2) || (regionAt[from] != null && regionAt[from].to == to)) {
            return 0;
        }
        Region r = analyse(from, to, endsUnreachable, size);
        if (r == null) {
            return 0;
        }
        regions.add(r);
        regionAt[from] = r;
        return size - r.stubSize();
    }

    /** Exits, live-ins and outs of [from, to), or null when it cannot be a function. */
    Region analyse(int from, int to, boolean endsUnreachable, int size) {
        List<Integer> exits = new ArrayList<>();
        boolean hasReturn = false;
        BitSet referenced = new BitSet();
        BitSet written = new BitSet();
        int inside = 0;
        for (int i = from; i < to; i++) {
            int o = code.op[i];
            switch (o) {
                case Code.BLOCK, Code.LOOP, Code.IF -> inside++;
                case Code.END -> inside--;
                case Code.LOCAL_GET -> referenced.set(code.imm[i]);
                case Code.LOCAL_SET, Code.LOCAL_TEE -> {
                    referenced.set(code.imm[i]);
                    written.set(code.imm[i]);
                }
                case Code.RETURN -> hasReturn = true;
                case Code.BR, Code.BR_IF -> exit(code.imm[i], inside, exits);
                case Code.BR_TABLE -> {
                    int external = 0;
                    for (int label : code.tableLabels[i]) {
                        exit(label, inside, exits);
                        external += label >= inside ? 1 : 0;
                    }
                    if (external > Ladder.MIN_ARMS) {
                        return null; // a switch's dispatch stays with its arms' call sites
                    }
                }
                default -> { }
            }
        }
        if (hasReturn && type.results().length > 1) {
            return null;
        }
        // Locals live where control leaves the region.
        List<Integer> targets = new ArrayList<>();
        if (!endsUnreachable) {
            targets.add(to);
        }
        for (int e : exits) {
            int owner = code.labelOwner(from, e);
            if (labelArity(owner) != 0) {
                return null; // the branch would carry values out of the region
            }
            targets.add(liveness.branchTarget(owner));
        }
        List<Integer> liveIn = new ArrayList<>();
        List<Integer> outs = new ArrayList<>();
        int slots = 0;
        for (int l = referenced.nextSetBit(0); l >= 0; l = referenced.nextSetBit(l + 1)) {
            if (liveness.isLiveBefore(from, l)) {
                liveIn.add(l);
                byte t = code.localTypes[l];
                slots += t == 0x7E || t == 0x7C ? 2 : 1;
            }
            if (written.get(l)) {
                for (int t : targets) {
                    if (liveness.isLiveBefore(t, l)) {
                        outs.add(l);
                        break;
                    }
                }
            }
        }
        if (slots > MAX_PARAM_SLOTS || outs.size() > MAX_OUTS) {
            return null;
        }
        int[] exitArray = new int[exits.size() + (hasReturn ? 1 : 0)];
        for (int k = 0; k < exits.size(); k++) {
            exitArray[k] = exits.get(k);
        }
        if (hasReturn) {
            exitArray[exitArray.length - 1] = Region.RETURN_EXIT;
        }
        return new Region(from, to, endsUnreachable, exitArray, ints(liveIn), ints(outs), referenced.stream().toArray(), size);
    }

    /** Values a branch to the construct's label carries (-1: the function body). */
    private int labelArity(int owner) {
        if (owner < 0) {
            return type.results().length;
        }
        if (code.op[owner] == Code.LOOP) {
            return code.pops[owner];
        }
        return code.pushes[owner];
    }

    /** Notes the label of a branch {@code inside} constructs deep if it leaves the region. */
    private static void exit(int label, int inside, List<Integer> exits) {
        if (label >= inside && !exits.contains(label - inside)) {
            exits.add(label - inside);
        }
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
