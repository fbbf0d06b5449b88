package dev.sqlitejvm.wasmsplit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Build step: {@code ExportCalls <module.wasm> <source-root> <module-class>} writes the Java
 * source of {@code <module-class>Exports}, which hands out each exported function of the module as
 * a direct call of the method Chicory's build-time compiler made of it.
 *
 * <p>Why: Chicory's own {@code Instance.export(name)} goes through the machine's call dispatch, one
 * {@code tableswitch} over every function of the module. For SQLite that method is about 27 KB of
 * bytecode, over HotSpot's limit, so the bytecode interpreter runs it on every call from Java into
 * SQLite: for each {@code sqlite3_step} and each {@code sqlite3_column_*}. Reading rows spent 40%
 * of its time there. The generated class calls {@code <module-class>MachineFuncGroup_N.call_F}
 * (the per-function entry the dispatch itself uses) straight away.
 */
public final class ExportCalls {
    /** Functions per generated FuncGroup class, as Chicory's compiler groups them. */
    static final int FUNCTIONS_PER_GROUP = 4096;

    private ExportCalls() {}

    public static void main(String[] args) throws IOException {
        Path wasm = Path.of(args[0]);
        Path sourceRoot = Path.of(args[1]);
        String moduleClass = args[2];
        Map<String, Integer> exports = functionExports(Files.readAllBytes(wasm));
        int dot = moduleClass.lastIndexOf('.');
        String pkg = moduleClass.substring(0, dot);
        String simple = moduleClass.substring(dot + 1) + "Exports";
        Path out = sourceRoot.resolve(pkg.replace('.', '/')).resolve(simple + ".java");
        Files.createDirectories(out.getParent());
        Files.writeString(out, source(pkg, simple, moduleClass.substring(dot + 1), wasm.getFileName().toString(), exports),
                StandardCharsets.UTF_8);
        System.out.printf("[export-calls] %d direct export calls in %s%n", exports.size(), out);
    }

    /** Exported functions the module defines (not re-exported imports), by name; plain C names only. */
    static Map<String, Integer> functionExports(byte[] wasm) {
        WasmModule module = WasmModule.parse(wasm);
        Map<String, Integer> exports = new TreeMap<>();
        for (WasmModule.Export e : module.exports) {
            if (e.kind() == 0 && e.index() >= module.importedFunctions && e.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                exports.put(e.name(), e.index());
            }
        }
        return exports;
    }

    static String source(String pkg, String simple, String module, String wasmName, Map<String, Integer> exports) {
        StringBuilder w = new StringBuilder();
        w.append("package ").append(pkg).append(";\n\n");
        w.append("import com.dylibso.chicory.runtime.ExportFunction;\n");
        w.append("import com.dylibso.chicory.runtime.Instance;\n");
        w.append("import com.dylibso.chicory.runtime.Memory;\n\n");
        w.append("/**\n * Generated at build time by dev.sqlitejvm.wasmsplit.ExportCalls from ").append(wasmName)
                .append(": each exported\n * function as a direct call of its compiled method, bypassing the machine's call dispatch.\n */\n");
        w.append("public final class ").append(simple).append(" {\n");
        w.append("    private ").append(simple).append("() {}\n\n");
        w.append("    /** The export {@code name} of {@code instance}, or null if it is not a function this module defines. */\n");
        w.append("    public static ExportFunction function(Instance instance, String name) {\n");
        w.append("        Memory memory = instance.memory();\n");
        w.append("        switch (name) {\n");
        for (Map.Entry<String, Integer> e : exports.entrySet()) {
            int f = e.getValue();
            w.append("            case \"").append(e.getKey()).append("\":\n");
            w.append("                return args -> ").append(module).append("MachineFuncGroup_").append(f / FUNCTIONS_PER_GROUP)
                    .append(".call_").append(f).append("(instance, memory, args);\n");
        }
        w.append("            default:\n                return null;\n        }\n    }\n}\n");
        return w.toString();
    }
}
