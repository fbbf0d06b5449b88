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
    void ratioTableDividesMediansSoOneStalledIterationDoesNotDecideARow() throws Exception {
        // xerial steady at 4 ms; sqlite-jvm at 10 ms but for one stalled second at 27 ms
        Path json = out.resolve("stall.json");
        Files.writeString(json, "["
                + result("xerial", 4.1, "[[4.0, 4.2, 3.9, 4.0, 4.1]]") + ","
                + result("sqlite-jvm", 13.4, "[[10.0, 27.0, 10.2, 9.8, 10.0]]") + "]");
        Map<String, Map<String, Report.Score>> scores = Report.read(List.of(json));
        Map<String, Report.Score> row = scores.get("groupBy");
        assertEquals(10.0 / 4.0, Report.ratio(row, "sqlite-jvm"), 1e-9);
        assertEquals(13.4 / 4.1, Report.meanRatio(row, "sqlite-jvm"), 1e-9);
        assertEquals(2.5, Report.geometricMean(scores, "sqlite-jvm"), 1e-9);
        String table = Report.ratioTable(scores, Scale.REDUCED);
        assertTrue(table.contains("| groupBy | 20,000 rows into 100 groups | 4.00 ms | 2.50 |"), table);
        assertTrue(Report.detailTable(scores).contains("| groupBy | sqlite-jvm | 10.0 ms | 13.4 ± 1.00 ms | 3.27 ± "),
                Report.detailTable(scores));
        assertEquals(2.5, Report.median(new double[] {3, 2}), 0);
    }

    private static String result(String engine, double mean, String rawData) {
        return "{\"benchmark\":\"dev.sqlitejvm.bench.SqlBench.GroupBy.groupBy\",\"params\":{\"engine\":\"" + engine
                + "\",\"scale\":\"reduced\"},\"primaryMetric\":{\"score\":" + mean + ",\"scoreError\":1.0,"
                + "\"scoreUnit\":\"ms/op\",\"rawData\":" + rawData + "}}";
    }

    @Test
    void jsonReaderHandlesJmhOutput() {
        Object parsed = Json.parse("[{\"benchmark\":\"a.B.c\",\"params\":{\"engine\":\"x\\\"y\"},"
                + "\"primaryMetric\":{\"score\":1.5E-3,\"scoreError\":\"NaN\",\"scoreUnit\":\"ms/op\"}}]");
        assertEquals(List.of(Map.of("benchmark", "a.B.c", "params", Map.of("engine", "x\"y"),
                "primaryMetric", Map.of("score", 1.5E-3, "scoreError", "NaN", "scoreUnit", "ms/op"))), parsed);
    }
}
