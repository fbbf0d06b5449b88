package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures writing and scanning a 100 MB table, through this JVM and through native {@code sqlite3}
 * on the same machine. A measurement, not a check: run with {@code -Dthroughput=true}; the figures
 * are recorded in vfs/README.md.
 */
class ThroughputTest {
    private static final int ROWS = 100_000; // 1000-byte blobs: about 100 MB of leaf pages
    private static final String FILL = "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB);"
            + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ")"
            + "INSERT INTO t SELECT i, randomblob(1000) FROM n;";
    private static final String SCAN = "SELECT sum(length(v)), count(*) FROM t";

    @TempDir
    Path dir;

    @Test
    void hundredMegabytes() throws Exception {
        assumeTrue(Boolean.getBoolean("throughput"), "run with -Dthroughput=true");
        assumeTrue(NativeSqlite.available());
        Path jvmFile = dir.resolve("jvm.db");
        Path nativeFile = dir.resolve("native.db");
        for (int round = 0; round < 3; round++) { // the first round warms up the JIT
            Files.deleteIfExists(jvmFile);
            Files.deleteIfExists(nativeFile);
            long t0 = System.nanoTime();
            try (Database db = Database.open(jvmFile.toString())) {
                db.exec(FILL);
            }
            long jvmWrite = System.nanoTime() - t0;
            t0 = System.nanoTime();
            long scanned;
            try (Database db = Database.open(jvmFile.toString())) {
                scanned = NativeInteropTest.count(db, SCAN);
            }
            long jvmScan = System.nanoTime() - t0;
            assertEquals(ROWS * 1000L, scanned);

            t0 = System.nanoTime();
            assertEquals(0, NativeSqlite.run(nativeFile, FILL).exitCode);
            long nativeWrite = System.nanoTime() - t0;
            t0 = System.nanoTime();
            NativeSqlite.Result r = NativeSqlite.run(nativeFile, SCAN + ";");
            long nativeScan = System.nanoTime() - t0;
            assertEquals(ROWS * 1000L + "|" + ROWS, r.out);

            double mb = Files.size(jvmFile) / 1e6;
            System.out.printf("round %d, %.0f MB: write jvm %.0f MB/s, native %.0f MB/s (%.1fx); "
                            + "scan jvm %.0f MB/s, native %.0f MB/s (%.1fx)%n", round, mb,
                    mb / (jvmWrite / 1e9), mb / (nativeWrite / 1e9), (double) jvmWrite / nativeWrite,
                    mb / (jvmScan / 1e9), mb / (nativeScan / 1e9), (double) jvmScan / nativeScan);
        }
    }
}
