package dev.sqlitejvm.wasmsplit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Compiles classes shaped like Chicory's output (calls of a {@code *MachineShaded} helper and of
 * {@code OpcodeImpl}'s comparisons), runs
 * {@link CompiledCodeRewrite#rewrite} on them and runs them again: same results, and the rewritten
 * parts really changed (the helper is no longer called; the cells hold the values instead of
 * linear memory).
 */
class CompiledCodeRewriteTest {
    private static final String CELL_MEMORY = "t/TestMemory";
    /** Cells at [1000, 1040) in the test memory: five of them. */
    private static final CellAccesses.Range CELLS = new CellAccesses.Range(1000, 40);

    private static final Map<String, String> SOURCES = Map.of(
            "TestMachineShaded", """
                    package t;
                    // Chicory's helper, reduced to what the test code calls: little-endian linear memory
                    public final class TestMachineShaded {
                        public static int checks;
                        // how Chicory's helper decides its memory.copy workaround
                        public static final boolean memCopyWorkaround;
                        static {
                            String set = System.getProperty("chicory.memCopyWorkaround");
                            memCopyWorkaround = set != null ? Boolean.valueOf(set)
                                    : com.dylibso.chicory.runtime.MemCopyWorkaround.shouldUseMemWorkaround();
                        }
                        public static void checkInterruption() { checks++; }
                        public static int i32_ge_u(int a, int b) { return Integer.compareUnsigned(a, b) >= 0 ? 1 : 0; }
                        public static int memoryReadInt(int a, int o, TestMemory m) { return m.buf().getInt(a + o); }
                        public static long memoryReadLong(int a, int o, TestMemory m) { return m.buf().getLong(a + o); }
                        public static float memoryReadFloat(int a, int o, TestMemory m) { return m.buf().getFloat(a + o); }
                        public static double memoryReadDouble(int a, int o, TestMemory m) { return m.buf().getDouble(a + o); }
                        public static void memoryWriteInt(int a, int v, int o, TestMemory m) { m.buf().putInt(a + o, v); }
                        public static void memoryWriteLong(int a, long v, int o, TestMemory m) { m.buf().putLong(a + o, v); }
                        public static void memoryWriteFloat(int a, float v, int o, TestMemory m) { m.buf().putFloat(a + o, v); }
                        public static void memoryWriteDouble(int a, double v, int o, TestMemory m) { m.buf().putDouble(a + o, v); }
                    }
                    """,
            "TestMemory", """
                    package t;
                    public final class TestMemory {
                        public static final int CELLS = 8;
                        public final long[] cells = new long[CELLS];
                        public byte[] bytes = new byte[2048];
                        java.nio.ByteBuffer buf() { return java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN); }
                    }
                    """,
            "Funcs", """
                    package t;
                    // compiled wasm functions as Chicory names them: value, memory, instance
                    public final class Funcs {
                        public static int func_90(int x, TestMemory m, Object instance) { return (x << 8 & 0xFF00) | (x >>> 8 & 0xFF); }
                        public static int func_91(int x, TestMemory m, Object instance) {
                            return (Integer.rotateLeft(x, 8) & 0x00FF00FF) | (Integer.rotateRight(x, 8) & 0xFF00FF00);
                        }
                        public static long func_92(long x, TestMemory m, Object instance) {
                            return (long) func_91((int) x, m, instance) << 32 | (func_91((int) (x >>> 32), m, instance) & 0xFFFFFFFFL);
                        }
                        public static int func_93(int x, TestMemory m, Object instance) { return x + 1; }
                    }
                    """,
            "Other", """
                    package t;
                    public final class Other {
                        public static int checks;
                        public static void checkInterruption() { checks++; }
                    }
                    """,
            "Code", """
                    package t;
                    import com.dylibso.chicory.runtime.OpcodeImpl;
                    public final class Code {
                        /** Cell traffic in the shapes Chicory compiles the splitter's accesses to, around a loop. */
                        public static long cells(int x, long y, float f, double d, TestMemory m) {
                            long sum = 0;
                            for (int i = 0; i < 3; i++) {
                                TestMachineShaded.checkInterruption();
                                TestMachineShaded.memoryWriteInt(1000, x, 0, m);
                                TestMachineShaded.memoryWriteLong(1008, y, 0, m);
                                TestMachineShaded.memoryWriteFloat(1016, f, 0, m);
                                TestMachineShaded.memoryWriteDouble(1032, d, 0, m);
                                Other.checkInterruption();
                                x = TestMachineShaded.memoryReadInt(1000, 0, m) + i;
                                y = TestMachineShaded.memoryReadLong(1008, 0, m) * 3;
                                sum += x + y + Float.floatToRawIntBits(TestMachineShaded.memoryReadFloat(1016, 0, m))
                                        + Double.doubleToRawLongBits(TestMachineShaded.memoryReadDouble(1032, 0, m));
                                TestMachineShaded.checkInterruption();
                            }
                            // not cell accesses: a computed address, a constant in range that is no address,
                            // a cell address with an offset
                            TestMachineShaded.memoryWriteInt(1000 + (x & 0), 77, 0, m);
                            sum += TestMachineShaded.memoryReadInt(1000, 4, m) + (x & 1008);
                            return sum;
                        }

                        /** Every comparison the rewrite fuses, branched on both ways: bit n set if test n held. */
                        public static long compares(int a, int b, long x, long y) {
                            long r = 0;
                            if (OpcodeImpl.I32_EQZ(a) != 0) r |= 1L << 0;
                            if (OpcodeImpl.I32_EQZ(a) == 0) r |= 1L << 1;
                            if (OpcodeImpl.I32_EQ(a, b) != 0) r |= 1L << 2;
                            if (OpcodeImpl.I32_EQ(a, b) == 0) r |= 1L << 3;
                            if (OpcodeImpl.I32_NE(a, b) != 0) r |= 1L << 4;
                            if (OpcodeImpl.I32_NE(a, b) == 0) r |= 1L << 5;
                            if (OpcodeImpl.I32_LT_S(a, b) != 0) r |= 1L << 6;
                            if (OpcodeImpl.I32_LT_S(a, b) == 0) r |= 1L << 7;
                            if (OpcodeImpl.I32_GT_S(a, b) != 0) r |= 1L << 8;
                            if (OpcodeImpl.I32_GT_S(a, b) == 0) r |= 1L << 9;
                            if (OpcodeImpl.I32_LE_S(a, b) != 0) r |= 1L << 10;
                            if (OpcodeImpl.I32_LE_S(a, b) == 0) r |= 1L << 11;
                            if (OpcodeImpl.I32_GE_S(a, b) != 0) r |= 1L << 12;
                            if (OpcodeImpl.I32_GE_S(a, b) == 0) r |= 1L << 13;
                            if (OpcodeImpl.I64_EQZ(x) != 0) r |= 1L << 14;
                            if (OpcodeImpl.I64_EQZ(x) == 0) r |= 1L << 15;
                            if (OpcodeImpl.I64_EQ(x, y) != 0) r |= 1L << 16;
                            if (OpcodeImpl.I64_EQ(x, y) == 0) r |= 1L << 17;
                            if (OpcodeImpl.I64_NE(x, y) != 0) r |= 1L << 18;
                            if (OpcodeImpl.I64_NE(x, y) == 0) r |= 1L << 19;
                            if (OpcodeImpl.I64_LT_S(x, y) != 0) r |= 1L << 20;
                            if (OpcodeImpl.I64_LT_S(x, y) == 0) r |= 1L << 21;
                            if (OpcodeImpl.I64_GT_S(x, y) != 0) r |= 1L << 22;
                            if (OpcodeImpl.I64_GT_S(x, y) == 0) r |= 1L << 23;
                            if (OpcodeImpl.I64_LE_S(x, y) != 0) r |= 1L << 24;
                            if (OpcodeImpl.I64_LE_S(x, y) == 0) r |= 1L << 25;
                            if (OpcodeImpl.I64_GE_S(x, y) != 0) r |= 1L << 26;
                            if (OpcodeImpl.I64_GE_S(x, y) == 0) r |= 1L << 27;
                            return r;
                        }

                        /**
                         * The unsigned comparisons, fused both ways on two operands and on a constant pushed
                         * last (each way the constant can be pushed), and used as values: bit n set if test n held.
                         */
                        /** A compiled function that calls the byte-swap functions (and one that is not). */
                        public static long func_7(int a, long x, TestMemory m) {
                            return Funcs.func_90(a, m, null) ^ (long) Funcs.func_91(a, m, null) << 16 ^ Funcs.func_92(x, m, null)
                                    ^ Funcs.func_93(a, m, null);
                        }

                        public static long unsignedCompares(int a, int b, long x, long y) {
                            long r = 0;
                            if (OpcodeImpl.I32_LT_U(a, b) != 0) r |= 1L << 0;
                            if (OpcodeImpl.I32_LT_U(a, b) == 0) r |= 1L << 1;
                            if (OpcodeImpl.I32_GT_U(a, b) != 0) r |= 1L << 2;
                            if (OpcodeImpl.I32_GT_U(a, b) == 0) r |= 1L << 3;
                            if (OpcodeImpl.I32_LE_U(a, b) != 0) r |= 1L << 4;
                            if (OpcodeImpl.I32_LE_U(a, b) == 0) r |= 1L << 5;
                            if (OpcodeImpl.I32_GE_U(a, b) != 0) r |= 1L << 6;
                            if (OpcodeImpl.I32_GE_U(a, b) == 0) r |= 1L << 7;
                            if (OpcodeImpl.I32_LT_U(a, 7) != 0) r |= 1L << 8;
                            if (OpcodeImpl.I32_GT_U(a, -7) == 0) r |= 1L << 9;
                            if (OpcodeImpl.I32_LE_U(a, 0) != 0) r |= 1L << 10;
                            if (OpcodeImpl.I32_GE_U(a, Integer.MIN_VALUE) != 0) r |= 1L << 11;
                            if (OpcodeImpl.I32_LE_U(a, Integer.MAX_VALUE) == 0) r |= 1L << 12;
                            if (OpcodeImpl.I32_GT_U(a, 300) != 0) r |= 1L << 13;
                            if (OpcodeImpl.I32_LT_U(a, 100000) != 0) r |= 1L << 14;
                            if (OpcodeImpl.I32_LT_U(7, a) != 0) r |= 1L << 15;
                            if (OpcodeImpl.I64_LT_U(x, y) != 0) r |= 1L << 16;
                            if (OpcodeImpl.I64_LT_U(x, y) == 0) r |= 1L << 17;
                            if (OpcodeImpl.I64_GT_U(x, y) != 0) r |= 1L << 18;
                            if (OpcodeImpl.I64_GT_U(x, y) == 0) r |= 1L << 19;
                            if (OpcodeImpl.I64_LE_U(x, y) != 0) r |= 1L << 20;
                            if (OpcodeImpl.I64_LE_U(x, y) == 0) r |= 1L << 21;
                            if (OpcodeImpl.I64_GE_U(x, y) != 0) r |= 1L << 22;
                            if (OpcodeImpl.I64_GE_U(x, y) == 0) r |= 1L << 23;
                            if (OpcodeImpl.I64_LE_U(x, 0L) != 0) r |= 1L << 24;
                            if (OpcodeImpl.I64_GT_U(x, 1L) != 0) r |= 1L << 25;
                            if (OpcodeImpl.I64_LT_U(x, -7L) == 0) r |= 1L << 26;
                            if (OpcodeImpl.I64_GE_U(x, Long.MIN_VALUE) != 0) r |= 1L << 27;
                            if (OpcodeImpl.I64_LT_U(x, 1L << 40) != 0) r |= 1L << 28;
                            if (OpcodeImpl.I32_GE_U(a, 7) != 0 && OpcodeImpl.I64_LT_U(x, 5L) != 0) r |= 1L << 29;
                            // the helper's own I32_GE_U
                            if (TestMachineShaded.i32_ge_u(a, b) != 0) r |= 1L << 30;
                            if (TestMachineShaded.i32_ge_u(a, b) == 0) r |= 1L << 31;
                            if (TestMachineShaded.i32_ge_u(a, 300) != 0) r |= 1L << 32;
                            if (TestMachineShaded.i32_ge_u(a, -7) == 0) r |= 1L << 33;
                            // values: no branch after the call; computed without one
                            r |= (long) OpcodeImpl.I32_LT_U(a, b) << 40;
                            r |= (long) OpcodeImpl.I32_GT_U(a, b) << 41;
                            r |= (long) OpcodeImpl.I32_LE_U(a, b) << 42;
                            r |= (long) OpcodeImpl.I32_GE_U(a, b) << 43;
                            r |= (long) OpcodeImpl.I32_GT_U(a, 9) << 44;
                            r |= (long) OpcodeImpl.I32_LE_U(-7, a) << 45;
                            r |= (long) OpcodeImpl.I64_LT_U(x, y) << 46;
                            r |= (long) OpcodeImpl.I64_GT_U(x, y) << 47;
                            r |= (long) OpcodeImpl.I64_LE_U(x, y) << 48;
                            r |= (long) OpcodeImpl.I64_GE_U(x, y) << 49;
                            r |= (long) OpcodeImpl.I64_LT_U(x, 5L) << 50;
                            r |= (long) OpcodeImpl.I64_GE_U(x, Long.MIN_VALUE) << 51;
                            r |= (long) TestMachineShaded.i32_ge_u(a, 9) << 52;
                            r |= (long) TestMachineShaded.i32_ge_u(a, b) << 53;
                            return r;
                        }
                    }
                    """);

    private static Path classes;
    private static byte[] original;

    @BeforeAll
    static void compile(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/t"));
        classes = Files.createDirectories(dir.resolve("classes"));
        // -g:none: no line numbers, as in Chicory's output (their labels would end a sequence)
        String[] args = new String[SOURCES.size() + 5];
        args[0] = "-g:none";
        args[1] = "-d";
        args[2] = classes.toString();
        args[3] = "-classpath";
        args[4] = System.getProperty("java.class.path"); // Chicory's OpcodeImpl
        int i = 5;
        for (Map.Entry<String, String> s : SOURCES.entrySet()) {
            Path file = src.resolve(s.getKey() + ".java");
            Files.writeString(file, s.getValue());
            args[i++] = file.toString();
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args), "javac");
        original = Files.readAllBytes(classes.resolve("t/Code.class"));
    }

    @Test
    void interruptChecksAreDroppedAndCellsMoveToTheArray(@TempDir Path dir) throws Exception {
        float nanWithPayload = Float.intBitsToFloat(0x7fc00001);
        Object[] args = {5, 1L << 40, nanWithPayload, -2.5};

        Run before = run(original, args);
        assertEquals(6, before.helperChecks);
        assertEquals(3, before.otherChecks);
        assertArrayEquals(new long[8], before.cells, "the helper uses linear memory");

        CompiledCodeRewrite.Counts counts = new CompiledCodeRewrite.Counts();
        byte[] rewritten = CompiledCodeRewrite.rewrite(original, CELLS, CELL_MEMORY, null, counts);
        assertEquals(2, counts.interruptChecks[0], "interrupt checks removed");
        assertEquals(8, counts.cellAccesses[0], "cell accesses rewritten: 4 stores, 4 loads; the other three are not cell accesses");
        assertEquals(63, counts.fusedBranches[0], "comparisons fused with their branch: 28 in compares(), 35 in unsignedCompares()");
        assertEquals(14, counts.unsignedValues[0], "unsigned comparisons used as values, in unsignedCompares()");
        assertEquals(1, counts.cellsLocals[0], "cells() keeps the array in a local; compares() has no cell access");
        assertEquals(1, cellsArrayLoads(rewritten, "cells"), "the array is read from the memory once, at the entry");

        Run after = run(rewritten, args);
        assertEquals(before.result, after.result, "same result");
        assertEquals(0, after.helperChecks, "the helper's check is not called any more");
        assertEquals(3, after.otherChecks, "another class's method of the same name still is");
        assertEquals(6, (int) after.cells[0], "cell 0 holds the last int stored (x = 5, 5, 5 + 1 at the three stores)");
        assertEquals(0x7fc00001, (int) after.cells[2], "a float's bits, NaN payload and all");
        assertEquals(Double.doubleToRawLongBits(-2.5), after.cells[4]);
        byte[] linear = new byte[40];
        System.arraycopy(after.bytes, 1000, linear, 0, 40);
        byte[] expected = new byte[40];
        expected[0] = 77; // the computed-address store still goes to linear memory
        assertArrayEquals(expected, linear, "linear memory at the cells is untouched but for the computed store");
    }

    @Test
    void theBuildStepFailsUnlessItFoundEveryCellAccess(@TempDir Path dir) throws Exception {
        for (int expected : new int[] {8, 9}) {
            Path copy = Files.createDirectories(dir.resolve("classes-" + expected + "/t"));
            for (String name : SOURCES.keySet()) {
                Files.copy(classes.resolve("t/" + name + ".class"), copy.resolve(name + ".class"));
            }
            Path described = dir.resolve("cells-" + expected);
            Files.writeString(described, "base=1000\nbytes=40\naccesses=" + expected + "\n");
            String[] args = {copy.getParent().toString(), described.toString(), "t.TestMemory"};
            if (expected == 8) {
                CompiledCodeRewrite.main(args);
                CompiledCodeRewrite.Counts again = new CompiledCodeRewrite.Counts();
                CompiledCodeRewrite.rewrite(Files.readAllBytes(copy.resolve("Code.class")), CELLS, CELL_MEMORY, null, again);
                assertEquals(0, again.total(), "the class file on disk was rewritten: nothing is left to rewrite");
            } else {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> CompiledCodeRewrite.main(args));
                assertTrue(e.getMessage().contains("found 8 of the 9 cell accesses"), e.getMessage());
            }
        }
        Path tooMany = dir.resolve("cells-too-many");
        Files.writeString(tooMany, "base=1000\nbytes=80\naccesses=8\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CompiledCodeRewrite.main(new String[] {dir.resolve("classes-8").toString(), tooMany.toString(), "t.TestMemory"}));
        assertTrue(e.getMessage().contains("10 cells"), e.getMessage());
    }

    @Test
    void fusedComparisonsBranchAsTheCallsDid() throws Exception {
        byte[] rewritten = CompiledCodeRewrite.rewrite(original, CELLS, CELL_MEMORY, null, new CompiledCodeRewrite.Counts());
        int[] ints = {Integer.MIN_VALUE, -7, -1, 0, 1, 7, Integer.MAX_VALUE};
        long[] longs = {Long.MIN_VALUE, -1L << 40, -1, 0, 1, 1L << 40, Long.MAX_VALUE};
        for (int i = 0; i < ints.length; i++) {
            for (int j = 0; j < ints.length; j++) {
                Object[] args = {ints[i], ints[j], longs[i], longs[j]};
                assertEquals(compares(original, "compares", args), compares(rewritten, "compares", args), java.util.Arrays.toString(args));
            }
        }
    }

    @Test
    void unsignedComparisonsBranchAsTheCallsDid() throws Exception {
        byte[] rewritten = CompiledCodeRewrite.rewrite(original, CELLS, CELL_MEMORY, null, new CompiledCodeRewrite.Counts());
        // around each constant the test compares with, and where the sign bit flips
        int[] ints = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -8, -7, -6, -1, 0, 1, 6, 7, 8, 9, 10, 299, 300, 301,
            99_999, 100_000, Integer.MAX_VALUE};
        long[] longs = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -8, -7, -6, -1, 0, 1, 2, 4, 5, 6, (1L << 40) - 1, 1L << 40,
            Long.MAX_VALUE};
        long checked = 0;
        for (int i = 0; i < ints.length; i++) {
            for (int j = 0; j < ints.length; j++) {
                Object[] args = {ints[i], ints[j], longs[i % longs.length], longs[j % longs.length]};
                long before = compares(original, "unsignedCompares", args);
                assertEquals(before, compares(rewritten, "unsignedCompares", args), java.util.Arrays.toString(args));
                checked |= before;
            }
        }
        assertEquals((1L << 34) - 1 | ((1L << 14) - 1) << 40, checked, "every test held for some operands");
        assertEquals(0, unsignedCalls(rewritten, true), "no unsigned comparison before a branch is still a call");
        assertEquals(0, unsignedCalls(rewritten, false), "nor one used as a value");
        assertEquals(14, unsignedCalls(original, false), "as the original made them");
    }

    @Test
    void byteSwapCallsBecomeTheJdksReverseBytes() throws Exception {
        CompiledCodeRewrite.Counts counts = new CompiledCodeRewrite.Counts();
        java.util.Properties file = new java.util.Properties();
        file.setProperty("swap16", "90");
        file.setProperty("swap32", "91");
        file.setProperty("swap64", "92");
        byte[] rewritten = CompiledCodeRewrite.rewrite(original, CELLS, CELL_MEMORY, null, CompiledCodeRewrite.swaps(file), counts);
        assertEquals(3, counts.byteSwaps[0], "the calls of the three swap functions in func_7, a compiled function");
        int[] ints = {0, 1, 0xABCD, 0x1234_5678, -1, Integer.MIN_VALUE, 0x00FF_0000};
        long[] longs = {0, 1, 0x0102_0304_0506_0708L, -1, Long.MIN_VALUE, 0x89AB_CDEFL, 0xFFL << 48};
        for (int i = 0; i < ints.length; i++) {
            Object[] args = {ints[i], longs[i]};
            assertEquals(swaps(original, args), swaps(rewritten, args), java.util.Arrays.toString(args));
        }
        assertEquals(List.of("func_93", "reverseBytes", "reverseBytes", "reverseBytes"), calls(rewritten, "func_7"));
    }

    private static long swaps(byte[] codeClass, Object[] args) throws Exception {
        return withCode(codeClass, loader -> {
            Class<?> memoryClass = loader.loadClass("t.TestMemory");
            return (long) loader.loadClass("t.Code").getMethod("func_7", int.class, long.class, memoryClass)
                    .invoke(null, args[0], args[1], memoryClass.getConstructor().newInstance());
        });
    }

    /** The names of the methods {@code method} calls, sorted. */
    private static List<String> calls(byte[] classFile, String method) {
        List<String> names = new java.util.ArrayList<>();
        visitMethod(classFile, method, new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String called, String desc, boolean itf) {
                names.add(called);
            }
        });
        java.util.Collections.sort(names);
        return names;
    }

    @Test
    void chicorysMemoryCopyWorkaroundIsOffUnlessAskedFor() throws Exception {
        Path helper = classes.resolve("t/TestMachineShaded.class");
        byte[] before = Files.readAllBytes(helper);
        CompiledCodeRewrite.Counts counts = new CompiledCodeRewrite.Counts();
        byte[] rewritten = CompiledCodeRewrite.rewrite(before, CELLS, CELL_MEMORY, null, counts);
        assertEquals(1, counts.memCopyWorkaroundOff[0], "the static initialiser's question to Chicory");
        // Chicory turns it on up to Java 17 (the JVM these tests run on in CI), off from 21
        boolean chicorysDefault = com.dylibso.chicory.runtime.MemCopyWorkaround.shouldUseMemWorkaround();
        String property = System.getProperty("chicory.memCopyWorkaround");
        try {
            System.clearProperty("chicory.memCopyWorkaround");
            assertEquals(chicorysDefault, workaround(helper, before), "the original asks Chicory");
            assertEquals(false, workaround(helper, rewritten), "rewritten: off by default");
            System.setProperty("chicory.memCopyWorkaround", "true");
            assertEquals(true, workaround(helper, rewritten), "the property still turns it on");
        } finally {
            if (property == null) {
                System.clearProperty("chicory.memCopyWorkaround");
            } else {
                System.setProperty("chicory.memCopyWorkaround", property);
            }
            Files.write(helper, before);
        }
    }

    /** The helper's memCopyWorkaround, with {@code helperClass} as the helper on a fresh class loader. */
    private static boolean workaround(Path helper, byte[] helperClass) throws Exception {
        Files.write(helper, helperClass);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, CompiledCodeRewriteTest.class.getClassLoader())) {
            return loader.loadClass("t.TestMachineShaded").getField("memCopyWorkaround").getBoolean(null);
        }
    }

    private static long compares(byte[] codeClass, String method, Object[] args) throws Exception {
        return withCode(codeClass, loader -> (long) loader.loadClass("t.Code")
                .getMethod(method, int.class, int.class, long.class, long.class).invoke(null, args));
    }

    /** How many calls of an unsigned comparison {@code unsignedCompares} makes with (or without) a branch right after. */
    private static int unsignedCalls(byte[] classFile, boolean beforeBranch) {
        int[] calls = {0};
        visitMethod(classFile, "unsignedCompares", new MethodVisitor(Opcodes.ASM9) {
            private boolean afterCall;

            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                afterCall = method.endsWith("_U") || method.endsWith("_u");
            }

            @Override
            public void visitJumpInsn(int opcode, org.objectweb.asm.Label label) {
                count(opcode == Opcodes.IFEQ || opcode == Opcodes.IFNE);
            }

            @Override
            public void visitInsn(int opcode) {
                count(false);
            }

            private void count(boolean branch) {
                if (afterCall && branch == beforeBranch) {
                    calls[0]++;
                }
                afterCall = false;
            }
        });
        return calls[0];
    }

    /** How many times the method reads the memory object's cells field. */
    private static int cellsArrayLoads(byte[] classFile, String method) {
        int[] loads = {0};
        visitMethod(classFile, method, new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitFieldInsn(int opcode, String owner, String field, String type) {
                if (opcode == Opcodes.GETFIELD && field.equals("cells")) {
                    loads[0]++;
                }
            }
        });
        return loads[0];
    }

    /** Runs {@code visitor} over the code of the class file's method named {@code method}. */
    private static void visitMethod(byte[] classFile, String method, MethodVisitor visitor) {
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return name.equals(method) ? visitor : null;
            }
        }, 0);
    }

    private record Run(long result, int helperChecks, int otherChecks, long[] cells, byte[] bytes) {}

    private static Run run(byte[] codeClass, Object[] args) throws Exception {
        return withCode(codeClass, loader -> {
            Class<?> memoryClass = loader.loadClass("t.TestMemory");
            Object memory = memoryClass.getConstructor().newInstance();
            Method cells = loader.loadClass("t.Code").getMethod("cells", int.class, long.class, float.class, double.class, memoryClass);
            long result = (long) cells.invoke(null, args[0], args[1], args[2], args[3], memory);
            return new Run(result,
                    loader.loadClass("t.TestMachineShaded").getField("checks").getInt(null),
                    loader.loadClass("t.Other").getField("checks").getInt(null),
                    (long[]) memoryClass.getField("cells").get(memory),
                    (byte[]) memoryClass.getField("bytes").get(memory));
        });
    }

    private interface WithLoader<T> {
        T apply(ClassLoader loader) throws Exception;
    }

    /** Runs {@code body} on a fresh class loader that sees {@code codeClass} as t.Code, then puts the original back. */
    private static <T> T withCode(byte[] codeClass, WithLoader<T> body) throws Exception {
        Files.write(classes.resolve("t/Code.class"), codeClass);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, CompiledCodeRewriteTest.class.getClassLoader())) {
            return body.apply(loader);
        } finally {
            Files.write(classes.resolve("t/Code.class"), original);
        }
    }
}
