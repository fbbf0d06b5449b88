package dev.sqlitejvm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmarks from rotting: every benchmark method runs once per engine at the smoke scale
 * (no fork, single shot), the footprint probes run in-process, and the report is built from JMH's
 * JSON. Nothing about timing is asserted.
 */
class SmokeTest {
    @TempDir
    Path out;

    @Test
    void everyBenchmarkRunsOnEveryEngineAndTheReportHasEveryRow() throws Exception {
        Main.main(new String[] {"--scale", "smoke", "--out", out.toString(), "--no-footprint",
            "--results", out.resolve("RESULTS.md").toString()});

        Map<String, Map<String, Report.Score>> scores =
                Report.read(List.of(out.resolve("steady.json"), out.resolve("first-query.json")));
        for (String workload : Report.ORDER) {
            assertTrue(scores.containsKey(workload), "no result for " + workload);
            List<String> expected = workload.equals("fts5") || workload.equals("json")
                    ? List.of("xerial", "sqlite-jvm", "sqlite4j") : Report.ENGINES;
            assertEquals(expected.size(), scores.get(workload).size(), workload + ": " + scores.get(workload).keySet());
        }
        for (String workload : List.of("pointSelect", "batchInsert", "scanAggregate")) {
            assertEquals(4, scores.get(workload + " :memory:").size(), workload + " :memory:");
        }
        String markdown = Files.readString(out.resolve("RESULTS.md"));
        assertTrue(markdown.contains("| simpleInsert |"), markdown);
        String paired = Report.pairedTable(List.of(out.resolve("steady.json")));
        for (String workload : List.of("scanAggregate", "scanAggregate :memory:", "groupBy", "groupBy :memory:")) {
            assertTrue(paired.contains("| " + workload + " |"), "paired: no " + workload + " in\n" + paired);
        }
        assertTrue(markdown.contains("## Paired with xerial in one JVM"), markdown);
    }

    @Test
    void footprintProbesRunOnEveryEngine() throws Exception {
        for (String id : Report.ENGINES) {
            Engine engine = Engine.of(id);
            Path dir = Files.createDirectory(out.resolve(id));
            List<String> idle = Footprint.idle(engine, dir);
            assertEquals(2, idle.size(), id);
            assertTrue(Footprint.peak(engine, Scale.SMOKE, dir).startsWith("peakRss="), id);
        }
    }

    @Test
    void jsonReaderHandlesJmhOutput() {
        Object parsed = Json.parse("[{\"benchmark\":\"a.B.c\",\"params\":{\"engine\":\"x\\\"y\"},"
                + "\"primaryMetric\":{\"score\":1.5E-3,\"scoreError\":\"NaN\",\"scoreUnit\":\"ms/op\"}}]");
        assertEquals(List.of(Map.of("benchmark", "a.B.c", "params", Map.of("engine", "x\"y"),
                "primaryMetric", Map.of("score", 1.5E-3, "scoreError", "NaN", "scoreUnit", "ms/op"))), parsed);
    }
}
