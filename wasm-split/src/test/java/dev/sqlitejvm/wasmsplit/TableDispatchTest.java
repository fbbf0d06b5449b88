package dev.sqlitejvm.wasmsplit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.MachineFactory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;



import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a module with indirect calls through a fixed table by Chicory's own compiler, rewrites
 * the classes with {@link TableDispatch} and runs every call (each element, empty ones, ones out of
 * the table, ones of the wrong type) against Chicory's interpreter on the unchanged module: same
 * results, same traps.
 */
class TableDispatchTest {
    private static byte[] fixed;
    private static byte[] written;
    private static byte[] exported;

    @BeforeAll
    static void assemble(@TempDir Path dir) throws Exception {
        String text = Wat.resource("/table-cases.wat");
        String marker = "  ;; TABLE-WRITE (the test puts a table.set here for the variant whose table changes)\n";
        fixed = assemble(dir, "fixed", text);
        written = assemble(dir, "written", text.replace(marker,
                "  (func (export \"swap\") (table.set 0 (i32.const 1) (ref.func $sub)))\n  (elem declare func $sub)\n"));
        exported = assemble(dir, "exported", text.replace(marker, "  (export \"t\" (table 0))\n"));
    }

    private static byte[] assemble(Path dir, String name, String text) throws Exception {
        return Wat.assemble(dir, name, text, "--enable-reference-types", "--enable-bulk-memory");
    }

    @Test
    void theTableIsFixedOnlyIfNothingCanWriteIt() {
        assertArrayEquals(new int[] {-1, 0, 1, 3, 0, 4, 5, 2}, FixedTable.of(parsed(fixed)), "function by element");
        assertNull(FixedTable.of(parsed(written)), "table.set in the code");
        assertNull(FixedTable.of(parsed(exported)), "the host may write an exported table");
    }

    @Test
    void indirectCallsBehaveAsBeforeTheRewrite() throws Exception {
        WasmModule module = Parser.parse(fixed);
        Map<String, byte[]> classes = Compiler.builder(module).withClassName("t.M").build().compile().classBytes();
        CompiledCodeRewrite.Counts counts = new CompiledCodeRewrite.Counts();
        int[] table = FixedTable.of(parsed(fixed));
        Map<String, byte[]> rewritten = new HashMap<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            rewritten.put(c.getKey(), CompiledCodeRewrite.rewrite(c.getValue(), new CellAccesses.Range(0, 0), "t/None", table, counts));
        }
        assertEquals(4, counts.tableDispatches[0], "one dispatch per indirect call type (bin, un, wide, none)");
        CompiledCodeRewrite.Counts again = new CompiledCodeRewrite.Counts();
        for (byte[] c : rewritten.values()) {
            CompiledCodeRewrite.rewrite(c, new CellAccesses.Range(0, 0), "t/None", table, again);
        }
        assertEquals(0, again.tableDispatches[0], "rewritten classes are not rewritten again");

        Instance interpreted = Instance.builder(module).build();
        Instance compiled = Instance.builder(module).withMachineFactory(machines(module, rewritten)).build();
        List<String> expected = calls(interpreted);
        List<String> actual = calls(compiled);
        assertEquals(expected, actual);
        assertTrue(expected.stream().anyMatch(s -> s.contains("trap")), "the calls include traps: " + expected);
    }

    /** Every export with every element from -1 to past the table's end. */
    private static List<String> calls(Instance instance) {
        List<String> out = new ArrayList<>();
        for (int e = -1; e <= 9; e++) {
            out.add("bin " + e + " = " + call(instance, "bin", e, 40, 2));
            out.add("un " + e + " = " + call(instance, "un", e, 5));
            out.add("wide " + e + " = " + call(instance, "wide", e, 7, Double.doubleToRawLongBits(-2.75), -1));
            out.add("bump " + e + " = " + call(instance, "bump", e));
        }
        return out;
    }

    private static String call(Instance instance, String name, long... args) {
        try {
            return java.util.Arrays.toString(instance.export(name).apply(args));
        } catch (RuntimeException e) {
            return "trap " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** The compiled module's machine, from the rewritten classes. */
    private static Function<Instance, Machine> machines(WasmModule module, Map<String, byte[]> classes) throws Exception {
        ClassLoader loader = new ClassLoader(TableDispatchTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) {
                    b = classes.get(name.replace('.', '/'));
                }
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        var constructor = loader.loadClass("t.M").getConstructor(Instance.class);
        return new MachineFactory(module, instance -> {
            try {
                return (Machine) constructor.newInstance(instance);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static dev.sqlitejvm.wasmsplit.WasmModule parsed(byte[] wasm) {
        return dev.sqlitejvm.wasmsplit.WasmModule.parse(wasm);
    }
}
