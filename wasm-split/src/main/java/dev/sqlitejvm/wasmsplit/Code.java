package dev.sqlitejvm.wasmsplit;

import java.util.Arrays;

/**
 * One function body decoded into a flat instruction list with, for each instruction, its byte range,
 * immediate, matching construct and stack effect. Enough to find statement boundaries, compute
 * liveness and re-emit the code with locals and branch depths renumbered.
 */
final class Code {
    static final int BLOCK = 0x02, LOOP = 0x03, IF = 0x04, ELSE = 0x05, END = 0x0B, BR = 0x0C, BR_IF = 0x0D,
            BR_TABLE = 0x0E, RETURN = 0x0F, UNREACHABLE = 0x00, CALL = 0x10, CALL_INDIRECT = 0x11,
            LOCAL_GET = 0x20, LOCAL_SET = 0x21, LOCAL_TEE = 0x22, GLOBAL_GET = 0x23, GLOBAL_SET = 0x24;

    final byte[] body;
    /** Value types of params then declared locals. */
    final byte[] localTypes;
    final int paramCount;
    /** Where the instructions start in {@link #body} (after the local declarations). */
    final int codeStart;
    final int size;
    final int[] op;
    final int[] start;
    final int[] end;
    /** Local, global, function or label index; for constructs the block type (-64 empty, -1..-4 a value type, >= 0 a type index). */
    final int[] imm;
    /** For block/loop/if: index of the matching end; for else: the end; for end: the opener (-1 for the function's end). */
    final int[] match;
    /** For if: index of its else, or -1. */
    final int[] elseAt;
    /** Innermost construct enclosing each instruction (-1: the function body); else and end belong to their construct. */
    final int[] parent;
    final int[][] tableLabels;
    /** Values taken from and pushed on the operand stack (for constructs: block-type params (+1 for if) and results). */
    final int[] pops;
    final int[] pushes;

    Code(WasmModule module, FuncType type, byte[] body) {
        this.body = body;
        Leb.Reader r = new Leb.Reader(body, 0, body.length);
        byte[] locals = type.params().clone();
        int count = locals.length;
        for (int groups = r.u32(); groups > 0; groups--) {
            int n = r.u32();
            byte t = (byte) r.u8();
            if ((long) count + n > 50_000) {
                throw new WasmFormatException("too many locals");
            }
            locals = Arrays.copyOf(locals, count + n);
            Arrays.fill(locals, count, count + n, t);
            count += n;
        }
        this.localTypes = locals;
        this.paramCount = type.params().length;
        this.codeStart = r.pos;

        int cap = Math.max(16, body.length / 2);
        int[] op = new int[cap], start = new int[cap], end = new int[cap], imm = new int[cap];
        int[] match = new int[cap], elseAt = new int[cap], pops = new int[cap], pushes = new int[cap], parent = new int[cap];
        int[][] tables = new int[cap][];
        int[] open = new int[64];
        int depth = 0;
        int n = 0;
        while (r.more()) {
            if (n == cap) {
                cap *= 2;
                op = Arrays.copyOf(op, cap);
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
                imm = Arrays.copyOf(imm, cap);
                match = Arrays.copyOf(match, cap);
                elseAt = Arrays.copyOf(elseAt, cap);
                parent = Arrays.copyOf(parent, cap);
                pops = Arrays.copyOf(pops, cap);
                pushes = Arrays.copyOf(pushes, cap);
                tables = Arrays.copyOf(tables, cap);
            }
            start[n] = r.pos;
            int o = r.u8();
            // before this instruction opens or closes anything: else/end get the construct they
            // continue or close, a construct gets the one around it
            parent[n] = depth == 0 ? -1 : open[depth - 1];
            elseAt[n] = -1;
            match[n] = -1;
            switch (o) {
                case UNREACHABLE, 0x01, RETURN -> { }
                case BLOCK, LOOP, IF -> {
                    imm[n] = blockType(r);
                    int[] sig = blockArity(module, imm[n]);
                    pops[n] = sig[0] + (o == IF ? 1 : 0);
                    pushes[n] = sig[1];
                    if (depth == open.length) {
                        open = Arrays.copyOf(open, depth * 2);
                    }
                    open[depth++] = n;
                }
                case ELSE -> {
                    int opener = open[depth - 1];
                    elseAt[opener] = n;
                    match[n] = opener; // fixed to the end below
                }
                case END -> {
                    if (depth == 0) {
                        match[n] = -1;
                    } else {
                        int opener = open[--depth];
                        match[n] = opener;
                        match[opener] = n;
                        if (elseAt[opener] >= 0) {
                            match[elseAt[opener]] = n;
                        }
                    }
                }
                case BR -> imm[n] = r.u32();
                case BR_IF -> {
                    imm[n] = r.u32();
                    pops[n] = 1;
                }
                case BR_TABLE -> {
                    int[] labels = new int[r.u32() + 1];
                    for (int i = 0; i < labels.length; i++) {
                        labels[i] = r.u32();
                    }
                    tables[n] = labels;
                    pops[n] = 1;
                }
                case CALL -> {
                    imm[n] = r.u32();
                    FuncType t = module.typeOfFunction(imm[n]);
                    pops[n] = t.params().length;
                    pushes[n] = t.results().length;
                }
                case CALL_INDIRECT -> {
                    imm[n] = r.u32();
                    r.u32();
                    FuncType t = module.types.get(imm[n]);
                    pops[n] = t.params().length + 1;
                    pushes[n] = t.results().length;
                }
                case 0x1A -> pops[n] = 1; // drop
                case 0x1B -> effect(pops, pushes, n, 3, 1); // select
                case 0x1C -> { // typed select
                    r.skip(r.u32());
                    effect(pops, pushes, n, 3, 1);
                }
                case LOCAL_GET, GLOBAL_GET -> {
                    imm[n] = r.u32();
                    pushes[n] = 1;
                }
                case LOCAL_SET, GLOBAL_SET -> {
                    imm[n] = r.u32();
                    pops[n] = 1;
                }
                case LOCAL_TEE -> {
                    imm[n] = r.u32();
                    effect(pops, pushes, n, 1, 1);
                }
                case 0x25 -> { // table.get
                    r.u32();
                    effect(pops, pushes, n, 1, 1);
                }
                case 0x26 -> { // table.set
                    r.u32();
                    pops[n] = 2;
                }
                case 0x3F -> { // memory.size
                    r.u8();
                    pushes[n] = 1;
                }
                case 0x40 -> { // memory.grow
                    r.u8();
                    effect(pops, pushes, n, 1, 1);
                }
                case 0x41, 0x42 -> {
                    r.s64();
                    pushes[n] = 1;
                }
                case 0x43 -> {
                    r.skip(4);
                    pushes[n] = 1;
                }
                case 0x44 -> {
                    r.skip(8);
                    pushes[n] = 1;
                }
                case 0xD0 -> { // ref.null
                    r.u8();
                    pushes[n] = 1;
                }
                case 0xD1 -> effect(pops, pushes, n, 1, 1);
                case 0xD2 -> {
                    r.u32();
                    pushes[n] = 1;
                }
                case 0xFC -> {
                    int sub = r.u32();
                    o = 0xFC00 | sub;
                    switch (sub) {
                        case 0, 1, 2, 3, 4, 5, 6, 7 -> effect(pops, pushes, n, 1, 1);
                        case 8 -> { // memory.init
                            r.u32();
                            r.u8();
                            pops[n] = 3;
                        }
                        case 9, 13 -> r.u32(); // data.drop, elem.drop
                        case 10 -> { // memory.copy
                            r.u8();
                            r.u8();
                            pops[n] = 3;
                        }
                        case 11 -> { // memory.fill
                            r.u8();
                            pops[n] = 3;
                        }
                        case 12, 14 -> { // table.init, table.copy
                            r.u32();
                            r.u32();
                            pops[n] = 3;
                        }
                        case 15 -> { // table.grow
                            r.u32();
                            effect(pops, pushes, n, 2, 1);
                        }
                        case 16 -> { // table.size
                            r.u32();
                            pushes[n] = 1;
                        }
                        case 17 -> { // table.fill
                            r.u32();
                            pops[n] = 3;
                        }
                        default -> throw new WasmFormatException("unsupported opcode 0xFC " + sub);
                    }
                }
                default -> {
                    if (o >= 0x28 && o <= 0x35) { // loads
                        r.u32();
                        r.u32();
                        effect(pops, pushes, n, 1, 1);
                    } else if (o >= 0x36 && o <= 0x3E) { // stores
                        r.u32();
                        r.u32();
                        pops[n] = 2;
                    } else if (o >= 0x45 && o <= 0xC4) {
                        boolean unary = o == 0x45 || o == 0x50 || (o >= 0x67 && o <= 0x69) || (o >= 0x79 && o <= 0x7B)
                                || (o >= 0x8B && o <= 0x91) || (o >= 0x99 && o <= 0x9F) || o >= 0xA7;
                        effect(pops, pushes, n, unary ? 1 : 2, 1);
                    } else {
                        throw new WasmFormatException("unsupported opcode 0x" + Integer.toHexString(o));
                    }
                }
            }
            op[n] = o;
            end[n] = r.pos;
            n++;
        }
        if (depth != 0 || n == 0 || op[n - 1] != END) {
            throw new WasmFormatException("unbalanced function body");
        }
        this.size = n;
        this.op = op;
        this.start = start;
        this.end = end;
        this.imm = imm;
        this.match = match;
        this.elseAt = elseAt;
        this.parent = parent;
        this.tableLabels = tables;
        this.pops = pops;
        this.pushes = pushes;
    }

    private static void effect(int[] pops, int[] pushes, int n, int pop, int push) {
        pops[n] = pop;
        pushes[n] = push;
    }

    private static int blockType(Leb.Reader r) {
        long t = r.s64();
        return (int) t;
    }

    /** {params, results} of a block type. */
    static int[] blockArity(WasmModule module, int blockType) {
        if (blockType == -64) {
            return new int[] {0, 0};
        }
        if (blockType < 0) {
            return new int[] {0, 1};
        }
        FuncType t = module.types.get(blockType);
        return new int[] {t.params().length, t.results().length};
    }

    /** Writes a local declaration list: runs of equal types as (count, type) groups. */
    static void writeLocals(Leb.Writer w, byte[] types) {
        int groups = 0;
        for (int i = 0; i < types.length; i++) {
            if (i == 0 || types[i] != types[i - 1]) {
                groups++;
            }
        }
        w.u32(groups);
        int i = 0;
        while (i < types.length) {
            int j = i;
            while (j < types.length && types[j] == types[i]) {
                j++;
            }
            w.u32(j - i).u8(types[i]);
            i = j;
        }
    }

    /** The construct a branch at {@code at} with label {@code depth} targets, or -1 for the function body. */
    int labelOwner(int at, int depth) {
        int c = parent[at];
        for (int d = 0; d < depth && c >= 0; d++) {
            c = parent[c];
        }
        return c;
    }

    boolean isConstruct(int i) {
        return op[i] == BLOCK || op[i] == LOOP || op[i] == IF;
    }

    /** An instruction after which the rest of its block is unreachable. */
    boolean isTerminal(int i) {
        return op[i] == BR || op[i] == BR_TABLE || op[i] == RETURN || op[i] == UNREACHABLE;
    }
}
