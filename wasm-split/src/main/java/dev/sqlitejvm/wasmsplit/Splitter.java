package dev.sqlitejvm.wasmsplit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a wasm module so that no function is larger than a target size in estimated JVM
 * bytecode: regions of oversized functions move into new functions appended to the module.
 *
 * <p>The call site passes the region's live-in locals as arguments and gets back an exit code
 * (0: fell off the end; k: left through its k-th external branch or a {@code return}) and the
 * locals it wrote that are live afterwards, through an out area: a few bytes taken off the top of
 * the C stack, or mutable globals when the module has no recognisable stack pointer. Memory is
 * preferred because Chicory compiles loads and stores to small inlinable calls while each global
 * access goes through the instance's import table. Either is safe with re-entrant calls: it is
 * written just before the region's function returns and read just after, with no code between.
 */
public final class Splitter {
    /** One split function, for the build report. */
    public record Split(int function, int estimatedBefore, int estimatedAfter, List<int[]> regions) {}

    private final WasmModule module;
    private final int target;
    private final Map<Integer, Integer> outGlobals = new HashMap<>();
    private final Map<Byte, Integer> returnGlobals = new HashMap<>();
    private final List<Split> splits = new ArrayList<>();
    /** Base address of the out area in linear memory, or -1 to use globals. */
    private final int outArea;

    /** Bytes of out area: 8 per slot. */
    static final int OUT_AREA_BYTES = 8 * FunctionSplitter.MAX_OUTS;
    /** Bytes of all the cells: the out area, then the stack pointer's cell. */
    private static final int CELL_BYTES = OUT_AREA_BYTES + CellAccesses.STACK_POINTER_CELL_BYTES;
    /**
     * An arm takes in the arms it alone reaches ({@link TailAbsorption}) up to this share of the
     * target: 1/2. Measured on SQLite's VDBE, a whole {@code OP_Column} (5,000 estimated bytes) in
     * one function took more instructions per scan than seven functions did, because C2's inlining
     * budget per compilation ran out before its memory accesses; up to half the target was the best.
     */
    private static final int ABSORB_SHARE = 2;

    private Splitter(WasmModule module, int target) {
        this.module = module;
        this.target = target;
        int base = module.reserveBelowStackPointer(CELL_BYTES);
        this.outArea = base;
        if (base >= 0) {
            StackPointerInMemory.rewrite(module, base + OUT_AREA_BYTES, base);
        }
    }

    /**
     * The rewritten module, what was split, the cells (the out area and the stack pointer's cell;
     * {@code cells.bytes() == 0} where the module has no stack pointer and outs go through globals)
     * and how many loads and stores of them its code makes; how many blocks no longer hold values
     * under them ({@link HeldValueSink}).
     */
    public record Result(byte[] wasm, List<Split> splits, CellAccesses.Range cells, int cellAccesses, int sunkBlocks,
            ByteSwaps.Result swaps, int swapCalls) {}

    public static Result split(byte[] wasm, int target) {
        Splitter s = new Splitter(WasmModule.parse(wasm), target);
        // first: the splitter then measures the functions with their shorter loads
        ByteSwaps.Result swaps = ByteSwaps.rewrite(s.module);
        int defined = s.module.bodies.size();
        for (int f = s.module.importedFunctions; f < s.module.importedFunctions + defined; f++) {
            s.splitFunction(f);
        }
        // last: the splitter's statement boundaries are where the operand stack is empty, and
        // what it cut was measured with the held values where clang put them
        int sunk = HeldValueSink.rewrite(s.module);
        CellAccesses.Range cells = new CellAccesses.Range(Math.max(s.outArea, 0), s.outArea < 0 ? 0 : CELL_BYTES);
        return new Result(s.module.write(), s.splits, cells, CellAccesses.count(s.module, cells), sunk, swaps,
                ByteSwaps.calls(s.module, swaps));
    }

    private void splitFunction(int function) {
        int before = estimate(function);
        if (before <= target) {
            return;
        }
        int body = function - module.importedFunctions;
        byte[] absorbed = TailAbsorption.absorb(module, module.typeOfFunction(function), module.bodies.get(body),
                target / ABSORB_SHARE);
        if (absorbed != null) {
            module.bodies.set(body, absorbed);
        }
        byte[] flat = SwitchFlattener.flatten(module, module.typeOfFunction(function), module.bodies.get(body), target * 3 / 4);
        if (flat != null) {
            module.bodies.set(body, flat);
        }
        FunctionSplitter fs = new FunctionSplitter(module, function, target);
        fs.split();
        if (fs.regions.isEmpty()) {
            return;
        }
        new Emitter(fs).emit(function);
        List<int[]> regions = new ArrayList<>();
        for (Region r : fs.regions) {
            regions.add(new int[] {r.function, r.estimatedSize, r.liveIn.length, r.outs.length, r.exits.length});
        }
        splits.add(new Split(function, before, estimate(function), regions));
    }

    /** Estimated bytecode of a function's current body (decoding only; no analysis). */
    private int estimate(int function) {
        Code code = new Code(module, module.typeOfFunction(function), module.bodies.get(function - module.importedFunctions));
        return Weights.sum(code, 0, code.size);
    }

    int outGlobal(byte type, int slot) {
        return outGlobals.computeIfAbsent((type & 0xFF) << 16 | slot, k -> module.addGlobal(type));
    }

    private static final int[] LOAD = new int[256], STORE = new int[256], ALIGN = new int[256];

    static {
        memoryOps(0x7F, 0x28, 0x36, 2); // i32
        memoryOps(0x7E, 0x29, 0x37, 3); // i64
        memoryOps(0x7D, 0x2A, 0x38, 2); // f32
        memoryOps(0x7C, 0x2B, 0x39, 3); // f64
    }

    private static void memoryOps(int type, int load, int store, int align) {
        LOAD[type] = load;
        STORE[type] = store;
        ALIGN[type] = align;
    }

    /** Hands out locals[k] (the k-th out of a region) from its function. */
    void storeOut(Leb.Writer w, byte type, int k, int local) {
        if (outArea < 0) {
            w.u8(Code.LOCAL_GET).u32(local).u8(Code.GLOBAL_SET).u32(outGlobal(type, k));
            return;
        }
        w.u8(0x41).s64(outArea + 8L * k).u8(Code.LOCAL_GET).u32(local).u8(STORE[type & 0xFF]).u32(ALIGN[type & 0xFF]).u32(0);
    }

    /** Takes the k-th out back into a local at the call site. */
    void loadOut(Leb.Writer w, byte type, int k, int local) {
        if (outArea < 0) {
            w.u8(Code.GLOBAL_GET).u32(outGlobal(type, k));
        } else {
            w.u8(0x41).s64(outArea + 8L * k).u8(LOAD[type & 0xFF]).u32(ALIGN[type & 0xFF]).u32(0);
        }
        w.u8(Code.LOCAL_SET).u32(local);
    }

    int returnGlobal(byte type) {
        return returnGlobals.computeIfAbsent(type, module::addGlobal);
    }

    /** Writes the new bodies of one function and of the functions its regions become. */
    private final class Emitter {
        private final FunctionSplitter fs;
        private final Code code;
        /** Regions starting at each instruction, outermost first (an outer one may share its start with an inner one). */
        private final List<Region>[] regionsAt;
        private FuncType type;

        @SuppressWarnings("unchecked")
        Emitter(FunctionSplitter fs) {
            this.fs = fs;
            this.code = fs.code;
            this.regionsAt = new List[code.size];
            for (Region r : fs.regions) {
                if (regionsAt[r.from] == null) {
                    regionsAt[r.from] = new ArrayList<>();
                }
                regionsAt[r.from].add(r);
            }
            for (List<Region> list : regionsAt) {
                if (list != null) {
                    list.sort((x, y) -> Integer.compare(y.to, x.to)); // outermost first
                }
            }
        }

        void emit(int function) {
            type = module.typeOfFunction(function);
            for (Region r : fs.regions) {
                byte[] params = new byte[r.liveIn.length];
                for (int k = 0; k < params.length; k++) {
                    params[k] = code.localTypes[r.liveIn[k]];
                }
                byte[] results = r.exits.length > 0 ? new byte[] {0x7F} : new byte[0];
                r.function = module.addFunction(new FuncType(params, results), null);
            }
            for (Region r : fs.regions) {
                module.bodies.set(r.function - module.importedFunctions, outlined(r));
            }
            module.bodies.set(function - module.importedFunctions, parent());
        }

        private byte[] parent() {
            int declared = code.localTypes.length - code.paramCount;
            byte[] locals = java.util.Arrays.copyOfRange(code.localTypes, code.paramCount, code.localTypes.length + 1);
            locals[declared] = 0x7F;
            Leb.Writer w = new Leb.Writer();
            Code.writeLocals(w, locals);
            emitRange(new Context(null, null, code.localTypes.length), 0, code.size, w);
            return w.toByteArray();
        }

        private byte[] outlined(Region r) {
            int[] map = new int[code.localTypes.length];
            java.util.Arrays.fill(map, -1);
            int next = 0;
            for (int l : r.liveIn) {
                map[l] = next++;
            }
            byte[] declared = new byte[r.referenced.length - r.liveIn.length + 1];
            int d = 0;
            for (int l : r.referenced) {
                if (map[l] < 0) {
                    map[l] = next++;
                    declared[d++] = code.localTypes[l];
                }
            }
            int codeLocal = next;
            declared[d] = 0x7F;
            Leb.Writer w = new Leb.Writer();
            Code.writeLocals(w, declared);
            int x = r.exits.length;
            for (int k = 0; k <= x && x > 0; k++) {
                w.u8(Code.BLOCK).u8(0x40);
            }
            emitRange(new Context(r, map, codeLocal), r.from, r.to, w);
            if (x > 0) {
                w.u8(0x41).u8(0).u8(Code.LOCAL_SET).u32(codeLocal).u8(Code.BR).u32(x);
                for (int j = 1; j <= x; j++) {
                    w.u8(Code.END).u8(0x41).s64(j).u8(Code.LOCAL_SET).u32(codeLocal);
                    if (j < x) {
                        w.u8(Code.BR).u32(x - j);
                    }
                }
                w.u8(Code.END);
            }
            for (int k = 0; k < r.outs.length; k++) {
                storeOut(w, code.localTypes[r.outs[k]], k, map[r.outs[k]]);
            }
            if (x > 0) {
                w.u8(Code.LOCAL_GET).u32(codeLocal);
            }
            w.u8(Code.END);
            return w.toByteArray();
        }

        /** How code is re-emitted: in the original function (region null) or in a region's function. */
        private final class Context {
            final Region region;
            final int[] localMap;
            final int codeLocal;

            Context(Region region, int[] localMap, int codeLocal) {
                this.region = region;
                this.localMap = localMap;
                this.codeLocal = codeLocal;
            }

            int local(int l) {
                return localMap == null ? l : localMap[l];
            }

            /** Branch depth in the new code for depth {@code d} at a point {@code inside} constructs into the range. */
            int label(int d, int inside) {
                if (region == null || d < inside) {
                    return d;
                }
                return inside + region.exitCode(d - inside) - 1;
            }

            int returnDepth(int inside) {
                return inside + region.exitCode(Region.RETURN_EXIT) - 1;
            }

            void emitReturn(Leb.Writer w, int inside) {
                if (region == null) {
                    w.u8(Code.RETURN);
                    return;
                }
                if (type.results().length == 1) {
                    w.u8(Code.GLOBAL_SET).u32(returnGlobal(type.results()[0]));
                }
                w.u8(Code.BR).u32(returnDepth(inside));
            }

            /** After a nested region returned: its value already sits in the return global. */
            void emitStubReturn(Leb.Writer w, int inside) {
                if (region == null) {
                    if (type.results().length == 1) {
                        w.u8(Code.GLOBAL_GET).u32(returnGlobal(type.results()[0]));
                    }
                    w.u8(Code.RETURN);
                    return;
                }
                w.u8(Code.BR).u32(returnDepth(inside));
            }
        }

        private void emitRange(Context ctx, int from, int to, Leb.Writer w) {
            int inside = 0;
            int i = from;
            while (i < to) {
                Region r = regionStartingAt(i, to, ctx.region);
                if (r != null) {
                    emitStub(ctx, r, inside, w);
                    i = r.to;
                    continue;
                }
                int o = code.op[i];
                switch (o) {
                    case Code.BLOCK, Code.LOOP, Code.IF -> {
                        raw(i, w);
                        inside++;
                    }
                    case Code.END -> {
                        raw(i, w);
                        inside--;
                    }
                    case Code.LOCAL_GET, Code.LOCAL_SET, Code.LOCAL_TEE -> w.u8(o).u32(ctx.local(code.imm[i]));
                    case Code.BR, Code.BR_IF -> w.u8(o).u32(ctx.label(code.imm[i], inside));
                    case Code.BR_TABLE -> {
                        int[] labels = code.tableLabels[i];
                        w.u8(o).u32(labels.length - 1);
                        for (int label : labels) {
                            w.u32(ctx.label(label, inside));
                        }
                    }
                    case Code.RETURN -> ctx.emitReturn(w, inside);
                    default -> raw(i, w);
                }
                i++;
            }
        }

        /** The outermost region starting at i inside [.., to) other than the one being emitted. */
        private Region regionStartingAt(int i, int to, Region emitting) {
            if (regionsAt[i] == null) {
                return null;
            }
            for (Region r : regionsAt[i]) {
                if (r != emitting && r.to <= to && (emitting == null || r.to < emitting.to || r.from > emitting.from)) {
                    return r;
                }
            }
            return null;
        }

        private void raw(int i, Leb.Writer w) {
            w.bytes(code.body, code.start[i], code.end[i]);
        }

        private void emitStub(Context ctx, Region r, int inside, Leb.Writer w) {
            for (int l : r.liveIn) {
                w.u8(Code.LOCAL_GET).u32(ctx.local(l));
            }
            w.u8(Code.CALL).u32(r.function);
            int x = r.exits.length;
            if (x > 0) {
                w.u8(Code.LOCAL_SET).u32(ctx.codeLocal);
            }
            for (int k = 0; k < r.outs.length; k++) {
                loadOut(w, code.localTypes[r.outs[k]], k, ctx.local(r.outs[k]));
            }
            if (x > 0) {
                boolean ret = r.hasReturn();
                int extra = ret ? 2 : 1;
                w.u8(Code.BLOCK).u8(0x40);
                if (ret) {
                    w.u8(Code.BLOCK).u8(0x40);
                }
                w.u8(Code.LOCAL_GET).u32(ctx.codeLocal);
                w.u8(Code.BR_TABLE).u32(x + 1);
                int fall = ret ? 1 : 0;
                w.u32(fall);
                for (int e : r.exits) {
                    w.u32(e == Region.RETURN_EXIT ? 0 : ctx.label(e, inside) + extra);
                }
                w.u32(fall);
                if (ret) {
                    w.u8(Code.END);
                    ctx.emitStubReturn(w, inside + 1);
                }
                w.u8(Code.END);
            }
            if (r.endsUnreachable) {
                w.u8(Code.UNREACHABLE);
            }
        }
    }
}
