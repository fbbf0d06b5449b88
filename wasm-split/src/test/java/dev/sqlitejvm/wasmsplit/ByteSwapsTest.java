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
 * {@link ByteSwaps} on a hand-made module (src/test/resources/byte-swaps.wat): the trees it must
 * replace are replaced, the near misses are not, and every function returns (or traps) as before,
 * run by Chicory's interpreter, so through the swap functions' own wasm bodies. A trap's message
 * may name another address: the wide load's rather than its first byte outside memory.
 */
class ByteSwapsTest {
    private static byte[] original;
    private static final String[] REPLACED = {"get4", "get4balanced", "get2", "get8", "swap32", "swap64", "swap16"};
    private static final String[] LEFT_ALONE = {"littleEndian", "three", "moved", "twoBases", "overlap", "partialSwap"};

    @BeforeAll
    static void assemble(@TempDir Path dir) throws Exception {
        original = Wat.assemble(dir, "byte-swaps", Wat.resource("/byte-swaps.wat"));
    }

    @Test
    void swapsAndBigEndianReadsAreFoundInEveryShape() {
        WasmModule module = WasmModule.parse(original);
        ByteSwaps.Result r = ByteSwaps.rewrite(module);
        assertEquals(2, r.loads4(), "get4 and get4balanced");
        assertEquals(1, r.loads2(), "get2");
        assertEquals(1, r.loads8(), "get8");
        assertEquals(1, r.swaps4(), "swap32");
        assertEquals(1, r.swaps8(), "swap64");
        assertEquals(1, r.swaps2(), "swap16");
        assertEquals(9, ByteSwaps.calls(module, r), "one call per tree, two in the 64-bit swap's body");
        WasmModule before = WasmModule.parse(original);
        for (String name : LEFT_ALONE) {
            int f = exported(before, name);
            assertArrayEquals(before.bodies.get(f - before.importedFunctions), module.bodies.get(f - module.importedFunctions), name);
        }
        for (String name : REPLACED) {
            int f = exported(before, name);
            byte[] was = before.bodies.get(f - before.importedFunctions);
            byte[] now = module.bodies.get(f - module.importedFunctions);
            assertTrue(now.length < was.length, name + " is shorter: " + was.length + " -> " + now.length);
        }
    }

    @Test
    void everyFunctionComputesAndTrapsAsBefore() {
        WasmModule module = WasmModule.parse(original);
        ByteSwaps.rewrite(module);
        List<String> expected = run(original);
        assertEquals(expected, run(module.write()));
        assertTrue(expected.stream().anyMatch(s -> s.startsWith("get4 65533 = trap")), "the reads near the end trap");
        assertTrue(expected.contains("get4 0 = [16909060]"), "0x01020304: " + expected.get(0));
    }

    @Test
    void aModuleWithoutSwapsGetsNoFunctions() {
        WasmModule module = WasmModule.parse(original);
        int functions = module.functionTypes.size();
        for (String name : REPLACED) {
            int f = exported(module, name);
            // an empty body returning a constant of the function's type
            byte result = module.typeOfFunction(f).results()[0];
            Leb.Writer w = new Leb.Writer();
            Code.writeLocals(w, new byte[0]);
            w.u8(result == 0x7E ? 0x42 : 0x41).s64(1).u8(Code.END);
            module.bodies.set(f - module.importedFunctions, w.toByteArray());
        }
        ByteSwaps.Result r = ByteSwaps.rewrite(module);
        assertEquals(0, r.replaced());
        assertEquals(-1, r.swap32());
        assertEquals(functions, module.functionTypes.size(), "no function added");
    }

    private static int exported(WasmModule module, String name) {
        return module.exports.stream().filter(e -> e.name().equals(name) && e.kind() == 0).findFirst().orElseThrow().index();
    }

    private static List<String> run(byte[] wasm) {
        Instance instance = Instance.builder(Parser.parse(wasm)).build();
        List<String> out = new ArrayList<>();
        int[] addresses = {0, 1, 2, 3, 8, 12, 16, 65528, 65530, 65532, 65533, 65535, 65536, -1, Integer.MIN_VALUE};
        for (String name : new String[] {"get4", "get4balanced", "get2", "get8", "swap32", "littleEndian", "three", "moved", "overlap"}) {
            for (int p : addresses) {
                out.add(name + " " + p + " = " + call(instance, name, p));
            }
        }
        for (int p : addresses) {
            out.add("twoBases " + p + " = " + call(instance, "twoBases", p, 9));
        }
        long[] values = {0, 1, 0x0102030405060708L, -1, Long.MIN_VALUE, 0x1234_5678L, 0xFFFF_0001L, 0x89AB_CDEFL, 0xABCDL};
        for (long x : values) {
            out.add("swap64 " + x + " = " + call(instance, "swap64", x));
            out.add("swap16 " + x + " = " + call(instance, "swap16", (int) x));
            out.add("partialSwap " + x + " = " + call(instance, "partialSwap", (int) x));
        }
        return out;
    }

    private static String call(Instance instance, String name, long... args) {
        try {
            return java.util.Arrays.toString(instance.export(name).apply(args));
        } catch (RuntimeException e) {
            // the kind of trap; its details name the access that trapped, the first byte or the word
            String message = String.valueOf(e.getMessage());
            int details = message.indexOf(':');
            return "trap " + e.getClass().getSimpleName() + ": " + (details < 0 ? message : message.substring(0, details));
        }
    }
}
