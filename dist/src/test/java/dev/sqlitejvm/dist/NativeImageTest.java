package dev.sqlitejvm.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds a GraalVM native image of the shell from the shaded jar and runs it, when native-image is available. */
class NativeImageTest {
    @TempDir
    Path dir;

    @Test
    void nativeShellPrintsTheVersion() throws Exception {
        Assumptions.assumeTrue(Processes.onPath("native-image"),
                "native-image is not on the PATH: the GraalVM native-image build of the shell was NOT tested "
                        + "(install GraalVM for JDK 21+ and put native-image on the PATH to run it)");
        Processes.Result build = Processes.run(dir, 1800, "native-image", "--no-fallback", "-jar",
                Processes.jar().toString(), "-o", dir.resolve("sqlite-jvm").toString());
        assertEquals(0, build.exit, build.toString());
        Processes.Result run = Processes.run(dir, 120, dir.resolve("sqlite-jvm").toString(), "demo.db",
                "select sqlite_version()");
        assertEquals(System.getProperty("sqlite.version", "3.54.1") + "\n", run.out, run.toString());
        Processes.Result demo = Processes.run(dir, 120, dir.resolve("sqlite-jvm").toString(), "-json", ":memory:",
                "select 1 as one");
        assertEquals("[{\"one\":1}]\n", demo.out, demo.toString());
    }
}
