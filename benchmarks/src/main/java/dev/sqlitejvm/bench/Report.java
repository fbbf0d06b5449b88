package dev.sqlitejvm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH JSON results (and the footprint figures) into Markdown tables of ratios to xerial
 * sqlite-jdbc. A ratio above 1 means slower than native SQLite through xerial.
 */
public final class Report {
    static final String BASELINE = "xerial";
    static final List<String> ENGINES = List.of("xerial", "sqlite-jvm", "sqlite4j", "h2");
    /** Workloads run on the SQLite engines only. */
    static final List<String> SQLITE_ONLY = List.of("fts5", "json");

    /**
     * One JMH result: JMH's mean and 99.9% error, and the median of the measured iterations (all
     * forks), which the ratio table uses: one stalled second of a shared machine (an iteration at
     * twice its neighbours' time with nothing else running, session 23) moves a mean of three
     * iterations by a third and leaves a median of five where it was.
     */
    record Score(String workload, String engine, double score, double error, double median, String unit) {
    }

    private Report() {
    }

    /** Reads JMH JSON result files into scores, keyed by workload then engine, in file order. */
    static Map<String, Map<String, Score>> read(List<Path> files) throws IOException {
        Map<String, Map<String, Score>> byWorkload = new LinkedHashMap<>();
        for (Path file : files) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> results = (List<Map<String, Object>>) Json.parse(Files.readString(file));
            for (Map<String, Object> result : results) {
                String benchmark = (String) result.get("benchmark");
                @SuppressWarnings("unchecked")
                Map<String, Object> params = (Map<String, Object>) result.getOrDefault("params", Map.of());
                @SuppressWarnings("unchecked")
                Map<String, Object> metric = (Map<String, Object>) result.get("primaryMetric");
                String workload = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                if ("memory".equals(params.get("storage"))) {
                    workload += " :memory:";
                }
                String engine = (String) params.get("engine");
                if (engine == null) {
                    continue; // PairedBench: both engines in one result, see pairedTable
                }
                byWorkload.computeIfAbsent(workload, k -> new LinkedHashMap<>()).put(engine,
                        new Score(workload, engine, number(metric.get("score")), number(metric.get("scoreError")),
                                median(iterations(metric)), (String) metric.get("scoreUnit")));
            }
        }
        Map<String, Map<String, Score>> ordered = new LinkedHashMap<>();
        for (String w : ORDER) {
            for (String key : List.of(w, w + " :memory:")) {
                if (byWorkload.containsKey(key)) {
                    ordered.put(key, byWorkload.remove(key));
                }
            }
        }
        ordered.putAll(byWorkload);
        return ordered;
    }

    /**
     * The {@link PairedBench} results: per workload, sqlite-jvm's time over xerial's for the whole
     * run and for each measured iteration (the two engines ran in turn inside each iteration).
     */
    static String pairedTable(List<Path> files) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path file : files) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> results = (List<Map<String, Object>>) Json.parse(Files.readString(file));
            for (Map<String, Object> result : results) {
                if (!((String) result.get("benchmark")).endsWith("PairedBench.paired")) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> params = (Map<String, Object>) result.get("params");
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> secondary =
                        (Map<String, Map<String, Object>>) result.getOrDefault("secondaryMetrics", Map.of());
                double[] jvm = iterations(secondary.get("sqliteJvmNanos"));
                double[] native_ = iterations(secondary.get("xerialNanos"));
                if (jvm.length == 0 || jvm.length != native_.length) {
                    continue; // the benchmark failed before it counted
                }
                double jvmTotal = 0;
                double nativeTotal = 0;
                double[] ratios = new double[jvm.length];
                for (int i = 0; i < jvm.length; i++) {
                    jvmTotal += jvm[i];
                    nativeTotal += native_[i];
                    ratios[i] = jvm[i] / native_[i];
                }
                java.util.Arrays.sort(ratios);
                @SuppressWarnings("unchecked")
                Map<String, Object> primary = (Map<String, Object>) result.get("primaryMetric");
                double pairMs = number(primary.get("score"));
                double jvmShare = jvmTotal / (jvmTotal + nativeTotal);
                String workload = params.get("workload") + ("memory".equals(params.get("storage")) ? " :memory:" : "");
                sb.append(String.format(Locale.ROOT, "| %s | %s ms | %s ms | %.2f | %.2f | %.2f-%.2f | %d |%n",
                        workload, sig(pairMs * (1 - jvmShare)), sig(pairMs * jvmShare), jvmTotal / nativeTotal,
                        ratios[ratios.length / 2], ratios[0], ratios[ratios.length - 1], ratios.length));
            }
        }
        return sb.length() == 0 ? "" : "| workload | xerial | sqlite-jvm | ratio | median of iterations "
                + "| range | iterations |\n|---|---:|---:|---:|---:|---:|---:|\n" + sb;
    }

    /** The median of the values; NaN for none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** A metric's per-iteration values, all forks in a row. */
    private static double[] iterations(Map<String, Object> metric) {
        if (metric == null) {
            return new double[0];
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> forks = (List<List<Object>>) metric.get("rawData");
        return forks.stream().flatMap(List::stream).mapToDouble(Report::number).toArray();
    }

    /** Table order: go-sqlite-bench's six, then the everyday operations, then start-up. */
    static final List<String> ORDER = List.of("simpleInsert", "simpleQuery", "realInsert", "realQuery",
            "complexInsert", "complexQuery", "many", "large", "concurrent", "open", "prepareStatement",
            "pointSelect", "batchInsert", "scanAggregate", "groupBy", "fts5", "json", "firstQuery");

    private static double number(Object o) {
        return o instanceof Double ? (Double) o : Double.NaN;
    }

    /** What one operation of each workload is, at the given scale. */
    static String describe(String workload, Scale s) {
        String base = workload.replace(" :memory:", "");
        String where = workload.endsWith(":memory:") ? " in :memory:" : "";
        switch (base) {
            case "simpleInsert": return n(s.simpleUsers) + " users, one transaction";
            case "simpleQuery": return "read " + n(s.simpleUsers) + " users";
            case "realInsert": return n(s.realUsers) + " users x 20 articles x 20 comments, a transaction per user";
            case "realQuery": return n(s.realUsers) + " users by email, left-joined";
            case "complexInsert": return n(s.complexUsers) + " users x 100 articles x 20 comments, 3 transactions";
            case "complexQuery": return "one JOIN of " + n(s.complexUsers * 2000) + " rows, ordered";
            case "many": return s.manyQueries() + " queries of " + n(s.manyRows) + " rows";
            case "large": return "read " + n(s.largeRows) + " rows of 200,000 bytes";
            case "concurrent": return "8 threads each read " + n(s.concurrentRows) + " rows";
            case "firstQuery": return "fresh JVM: load driver, open :memory:, SELECT 1 (5 forks)";
            case "open": return "open + close a file connection, after the first";
            case "prepareStatement": return "prepare + close a point select";
            case "pointSelect": return "by primary key, " + n(s.tableRows) + " rows" + where;
            case "batchInsert": return n(s.batchRows) + " rows, addBatch/executeBatch, one transaction" + where;
            case "scanAggregate": return "count/sum/avg/max over " + n(s.tableRows) + " rows" + where;
            case "groupBy": return n(s.tableRows) + " rows into 100 groups";
            case "fts5": return "2-term MATCH, bm25 top 20, " + n(s.ftsDocs) + " docs";
            case "json": return "json_extract over " + n(s.jsonDocs) + " docs";
            default: return "";
        }
    }

    private static String n(int v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** The ratio of the engine's median iteration to xerial's: the ratio table's figure. */
    static double ratio(Map<String, Score> row, String engine) {
        Score base = row.get(BASELINE);
        Score s = row.get(engine);
        return base == null || s == null ? Double.NaN : s.median / base.median;
    }

    /** The ratio of JMH's means, for the detail table. */
    static double meanRatio(Map<String, Score> row, String engine) {
        Score base = row.get(BASELINE);
        Score s = row.get(engine);
        return base == null || s == null ? Double.NaN : s.score / base.score;
    }

    /** The geometric mean of the engine's ratios over the workloads where it has one. */
    static double geometricMean(Map<String, Map<String, Score>> scores, String engine) {
        double logs = 0;
        int n = 0;
        for (Map<String, Score> row : scores.values()) {
            double r = ratio(row, engine);
            if (!Double.isNaN(r)) {
                logs += Math.log(r);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.exp(logs / n);
    }

    /** The mean ratio's error, first order: the relative errors of both scores added. */
    static double ratioError(Map<String, Score> row, String engine) {
        Score base = row.get(BASELINE);
        Score s = row.get(engine);
        if (base == null || s == null || Double.isNaN(s.error) || Double.isNaN(base.error)) {
            return Double.NaN;
        }
        return meanRatio(row, engine) * (s.error / s.score + base.error / base.score);
    }

    /** The summary: one row per workload, one ratio column per engine. */
    static String ratioTable(Map<String, Map<String, Score>> scores, Scale scale) {
        StringBuilder sb = new StringBuilder();
        sb.append("| workload | one operation | xerial (= 1.0) |");
        for (String e : ENGINES.subList(1, ENGINES.size())) {
            sb.append(' ').append(e).append(" |");
        }
        sb.append("\n|---|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Score>> w : scores.entrySet()) {
            Map<String, Score> row = w.getValue();
            Score base = row.get(BASELINE);
            sb.append("| ").append(w.getKey()).append(" | ").append(describe(w.getKey(), scale)).append(" | ")
                    .append(base == null ? "failed" : formatMedian(base)).append(" |");
            for (String e : ENGINES.subList(1, ENGINES.size())) {
                String missing = !"h2".equals(e) || !SQLITE_ONLY.contains(w.getKey()) ? "failed" : "n/a";
                double r = ratio(row, e);
                sb.append(' ').append(!row.containsKey(e) ? missing
                        : Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2f", r)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The detail: workload | engine | median | mean ± error | ratio of the means to xerial's. */
    static String detailTable(Map<String, Map<String, Score>> scores) {
        StringBuilder sb = new StringBuilder("| workload | engine | median | mean ± error | ratio of means to xerial |\n"
                + "|---|---|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Score>> w : scores.entrySet()) {
            for (String e : ENGINES) {
                Score s = w.getValue().get(e);
                if (s != null) {
                    sb.append("| ").append(w.getKey()).append(" | ").append(e).append(" | ").append(formatMedian(s))
                            .append(" | ").append(formatScore(s))
                            .append(" | ").append(formatRatio(w.getValue(), e)).append(" |\n");
                }
            }
        }
        return sb.toString();
    }

    /** The n workloads where sqlite-jvm's ratio is highest. */
    static List<String> slowest(Map<String, Map<String, Score>> scores, int n) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Map<String, Score>> w : scores.entrySet()) {
            if (!Double.isNaN(ratio(w.getValue(), "sqlite-jvm"))) {
                names.add(w.getKey());
            }
        }
        names.sort((a, b) -> Double.compare(ratio(scores.get(b), "sqlite-jvm"), ratio(scores.get(a), "sqlite-jvm")));
        return names.subList(0, Math.min(n, names.size()));
    }

    static String formatScore(Score s) {
        String unit = s.unit.replace("/op", "");
        return Double.isNaN(s.error)
                ? String.format(Locale.ROOT, "%s %s", sig(s.score), unit)
                : String.format(Locale.ROOT, "%s ± %s %s", sig(s.score), sig(s.error), unit);
    }

    static String formatMedian(Score s) {
        return sig(s.median) + " " + s.unit.replace("/op", "");
    }

    static String formatRatio(Map<String, Score> row, String engine) {
        double r = meanRatio(row, engine);
        if (Double.isNaN(r)) {
            return "-";
        }
        double e = ratioError(row, engine);
        return Double.isNaN(e) ? String.format(Locale.ROOT, "%.2f", r)
                : String.format(Locale.ROOT, "%.2f ± %.2f", r, e);
    }

    /** Three significant digits, no exponent. */
    static String sig(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        int digits = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(v))));
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** Footprint rows: engine | heap per idle connection | RSS per idle connection | peak RSS. */
    static String footprintTable(Map<String, Map<String, Long>> footprint, Scale scale) {
        StringBuilder sb = new StringBuilder("| engine | heap per idle connection | RSS per idle connection | peak RSS, simple ("
                + n(scale.simpleUsers) + " users) |\n|---|---:|---:|---:|\n");
        for (String e : ENGINES) {
            Map<String, Long> f = footprint.get(e);
            if (f != null) {
                sb.append("| ").append(e).append(" | ").append(mib(f.get("heapPerConnection"))).append(" | ")
                        .append(mib(f.get("rssPerConnection"))).append(" | ").append(mib(f.get("peakRss")))
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String mib(Long bytes) {
        if (bytes == null || bytes < 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f MiB", bytes / 1048576.0);
    }

    /** Regenerates the tables from JSON files given as arguments: {@code Report SCALE FILE...}. */
    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        Map<String, Map<String, Score>> scores = read(files);
        System.out.println(ratioTable(scores, Scale.of(args[0])));
        System.out.println(detailTable(scores));
        System.out.println(pairedTable(files));
    }
}
