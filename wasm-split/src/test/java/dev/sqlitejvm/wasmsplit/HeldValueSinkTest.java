package dev.sqlitejvm.wasmsplit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every export of {@code held-values.wat} before and after {@link HeldValueSink}: same results. */
class HeldValueSinkTest {
    static byte[] original;

    @BeforeAll
    static void assemble(@TempDir Path dir) throws Exception {
        original = Wat.assemble(dir, "held-values", Wat.resource("/held-values.wat"));
    }

    @Test
    void movedValuesGiveTheSameResults() {
        WasmModule module = WasmModule.parse(original);
        int changed = HeldValueSink.rewrite(module);
        // storeSwitch, threeWaiting, teeOfAWaitingRead, loopNested and selfBranch; blockWritesIt
        // and onlyInside stay
        assertEquals(5, changed);
        byte[] rewritten = module.write();
        assertEquals(run(original), run(rewritten));
        assertEquals(0, HeldValueSink.rewrite(WasmModule.parse(rewritten)), "nothing waits under a block any more");
    }

    @Test
    void aBlockThatWritesTheLocalOrNeverLeavesKeepsItWaiting() {
        WasmModule module = WasmModule.parse(original);
        HeldValueSink.rewrite(module);
        assertTrue(waitsUnderABlock(module, 3), "blockWritesIt: the block writes the waiting local");
        assertTrue(waitsUnderABlock(module, 6), "onlyInside: no branch drops the waiting value");
        assertTrue(!waitsUnderABlock(module, 0), "storeSwitch: the address no longer waits");
    }

    /** True if function {@code f} (export order, no imports) reads a local right before a block. */
    private static boolean waitsUnderABlock(WasmModule module, int f) {
        Code code = new Code(module, module.typeOfFunction(f), module.bodies.get(f));
        for (int i = 1; i < code.size; i++) {
            if (code.op[i] == Code.BLOCK && code.op[i - 1] == Code.LOCAL_GET) {
                return true;
            }
        }
        return false;
    }

    private static List<String> run(byte[] wasm) {
        Instance instance = Instance.builder(Parser.parse(wasm)).build();
        List<String> out = new ArrayList<>();
        for (int op = -1; op < 7; op++) {
            out.add("storeSwitch " + op + " = " + call(instance, "storeSwitch", 64, op));
        }
        for (int a = -3; a < 70; a += 4) {
            out.add("threeWaiting " + a + " = " + call(instance, "threeWaiting", a, a % 3));
            out.add("teeOfAWaitingRead " + a + " = " + call(instance, "teeOfAWaitingRead", a));
            out.add("blockWritesIt " + a + " = " + call(instance, "blockWritesIt", a));
            out.add("loopNested " + a + " = " + call(instance, "loopNested", a));
        }
        for (int a = -1; a < 4; a++) {
            out.add("selfBranch " + a + " = " + call(instance, "selfBranch", a));
            out.add("onlyInside " + a + " = " + call(instance, "onlyInside", a));
        }
        return out;
    }

    private static String call(Instance instance, String name, long... args) {
        long[] result = instance.export(name).apply(args);
        return result == null ? "void" : Arrays.toString(result);
    }
}
