package dev.sqlitejvm.wasmsplit;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Build step, after Chicory's compiler: {@code CompiledCodeRewrite <classes-dir> <split.wasm.cells>
 * <cell-memory-class> [split.wasm.table [split.wasm.swaps]]} rewrites the compiled module's classes
 * in place, with {@link StaticCallReplacement} (the interrupt checks), {@link CellAccessInlining}
 * (with a {@link CellsLocal} where a method makes several), {@link BranchFusion}, given the table
 * file that {@link Main} writes for a module whose table never changes, {@link TableDispatch}, and
 * given the swaps file, {@link ByteSwapCalls}.
 *
 * <p>It also switches Chicory's {@code memory.copy} workaround off by default in the module's
 * helper class (again with {@link StaticCallReplacement}). Up to Java 17 Chicory keeps
 * {@code memory.copy} (and {@code i32.ge_u}) a call through an interface that several classes
 * implement, so C2 never inlines it, after a Java 17 C2 miscompiled a large module
 * (dylibso/chicory#843); Chicory's own investigation traced that to the inlined
 * {@code Integer.compareUnsigned} of {@code i32.ge_u} (#755, #1178), which {@link BranchFusion}
 * leaves nowhere in this module. Every string that OP_Column reads is such a copy.
 * {@code -Dchicory.memCopyWorkaround=true} still turns it on.
 *
 * <p>The cell memory class (compiled by then, in the same directory) must declare
 * {@code public final long[] cells} and {@code public static final int CELLS}, the array's length;
 * the step fails if the module has more cells than that, or if it did not find every cell access
 * that {@link Main} counted in the split module.
 */
public final class CompiledCodeRewrite {
    /** Name suffix of the helper class Chicory generates next to a module. */
    static final String HELPER_SUFFIX = "MachineShaded";

    private CompiledCodeRewrite() {}

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Properties described = properties(Path.of(args[1]));
        CellAccesses.Range cells = new CellAccesses.Range(
                Integer.parseInt(described.getProperty("base")), Integer.parseInt(described.getProperty("bytes")));
        int expected = Integer.parseInt(described.getProperty("accesses"));
        int[] table = args.length > 3 ? table(Path.of(args[3])) : null;
        Properties swapFile = args.length > 4 ? properties(Path.of(args[4])) : new Properties();
        Map<String, Integer> swaps = swaps(swapFile);
        String cellMemory = args[2].replace('.', '/');
        int capacity = capacity(classes.resolve(cellMemory + ".class"));
        if (cells.count() > capacity) {
            throw new IllegalStateException("the module has " + cells.count() + " cells; " + args[2] + " holds " + capacity);
        }

        List<Path> classFiles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).sorted().forEach(classFiles::add);
        }
        Counts counts = new Counts();
        for (Path p : classFiles) {
            int before = counts.total();
            byte[] rewritten = rewrite(Files.readAllBytes(p), cells, cellMemory, table, swaps, counts);
            if (counts.total() != before) {
                Files.write(p, rewritten);
            }
        }
        if (counts.cellAccesses[0] != expected) {
            throw new IllegalStateException("found " + counts.cellAccesses[0] + " of the " + expected
                    + " cell accesses in the compiled classes; a cell left in linear memory would read stale values");
        }
        int swapCalls = Integer.parseInt(swapFile.getProperty("calls", "0"));
        if (counts.byteSwaps[0] != swapCalls) {
            throw new IllegalStateException("replaced " + counts.byteSwaps[0] + " of the " + swapCalls + " calls of the byte-swap functions");
        }
        System.out.printf("[compiled-code] %d byte-swap calls made Integer/Long.reverseBytes%n", counts.byteSwaps[0]);
        System.out.printf("[compiled-code] %d interrupt checks removed; %d cell accesses moved to %s.cells; %d comparisons fused with their branch; "
                + "%d unsigned comparisons computed without a call; %d indirect-call methods dispatch on the table element; "
                + "%d methods hold the cells in a local; memory.copy workaround %s%n",
                counts.interruptChecks[0], counts.cellAccesses[0], args[2], counts.fusedBranches[0], counts.unsignedValues[0],
                counts.tableDispatches[0], counts.cellsLocals[0], counts.memCopyWorkaroundOff[0] == 1 ? "off by default" : "NOT FOUND");
        if (counts.memCopyWorkaroundOff[0] != 1) {
            throw new IllegalStateException("found " + counts.memCopyWorkaroundOff[0]
                    + " places that decide Chicory's memory.copy workaround, expected one in the helper's static initialiser");
        }
    }

    /** What the rewrite changed, by kind. */
    static final class Counts {
        final int[] interruptChecks = {0};
        final int[] cellAccesses = {0};
        final int[] fusedBranches = {0};
        final int[] unsignedValues = {0};
        final int[] byteSwaps = {0};
        /** 1 once the helper's static initialiser no longer asks Chicory whether to work around. */
        final int[] memCopyWorkaroundOff = {0};
        final int[] tableDispatches = {0};
        /** Methods that got a {@link CellsLocal}; not in {@link #total}, they also count cell accesses. */
        final int[] cellsLocals = {0};

        int total() {
            return interruptChecks[0] + cellAccesses[0] + fusedBranches[0] + unsignedValues[0] + tableDispatches[0]
                    + memCopyWorkaroundOff[0] + byteSwaps[0];
        }
    }

    /**
     * One class file, rewritten; the counts grow by what was changed. {@code table}: table 0's
     * functions by element if it never changes ({@link FixedTable}), else null.
     */
    static byte[] rewrite(byte[] classFile, CellAccesses.Range cells, String cellMemory, int[] table, Counts counts) {
        return rewrite(classFile, cells, cellMemory, table, Map.of(), counts);
    }

    /** The same, with the byte-swap functions by method name and width ({@link ByteSwapCalls}). */
    static byte[] rewrite(byte[] classFile, CellAccesses.Range cells, String cellMemory, int[] table,
            Map<String, Integer> swaps, Counts counts) {
        ClassReader reader = new ClassReader(classFile);
        Map<String, TreeMap<Integer, TableDispatch.Target>> dispatches =
                table == null ? Map.of() : TableDispatch.plan(classFile, table);
        Map<String, int[]> cellsLocals = cells.bytes() > 0 ? cellsLocals(classFile, cells, cellMemory) : Map.of();
        // COMPUTE_MAXS only: the stack at every frame is unchanged, so the frames stay as they are
        // but for the cells local that CellsLocal appends (the dispatch methods, new, declare their own)
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String className;

            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                className = name;
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                TreeMap<Integer, TableDispatch.Target> byElement = dispatches.get(name + descriptor);
                int[] localPlan = cellsLocals.get(name + descriptor);
                if (byElement != null) {
                    TableDispatch.writeDispatch(cv, className, access, name, descriptor, byElement);
                    counts.tableDispatches[0]++;
                    name += TableDispatch.LOOKUP_SUFFIX;
                }
                MethodVisitor out = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!swaps.isEmpty()) {
                    out = new ByteSwapCalls(out, name, swaps, counts.byteSwaps);
                }
                CellsLocal local = null;
                if (localPlan != null) {
                    out = local = new CellsLocal(out, cellMemory, localPlan[0], localPlan[1]);
                    counts.cellsLocals[0]++;
                }
                if (className.endsWith(HELPER_SUFFIX) && name.equals("<clinit>")) {
                    out = StaticCallReplacement.memCopyWorkaroundOff(out, counts.memCopyWorkaroundOff);
                }
                MethodVisitor next = new BranchFusion(out, counts.fusedBranches, counts.unsignedValues);
                if (cells.bytes() > 0) {
                    next = new CellAccessInlining(next, cells, cellMemory, counts.cellAccesses, local);
                }
                return StaticCallReplacement.interruptChecks(next, counts.interruptChecks);
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /**
     * The methods of the class that get a {@link CellsLocal}, by name and descriptor: {memory
     * parameter's slot, the new local's slot}. A method qualifies with at least
     * {@link CellsLocal#MIN_ACCESSES} cell accesses, all through one parameter it never assigns.
     */
    static Map<String, int[]> cellsLocals(byte[] classFile, CellAccesses.Range cells, String cellMemory) {
        Map<String, int[]> plans = new HashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                int parameterSlots = (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - ((access & Opcodes.ACC_STATIC) != 0 ? 1 : 0);
                int[] accesses = {0};
                CellAccessInlining[] counter = new CellAccessInlining[1];
                MethodVisitor after = new MethodVisitor(Opcodes.ASM9) {
                    private final Set<Integer> assigned = new HashSet<>();
                    private int maxLocals;

                    @Override
                    public void visitVarInsn(int opcode, int var) {
                        if (opcode == Opcodes.ASTORE) {
                            assigned.add(var);
                        }
                    }

                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        this.maxLocals = maxLocals;
                    }

                    @Override
                    public void visitEnd() {
                        int memory = counter[0].memoryVarUsed();
                        if (accesses[0] >= CellsLocal.MIN_ACCESSES && memory >= 0 && memory < parameterSlots && !assigned.contains(memory)) {
                            plans.put(name + descriptor, new int[] {memory, maxLocals});
                        }
                    }
                };
                counter[0] = new CellAccessInlining(after, cells, cellMemory, accesses, null);
                return StaticCallReplacement.interruptChecks(counter[0], new int[1]);
            }
        }, ClassReader.SKIP_FRAMES);
        return plans;
    }

    /** The byte-swap functions of a swaps file ({@link Main}), as method names and their widths. */
    static Map<String, Integer> swaps(Properties file) {
        Map<String, Integer> widths = new HashMap<>();
        for (int width : new int[] {2, 4, 8}) {
            int function = Integer.parseInt(file.getProperty("swap" + 8 * width, "-1"));
            if (function >= 0) {
                widths.put("func_" + function, width);
            }
        }
        return widths;
    }

    /** Reads the table file {@link Main} writes: null if the table may change. */
    static int[] table(Path file) throws IOException {
        String elements = properties(file).getProperty("elements");
        if (elements == null) {
            return null;
        }
        return elements.isEmpty() ? new int[0] : Stream.of(elements.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** One of the files {@link Main} writes next to the split module. */
    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }

    /** The value of {@code static final int CELLS} in the class file. */
    private static int capacity(Path classFile) throws IOException {
        int[] value = {-1};
        new ClassReader(Files.readAllBytes(classFile)).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object constant) {
                if (name.equals("CELLS") && constant instanceof Integer) {
                    value[0] = (Integer) constant;
                }
                return null;
            }
        }, ClassReader.SKIP_CODE);
        if (value[0] < 0) {
            throw new IllegalStateException(classFile + " declares no static final int CELLS");
        }
        return value[0];
    }
}
