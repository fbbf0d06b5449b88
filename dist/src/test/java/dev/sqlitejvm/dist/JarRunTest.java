package dev.sqlitejvm.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar sqlite-jvm-all.jar demo.db "select sqlite_version()"} on Java 17, Java 25 and the module path. */
class JarRunTest {
    static final String VERSION = System.getProperty("sqlite.version", "3.54.1");
    static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path dir;

    private void printsVersion(String java) throws Exception {
        Processes.Result result = Processes.run(dir, 120, java, "-jar", Processes.jar().toString(), "demo.db",
                "select sqlite_version()");
        assertEquals(0, result.exit, result.toString());
        assertEquals(VERSION + "\n", result.out, result.toString());
        assertTrue(Files.exists(dir.resolve("demo.db")), "the database file was created");
    }

    @Test
    void runsOnThisJava() throws Exception {
        printsVersion(Processes.java17());
    }

    @Test
    void runsOnJava25() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(JAVA_25), "Java 25 not installed at " + JAVA_25 + ": skipped");
        printsVersion(JAVA_25.toString());
        Processes.Result result = Processes.run(dir, 120, JAVA_25.toString(), "-jar", Processes.jar().toString(),
                "-box", "demo.db", "create table t(x); insert into t values ('java 25')", "select x from t");
        assertEquals("┌─────────┐\n│    x    │\n├─────────┤\n│ java 25 │\n└─────────┘\n", result.out, result.toString());
    }

    @Test
    void batchErrorExitsNonZero() throws Exception {
        Processes.Result result = Processes.run(dir, 120, Processes.java17(), "-jar", Processes.jar().toString(),
                ":memory:", "select nope");
        assertEquals(1, result.exit, result.toString());
        assertEquals("Error: in prepare, no such column: nope\n", result.err);
    }

    @Test
    void shadedJarOnTheModulePath() throws Exception {
        Processes.Result result = Processes.run(dir, 120, Processes.java17(), "--module-path",
                Processes.jar().toString(), "--add-modules", "java.sql", "-m", "dev.sqlitejvm.all/dev.sqlitejvm.cli.Shell", ":memory:",
                "select sqlite_version()");
        assertEquals(VERSION + "\n", result.out, result.toString());
    }

    /**
     * The separate jars as (automatic) modules; the JDBC driver is found through java.sql.Driver. Automatic
     * modules declare no requires, so Chicory's named modules and java.sql must be added by hand.
     */
    @Test
    void separateJarsAsModulesProvideTheDriver() throws Exception {
        String modulePath = System.getProperty("dist.module.path", "");
        Assumptions.assumeTrue(modulePath.contains("sqlite-jvm-jdbc"), "module path not given: " + modulePath);
        Path probe = dir.resolve("Probe.java");
        Files.writeString(probe, String.join("\n",
                "import java.sql.*;",
                "public class Probe {",
                "  public static void main(String[] a) throws Exception {",
                "    Module jdbc = ModuleLayer.boot().findModule(\"dev.sqlitejvm.jdbc\").orElseThrow();",
                "    System.out.println(jdbc.getDescriptor().provides());",
                "    try (Connection c = DriverManager.getConnection(\"jdbc:sqlite::memory:\");",
                "         ResultSet r = c.createStatement().executeQuery(\"select sqlite_version()\")) {",
                "      r.next();",
                "      System.out.println(r.getString(1) + \" \" + c.getClass().getModule().getName());",
                "    }",
                "  }",
                "}"));
        Processes.Result result = Processes.run(dir, 120, List.of(Processes.java17(), "--module-path", modulePath,
                "--add-modules", "ALL-MODULE-PATH", probe.toString()));
        assertEquals(0, result.exit, result.toString());
        assertTrue(result.out.contains("java.sql.Driver with [dev.sqlitejvm.jdbc.SqliteDriver]"), result.toString());
        assertTrue(result.out.contains(VERSION + " dev.sqlitejvm.jdbc"), result.toString());

        result = Processes.run(dir, 120, List.of(Processes.java17(), "--module-path", modulePath, "--add-modules",
                "ALL-MODULE-PATH,java.sql", "-m", "dev.sqlitejvm.cli/dev.sqlitejvm.cli.Shell", ":memory:",
                "select sqlite_version()"));
        assertEquals(VERSION + "\n", result.out, result.toString());
    }
}
