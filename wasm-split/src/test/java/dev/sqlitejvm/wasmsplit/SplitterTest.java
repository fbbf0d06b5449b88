package dev.sqlitejvm.wasmsplit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;


import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Splits hand-written modules at targets small enough to move almost every statement run into a
 * function of its own, and checks that every export behaves exactly as before: same results, same
 * memory, same traps.
 */
class SplitterTest {
    /** The test module, whose global 0 looks like a C stack pointer: outs go through memory. */
    static byte[] original;
    /** The same with a stack top the splitter does not take for one: outs go through globals. */
    static byte[] withoutStackPointer;

    @BeforeAll
    static void assemble(@TempDir Path dir) throws Exception {
        String text = Wat.resource("/split-cases.wat");
        text = text.replace("  ;; SWITCH (SplitterTest puts a generated 20-arm switch here)\n", switchFunction());
        original = assemble(dir, "with-sp", text);
        withoutStackPointer = assemble(dir, "without-sp", text.replace("(i32.const 65536)) ;; stack-pointer", "(i32.const 65532)) ;; stack-pointer"));
    }

    private static byte[] assemble(Path dir, String name, String text) throws Exception {
        return Wat.assemble(dir, name, text);
    }

    @Test
    void splittingCreatesFunctionsAndIsDeterministic() {
        Splitter.Result a = Splitter.split(original, 20);
        Splitter.Result b = Splitter.split(original, 20);
        assertArrayEquals(a.wasm(), b.wasm());
        int created = a.splits().stream().mapToInt(s -> s.regions().size()).sum();
        assertTrue(created >= 8, "regions moved out: " + created);
        boolean severalExits = false;
        for (int target : new int[] {20, 40, 80, 160}) {
            severalExits |= Splitter.split(original, target).splits().stream()
                    .anyMatch(s -> s.regions().stream().anyMatch(r -> r[4] > 1));
        }
        assertTrue(severalExits, "some region leaves through several exits");
    }

    @Test
    void everyTargetPreservesBehaviour() {
        List<String> expected = run(original);
        for (int target : new int[] {10, 20, 40, 80, 160, 100_000}) {
            byte[] split = Splitter.split(original, target).wasm();
            assertEquals(expected, run(split), "target " + target);
        }
    }

    @Test
    void globalsCarryTheOutsWithoutAStackPointer() {
        List<String> expected = run(withoutStackPointer);
        assertEquals(run(original), expected);
        for (int target : new int[] {10, 20, 40, 80}) {
            assertEquals(expected, run(Splitter.split(withoutStackPointer, target).wasm()), "target " + target);
        }
    }

    @Test
    void splitModuleSplitsAgainWithoutChange() {
        byte[] once = Splitter.split(original, 20).wasm();
        assertEquals(run(once), run(Splitter.split(once, 20).wasm()));
    }

    @Test
    void switchLaddersAreRegroupedIntoSeparateFunctions() {
        WasmModule m = WasmModule.parse(original);
        int dispatch = m.functionTypes.size() - 1; // the last function in the text
        byte[] flat = SwitchFlattener.flatten(m, m.typeOfFunction(dispatch), m.bodies.get(dispatch - m.importedFunctions), 60);
        assertTrue(flat != null, "the 20-arm ladder is regrouped");
        assertEquals(2, SwitchFlattener.forwardedArms(m, m.typeOfFunction(dispatch), m.bodies.get(dispatch - m.importedFunctions), 60),
                "arms 4 and 11 only set a local and jump ahead: the table sends them to the group they jump to");
        for (int target : new int[] {30, 60}) {
            Splitter.Result r = Splitter.split(original, target);
            assertTrue(r.splits().stream().anyMatch(s -> s.function() == dispatch && s.regions().size() >= 2), "target " + target);
        }
    }

    @Test
    void valueCarryingBranchesStayInTheirFunction() {
        Splitter.Result r = Splitter.split(original, 10);
        for (Splitter.Split s : r.splits()) {
            // "valued" is export 5 in declaration order: function index 5 (no imports)
            if (s.function() == 5) {
                assertTrue(s.regions().stream().allMatch(region -> region[4] == 0), "no region branches out of the valued block");
            }
        }
    }

    @Test
    void aLadderThatOpensTheFunctionBodyIsRegroupedToo(@TempDir Path dir) throws Exception {
        // the ladder's outermost block is the body's first instruction: nothing encloses it
        int arms = 20;
        StringBuilder w = new StringBuilder("(module\n  (func $top (export \"top\") (param $x i32) (result i32) (local $acc i32)\n");
        ladderDispatch(w, arms, arms, "    ", "(i32.rem_u (local.get $x) (i32.const 23))");
        for (int k = 1; k <= arms; k++) {
            w.append("    (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const ").append(k + 2)
                    .append(")) (i32.add (local.get $x) (i32.const ").append(k).append("))))\n");
            if (k % 4 == 0) {
                w.append("    (if (i32.gt_s (local.get $acc) (i32.const 100)) (then (return (local.get $acc))))\n");
            }
            if (k < arms) {
                w.append("    )\n"); // arm k ends with block Lk; the last arm runs on to the end
            }
        }
        w.append("    (local.get $acc)))\n");
        byte[] module = assemble(dir, "top-ladder", w.toString());
        WasmModule m = WasmModule.parse(module);
        assertTrue(SwitchFlattener.flatten(m, m.typeOfFunction(0), m.bodies.get(0), 60) != null, "regrouped");
        List<String> expected = runTop(module);
        for (int target : new int[] {10, 20, 40, 80}) {
            assertEquals(expected, runTop(Splitter.split(module, target).wasm()), "target " + target);
        }
    }

    @Test
    void armsThatOneArmAloneReachesMoveIntoIt(@TempDir Path dir) throws Exception {
        byte[] module = assemble(dir, "tails", "(module\n" + tailsFunction() + ")\n");
        WasmModule m = WasmModule.parse(module);
        FuncType type = m.typeOfFunction(0);
        assertEquals(3, TailAbsorption.movedArms(m, type, m.bodies.get(0), 100_000),
                "arms 21 and 22 go into arm 3, arm 25 into arm 14; 23 and 24 are reached from two arms");
        assertEquals(0, TailAbsorption.movedArms(m, type, m.bodies.get(0), 10), "no arm may grow that far");
        List<String> expected = runTails(module);
        m.bodies.set(0, TailAbsorption.absorb(m, type, m.bodies.get(0), 100_000));
        assertEquals(expected, runTails(m.write()), "absorbed, not split");
        for (int target : new int[] {10, 20, 40, 80, 160, 100_000}) {
            assertEquals(expected, runTails(Splitter.split(module, target).wasm()), "target " + target);
        }
    }

    /**
     * A switch whose last five arms the table never enters, as clang lays out a case's goto labels:
     * arm 3 jumps to arm 21, which falls into 22; 22 jumps to 24 and 23 (which arm 9 reaches too),
     * and 24 is also where 23 falls; arm 14 alone jumps to arm 25, which returns or continues the loop.
     */
    private static String tailsFunction() {
        int entered = 20;
        int arms = 25;
        StringBuilder w = new StringBuilder();
        w.append("  (func $tails (export \"tails\") (param $x i32) (result i32) (local $i i32) (local $acc i32)\n");
        w.append("    (local.set $acc (local.get $x))\n");
        w.append("    (block $exit (loop $top\n      (br_if $exit (i32.ge_u (local.get $i) (i32.const 12)))\n");
        w.append("      (block $after\n");
        ladderDispatch(w, arms, entered, "      ", "(i32.rem_u (i32.add (local.get $x) (i32.mul (local.get $i) (i32.const 7))) (i32.const 23))");
        for (int k = 1; k <= arms; k++) {
            w.append("      (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const ").append(k + 2).append(")) (i32.const ").append(k).append(")))\n");
            switch (k) {
                case 3 -> w.append("      (br_if $L20 (i32.and (local.get $acc) (i32.const 1)))\n");
                case 9 -> w.append("      (br_if $L22 (i32.and (local.get $acc) (i32.const 2)))\n");
                case 14 -> w.append("      (br_if $L24 (i32.and (local.get $acc) (i32.const 1)))\n");
                case 21 -> w.append("      (block $skip (br_if $skip (i32.and (local.get $acc) (i32.const 8)))\n")
                        .append("        (local.set $acc (i32.xor (local.get $acc) (i32.const 21))))\n");
                case 22 -> w.append("      (br_if $L23 (i32.and (local.get $acc) (i32.const 2)))\n")
                        .append("      (br_if $L22 (i32.and (local.get $acc) (i32.const 4)))\n      (br $after)\n");
                case 25 -> w.append("      (if (i32.and (local.get $acc) (i32.const 4)) (then (return (local.get $acc))))\n")
                        .append("      (local.set $i (i32.add (local.get $i) (i32.const 1)))\n      (br $top)\n");
                default -> {
                    if (k % 3 == 0 || k == entered) {
                        w.append("      (br $after)\n"); // 23 falls into 24
                    }
                }
            }
            w.append("      )\n");
        }
        w.append("      (local.set $i (i32.add (local.get $i) (i32.const 1)))\n      (br $top)))\n    (local.get $acc))\n");
        return w.toString();
    }

    private static List<String> runTails(byte[] wasm) {
        return runOneArgument(wasm, "tails", 80);
    }

    private static List<String> runTop(byte[] wasm) {
        return runOneArgument(wasm, "top", 60);
    }

    /** Calls export {@code name} with -3 .. {@code to} - 1; one line per call (result or trap). */
    private static List<String> runOneArgument(byte[] wasm, String name, int to) {
        Instance instance = Instance.builder(Parser.parse(wasm)).build();
        List<String> out = new ArrayList<>();
        for (int x = -3; x < to; x++) {
            out.add(name + " " + x + " = " + call(instance, name, x));
        }
        return out;
    }

    /**
     * A C-like switch of 20 arms in a loop, as clang lays it out (a ladder of nested blocks around
     * one br_table): arms break, fall through into the next arm, jump ahead to a later arm, return
     * from the function, and selectors past the table take the default arm. Arms 4 and 11 only
     * forward, as clang lays out an arm that shares another's code: they set a local and jump to
     * arm 10 and arm 17 (which arm 16 also falls into).
     */
    static String switchFunction() {
        int arms = 20;
        StringBuilder w = new StringBuilder();
        w.append("  (func $dispatch (export \"dispatch\") (param $x i32) (param $n i32) (result i32)\n");
        w.append("    (local $i i32) (local $acc i32)\n    (local.set $acc (local.get $x))\n");
        w.append("    (block $exit (loop $top\n      (br_if $exit (i32.ge_u (local.get $i) (local.get $n)))\n");
        w.append("      (block $after\n");
        ladderDispatch(w, arms, arms, "      ", "(i32.rem_u (i32.add (local.get $x) (i32.mul (local.get $i) (i32.const 7))) (i32.const 23))");
        for (int k = 1; k <= arms; k++) {
            // arm k follows the end of L(k-1)
            if (k % 7 == 4 && k + 5 < arms - 1) {
                w.append("      (local.set $acc (i32.xor (local.get $acc) (i32.const ").append(1000 + k).append(")))\n");
                w.append("      (br $L").append(k + 5).append(")\n      )\n");
                continue;
            }
            w.append("      (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const ").append(k + 2).append(")) (i32.const ").append(k).append(")))\n");
            if (k == 13) {
                w.append("      (if (i32.eq (i32.and (local.get $acc) (i32.const 255)) (i32.const 7)) (then (return (i32.const -7))))\n");
            }
            if (k % 5 == 1 && k + 6 < arms) {
                w.append("      (br_if $L").append(k + 6).append(" (i32.and (local.get $acc) (i32.const 1)))\n");
            }
            if (k % 3 == 0) {
                w.append("      (br $after)\n");
            }
            w.append(k < arms ? "      )\n" : "      )\n");
        }
        w.append("      (local.set $i (i32.add (local.get $i) (i32.const 1)))\n      (br $top)))\n    (local.get $acc))\n");
        return w.toString();
    }

    /**
     * The top of a switch ladder as clang lays it out: blocks L(arms-1) .. L0, and in the innermost
     * a br_table on {@code selector} to L0 .. L(entered-1), default L5, then L0's end. Arm k follows.
     */
    private static void ladderDispatch(StringBuilder w, int arms, int entered, String indent, String selector) {
        for (int k = arms - 1; k >= 0; k--) {
            w.append(indent).append("(block $L").append(k).append('\n');
        }
        w.append(indent).append("  (br_table");
        for (int k = 0; k < entered; k++) {
            w.append(" $L").append(k);
        }
        w.append(" $L5 ").append(selector).append("))\n");
    }

    /** Runs every export over a range of inputs; returns one line per call (result or trap). */
    private static List<String> run(byte[] wasm) {
        Instance instance = Instance.builder(Parser.parse(wasm)).build();
        List<String> out = new ArrayList<>();
        for (int n = 0; n < 40; n += 3) {
            for (int seed : new int[] {0, 1, 2, 3, 4, 17, 1000, -5, Integer.MAX_VALUE}) {
                out.add("machine " + n + " " + seed + " = " + call(instance, "machine", n, seed));
            }
        }
        for (int x = -2; x < 12; x++) {
            out.add("traps " + x + " = " + call(instance, "traps", x));
            out.add("valued " + x + " = " + call(instance, "valued", x));
        }
        for (int n = 0; n < 20; n++) {
            out.add("fib " + n + " = " + call(instance, "fib", n));
            out.add("frames " + n + " = " + call(instance, "frames", n));
        }
        for (int x = -3; x < 60; x += 2) {
            out.add("dispatch " + x + " = " + call(instance, "dispatch", x, 40));
        }
        out.add("fill = " + call(instance, "fill", 100, 30));
        out.add("fill = " + call(instance, "fill", 200, 60));
        for (int at = 96; at < 280; at += 4) {
            out.add("peek " + at + " = " + call(instance, "peek", at));
        }
        return out;
    }

    private static String call(Instance instance, String name, long... args) {
        try {
            long[] result = instance.export(name).apply(args);
            return result == null ? "void" : java.util.Arrays.toString(result);
        } catch (RuntimeException e) {
            return "trap " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
