package dev.sqlitejvm.wasmsplit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a class shaped like Chicory's output (a loop calling a {@code *MachineShaded} helper's
 * {@code checkInterruption()}, around the instructions whose length varies: both switches, and
 * {@code wide} loads, stores and increments), runs the build step on it and runs it again.
 */
class InterruptCheckRemovalTest {

    @Test
    void callsBecomeNopsAndTheCodeStillRunsTheSame(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/t"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(src.resolve("TestMachineShaded.java"), """
                package t;
                public final class TestMachineShaded {
                    public static int calls;
                    public static void checkInterruption() { calls++; }
                }
                """);
        Files.writeString(src.resolve("Other.java"), """
                package t;
                public final class Other {
                    public static int calls;
                    public static void checkInterruption() { calls++; }
                }
                """);
        Files.writeString(src.resolve("Loop.java"), loopSource());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(),
                src.resolve("TestMachineShaded.java").toString(), src.resolve("Other.java").toString(),
                src.resolve("Loop.java").toString());
        assertEquals(0, rc, "javac");

        assertEquals(javapOffsets(classes.resolve("t/Loop.class"), "run"), walkedOffsets(classes.resolve("t/Loop.class"), "run"),
                "the walk finds each instruction where javap does");

        long[] before = run(classes);
        assertEquals(2000, before[1], "the helper is called twice per iteration before");
        assertEquals(1000, before[2]);

        Path loop = classes.resolve("t/Loop.class");
        byte[] patched = Files.readAllBytes(loop);
        assertEquals(2, InterruptCheckRemoval.removeCalls(patched, Set.of("t/TestMachineShaded"), "checkInterruption"));
        Files.write(loop, patched);

        long[] after = run(classes);
        assertEquals(before[0], after[0], "same result");
        assertEquals(0, after[1], "the helper (not yet emptied) is no longer called");
        assertEquals(1000, after[2], "another class's method of the same name is still called");

        InterruptCheckRemoval.main(new String[] {classes.toString()});
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Class<?> helper = loader.loadClass("t.TestMachineShaded");
            helper.getMethod("checkInterruption").invoke(null);
            assertEquals(0, helper.getField("calls").getInt(null), "the helper's own body is emptied too");
        }
        assertEquals(before[0], run(classes)[0]);
    }

    /** Offsets of the instructions of {@code method}, as {@link JvmInstructions} walks them. */
    private static List<Integer> walkedOffsets(Path classFile, String method) throws Exception {
        byte[] bytes = Files.readAllBytes(classFile);
        ClassFile.Method m = ClassFile.parse(bytes).methods.stream().filter(x -> x.name().equals(method)).findFirst().orElseThrow();
        List<Integer> offsets = new ArrayList<>();
        for (int pc = 0; pc < m.codeLength(); pc += JvmInstructions.length(bytes, m.codeStart() + ClassFile.CODE_OFFSET, pc)) {
            offsets.add(pc);
        }
        return offsets;
    }

    /** Offsets of the instructions of {@code method}, as the JDK's javap lists them. */
    private static List<Integer> javapOffsets(Path classFile, String method) {
        StringWriter out = new StringWriter();
        java.util.spi.ToolProvider javap = java.util.spi.ToolProvider.findFirst("javap").orElseThrow();
        assertEquals(0, javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-c", "-p", classFile.toString()));
        String body = out.toString().split(" " + method + "\\(", 2)[1].split("\\n\\n", 2)[0];
        List<Integer> offsets = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s+(\\d+): [a-z]").matcher(body);
        while (m.find()) {
            offsets.add(Integer.parseInt(m.group(1)));
        }
        return offsets;
    }

    /** {result, helper calls, other calls} of {@code Loop.run(1000)}, in a fresh class loader. */
    private static long[] run(Path classes) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Method run = loader.loadClass("t.Loop").getMethod("run", int.class);
            long result = (long) run.invoke(null, 1000);
            int helper = loader.loadClass("t.TestMachineShaded").getField("calls").getInt(null);
            int other = loader.loadClass("t.Other").getField("calls").getInt(null);
            return new long[] {result, helper, other};
        }
    }

    /**
     * A loop with a tableswitch, a lookupswitch and 300 locals (so javac emits wide instructions),
     * and a call of the helper before and after them: patching the second needs a correct walk.
     */
    private static String loopSource() {
        StringBuilder s = new StringBuilder("package t;\npublic final class Loop {\n");
        s.append("  public static long run(int n) {\n    long sum = 0;\n");
        for (int v = 0; v < 300; v++) {
            s.append("    int v").append(v).append(" = n + ").append(v).append(";\n");
        }
        s.append("""
                    for (int i = 0; i < n; i++) {
                      TestMachineShaded.checkInterruption();
                      switch (i % 5) {
                        case 0: sum += 1; break;
                        case 1: sum += 7; break;
                        case 2: sum -= 3; break;
                        case 3: sum *= 2; break;
                        default: sum ^= i;
                      }
                      v299 += 3;
                      v298 = v299 ^ i;
                      switch (i * 1000) {
                        case 0: sum++; break;
                        case 7000: sum += v298; break;
                        case 123000: sum -= v299; break;
                        default:
                      }
                      Other.checkInterruption();
                      TestMachineShaded.checkInterruption();
                    }
                    return sum + v0 + v299;
                  }
                }
                """);
        return s.toString();
    }
}
