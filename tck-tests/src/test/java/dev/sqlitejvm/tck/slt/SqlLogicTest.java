package dev.sqlitejvm.tck.slt;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The sqllogictest corpus (from the {@code net.hydromatic:sql-logic-test} artifact), one dynamic test
 * per script. {@code -Dslt.scope=ci} (default) runs select1-5, evidence/* and a fixed sample of
 * index/* (the scripts on 1-, 10- and 100-row tables; the 1000+ ones take minutes each here);
 * {@code full} (profile {@code sqllogictest-full}) runs all 622 scripts. A report of records run/passed/skipped per directory
 * goes to {@code slt.report}.
 */
class SqlLogicTest {
    /** One index script in this many, by sorted name, in the CI scope (1-, 10- and 100-row tables). */
    private static final int INDEX_SAMPLE_EVERY = 6;
    private static final Map<String, long[]> TOTALS = Collections.synchronizedMap(new TreeMap<>());

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        String scope = System.getProperty("slt.scope", "ci");
        List<String> scripts = select(listScripts(), scope);
        assertTrue(scripts.size() >= 5, "corpus found: " + scripts.size() + " scripts");
        return scripts.stream().map(name -> DynamicTest.dynamicTest(name, () -> runScript(name)));
    }

    static List<String> select(List<String> all, String scope) {
        if (scope.equals("full")) {
            return all;
        }
        List<String> chosen = new ArrayList<>();
        int index = 0;
        for (String name : all) {
            if (name.matches("test/select\\d\\.test") || name.startsWith("test/evidence/")) {
                chosen.add(name);
            } else if (name.matches("test/index/.*/(1|10|100)/.*") && index++ % INDEX_SAMPLE_EVERY == 0) {
                chosen.add(name);
            }
        }
        return chosen;
    }

    private static List<String> listScripts() throws IOException {
        URL anchor = SqlLogicTest.class.getClassLoader().getResource("test/select1.test");
        if (anchor == null) {
            fail("the sql-logic-test corpus is not on the test classpath");
        }
        List<String> names = new ArrayList<>();
        JarURLConnection connection = (JarURLConnection) anchor.openConnection();
        try (JarFile jar = new JarFile(connection.getJarFileURL().getPath())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("test/") && entry.getName().endsWith(".test")) {
                    names.add(entry.getName());
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    private static void runScript(String name) throws Exception {
        String text;
        try (InputStream in = SqlLogicTest.class.getClassLoader().getResourceAsStream(name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ScriptParser parser = new ScriptParser(text);
        List<Record> records = parser.parse();
        ScriptRunner runner = new ScriptRunner(name);
        runner.run(records);
        String directory = name.substring(0, name.lastIndexOf('/'));
        TOTALS.merge(directory, new long[] {1, runner.run, runner.passed, parser.skipped(), runner.defects}, (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        });
        if (!runner.failures.isEmpty()) {
            fail(runner.failures.size() + " of " + runner.run + " records failed:\n"
                    + String.join("\n", runner.failures.subList(0, Math.min(10, runner.failures.size()))));
        }
    }

    /** Failed = run - passed - defects: records of the corpus known to be wrong are not failures. */
    private static String row(String name, long[] t) {
        return String.format("%-36s %6d %9d %9d %8d %7d %7d%n", name, t[0], t[1], t[2], t[1] - t[2] - t[4], t[3], t[4]);
    }

    @AfterAll
    static void report() throws IOException {
        StringBuilder report = new StringBuilder(String.format("%-36s %6s %9s %9s %8s %7s %7s%n",
                "directory", "files", "run", "passed", "failed", "skipped", "defects"));
        long[] all = new long[5];
        synchronized (TOTALS) {
            TOTALS.forEach((dir, t) -> {
                report.append(row(dir, t));
                for (int i = 0; i < all.length; i++) {
                    all[i] += t[i];
                }
            });
        }
        report.append(row("total", all));
        System.out.print(report);
        String path = System.getProperty("slt.report");
        if (path != null) {
            Files.writeString(Path.of(path), report.toString());
        }
    }
}
