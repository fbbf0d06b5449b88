package dev.sqlitejvm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The one command: runs the JMH suites, then the footprint measurements, and prints (and writes)
 * the table of ratios to xerial.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [--scale reduced|full|smoke] [--include REGEX]
 *      [--results benchmarks/RESULTS.md] [--out DIR] [--no-footprint]
 * </pre>
 */
public final class Main {
    static final int WARMUP_ITERATIONS = 10;
    /** Five, so that the median the ratio table uses stands with two stalled seconds of the five. */
    static final int MEASURED_ITERATIONS = 5;
    static final int PAIRED_FORKS = 2;
    static final int PAIRED_ITERATIONS = 6;

    /** JVM options of every measured JVM (JMH forks and footprint processes). */
    static final List<String> JVM_ARGS = List.of("-Xms1g", "-Xmx2g");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String scaleName = "reduced";
        String include = "dev\\.sqlitejvm\\.bench\\..*";
        Path results = null;
        Path out = Path.of("benchmarks/target/jmh");
        boolean footprint = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale": scaleName = args[++i]; break;
                case "--include": include = args[++i]; break;
                case "--results": results = Path.of(args[++i]); break;
                case "--out": out = Path.of(args[++i]); break;
                case "--no-footprint": footprint = false; break;
                default:
                    System.err.println("usage: java -jar benchmarks.jar [--scale reduced|full|smoke] "
                            + "[--include REGEX] [--results FILE.md] [--out DIR] [--no-footprint]");
                    System.exit(2);
            }
        }
        Scale scale = Scale.of(scaleName);
        Files.createDirectories(out);
        long started = System.nanoTime();
        String loadBefore = loadAverage();

        // Pass 1: everything measured in a warm JVM. Pass 2: time to the first query, 5 fresh JVMs.
        Path steady = out.resolve("steady.json");
        Path cold = out.resolve("first-query.json");
        List<Path> jsons = new ArrayList<>();
        ChainedOptionsBuilder steadyOptions = options(scale, steady)
                .include(include)
                .exclude("FirstQuery");
        if (scale == Scale.SMOKE) {
            steadyOptions.forks(0).mode(Mode.SingleShotTime).warmupIterations(0).measurementIterations(1)
                    .verbosity(VerboseMode.SILENT);
        } else {
            // 10 warm-up seconds. HotSpot has compiled sqlite-jvm's hot VDBE code with C2 after about
            // 4 s, but the statement is prepared anew on every run, and the parser's and planner's
            // functions, a few calls each per query, reach C2 only later: run without warm-up, a scan
            // took 3.3-5.2 ms/op in iterations 6 to 8 (the measured ones with 5 warm-ups), 3.1-3.5
            // in iterations 11 to 13, 3.0-3.1 after 30 s (session 18). With 2, scanAggregate was
            // still falling from 93 to 23 ms/op while measured.
            warm(steadyOptions, 1, MEASURED_ITERATIONS).exclude(PairedBench.class.getSimpleName()); // its own pass, below
        }
        if (run(steadyOptions)) {
            jsons.add(steady);
        }
        if (scale != Scale.SMOKE && matches(include, PairedBench.class.getName() + ".paired")) {
            // The paired table is the steadiest measure of the scans against #6's 3x line, so it
            // gets 2 forks x 6 iterations, not the one fork x 3 iterations of the other workloads:
            // one fork's paired ratio sat up to 5% off the next fork's (2.65-3.00x for one build's
            // scan, session 22).
            Path paired = out.resolve("paired.json");
            if (run(warm(options(scale, paired).include(PairedBench.class.getName()), PAIRED_FORKS, PAIRED_ITERATIONS))) {
                jsons.add(paired);
            }
        }
        if (matches(include, SqlBench.FirstQuery.class.getName().replace('$', '.') + ".firstQuery")) {
            ChainedOptionsBuilder coldOptions = options(scale, cold).include("FirstQuery");
            if (scale == Scale.SMOKE) {
                coldOptions.forks(1).verbosity(VerboseMode.SILENT);
            }
            if (run(coldOptions)) {
                jsons.add(cold);
            }
        }

        Map<String, Map<String, Long>> memory = new LinkedHashMap<>();
        if (footprint) {
            for (String engine : Report.ENGINES) {
                Map<String, Long> figures = new LinkedHashMap<>();
                figures.putAll(childFigures("idle", engine, scale));
                figures.putAll(childFigures("peak", engine, scale));
                memory.put(engine, figures);
                System.out.println("footprint " + engine + ": " + figures);
            }
        }

        String loadAfter = loadAverage();
        long minutes = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        Map<String, Map<String, Report.Score>> scores = Report.read(jsons);
        String markdown = markdown(scores, Report.pairedTable(jsons), memory, scale, loadBefore, loadAfter, minutes);
        System.out.println();
        System.out.println(markdown);
        if (results != null) {
            Files.writeString(results, markdown);
            System.out.println("written to " + results);
        }
    }

    private static ChainedOptionsBuilder options(Scale scale, Path json) {
        return new OptionsBuilder()
                .param("scale", scale.name().toLowerCase(java.util.Locale.ROOT))
                .jvmArgsAppend(JVM_ARGS.toArray(new String[0]))
                .shouldFailOnError(false) // a failing engine shows as 'failed' in the table
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
    }

    /** Whether JMH's include pattern selects the benchmark method (JMH finds the pattern anywhere in the name). */
    private static boolean matches(String include, String benchmark) {
        return java.util.regex.Pattern.compile(include).matcher(benchmark).find();
    }

    /** The measured settings: 1 s iterations after {@link #WARMUP_ITERATIONS} of warm-up. */
    private static ChainedOptionsBuilder warm(ChainedOptionsBuilder options, int forks, int iterations) {
        return options.forks(forks).warmupIterations(WARMUP_ITERATIONS).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1));
    }

    /** Runs one pass; false if it produced nothing, also when --include left it no benchmark. */
    private static boolean run(ChainedOptionsBuilder options) throws Exception {
        try {
            return !new Runner(options.build()).run().isEmpty();
        } catch (NoBenchmarksException e) {
            return false;
        }
    }

    /** Runs {@link Footprint} in a JVM of its own and parses its key=value lines. */
    private static Map<String, Long> childFigures(String what, String engine, Scale scale) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_ARGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Footprint.class.getName());
        command.add(what);
        command.add(engine);
        command.add(scale.name());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Long> figures = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(eq + 1).matches("-?[0-9]+")) {
                    figures.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
                } else {
                    System.out.println("footprint " + engine + ": " + line);
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("footprint " + what + " " + engine + " failed");
        }
        return figures;
    }

    static String markdown(Map<String, Map<String, Report.Score>> scores, String paired,
            Map<String, Map<String, Long>> memory, Scale scale, String loadBefore, String loadAfter, long seconds) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# sqlite-jvm benchmark results\n\n");
        sb.append("Produced by `benchmarks/run.sh` (see `benchmarks/README.md`). Ratios are time per operation "
                + "divided by xerial sqlite-jdbc's (native SQLite, = 1.0): **above 1 is slower than native**. "
                + "The ratio table divides the medians of the measured iterations; the detail table also gives "
                + "JMH's mean and its 99.9% confidence half-width (±), and the ratio of the means, whose ± adds "
                + "both relative errors.\n\n");
        sb.append("| | |\n|---|---|\n");
        sb.append("| date | ").append(LocalDate.now(ZoneOffset.UTC)).append(" |\n");
        sb.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor"))
                .append("), forks run with `").append(String.join(" ", JVM_ARGS)).append("` |\n");
        sb.append("| machine | ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(" |\n");
        sb.append("| load average (1/5/15 min) | before ").append(loadBefore).append(", after ").append(loadAfter)
                .append(" |\n");
        sb.append("| scale | `").append(scale.name().toLowerCase(java.util.Locale.ROOT)).append("`")
                .append(scale == Scale.REDUCED ? " (go-sqlite-bench sizes scaled down; `--scale full` for theirs)" : "")
                .append(" |\n");
        sb.append("| JMH | ").append(scale == Scale.SMOKE ? "smoke: one single-shot call per benchmark, no fork"
                : "1 fork, " + WARMUP_ITERATIONS + " warm-up + " + MEASURED_ITERATIONS
                        + " measured iterations of 1 s; firstQuery: 5 forks, single shot")
                .append(" |\n");
        sb.append("| engines | sqlite-jvm (this project, SQLite 3.54.1), xerial `org.xerial:sqlite-jdbc:3.54.1.0` "
                + "(native 3.54.1), sqlite4j `io.roastedroot:sqlite4j:3.50.4.1` (SQLite 3.50.2 on Chicory; "
                + "stays in rollback-journal mode, it has no WAL), H2 2.5.252 (file: MVStore; `OPTIMIZE_REUSE_RESULTS=FALSE`, else it returns cached results of repeated queries) |\n");
        sb.append("| storage | file database, WAL + `synchronous=NORMAL`, unless marked `:memory:` |\n");
        sb.append("| run time | ").append(seconds / 60).append(" min ").append(seconds % 60).append(" s |\n\n");
        sb.append("## Ratios to xerial\n\n").append(Report.ratioTable(scores, scale)).append('\n');
        sb.append("`n/a`: the engine does not have this SQL (FTS5 and SQLite's JSON functions on H2). "
                + "`failed`: the benchmark threw (see the JMH log).\n\n");
        sb.append("Slowest for sqlite-jvm by ratio: ").append(String.join(", ", Report.slowest(scores, 3)))
                .append(". Geometric mean of sqlite-jvm's ratios: ")
                .append(String.format(java.util.Locale.ROOT, "%.2f", Report.geometricMean(scores, "sqlite-jvm"))).append(".\n\n");
        if (!paired.isEmpty()) {
            sb.append("## Paired with xerial in one JVM\n\n").append(paired).append('\n');
            sb.append("`PairedBench`: one sqlite-jvm and one xerial connection in the same JVM, the query run on "
                    + "each in turn (the first engine alternating), each query timed on its own, "
                    + (scale == Scale.SMOKE ? "one iteration" : PAIRED_FORKS + " forks x " + PAIRED_ITERATIONS + " iterations")
                    + ". Both engines see "
                    + "the machine at the same moments, so these ratios hold while the separate forks above can "
                    + "catch one engine in a slow stretch of the machine. ratio: sqlite-jvm's total time over "
                    + "xerial's; the median and range are of the per-iteration ratios; times are per query.\n\n");
        }
        if (!memory.isEmpty()) {
            sb.append("## Memory\n\n").append(Report.footprintTable(memory, scale)).append('\n');
            sb.append("Per idle connection: 20 connections opened on one file, each ran one query, measured after "
                    + "a full GC (heap) and from `/proc/self/status` VmRSS. The wasm linear memory of sqlite-jvm "
                    + "and sqlite4j is a Java byte array, so it is in the heap figure; xerial's native memory is "
                    + "only in RSS. Peak RSS is VmHWM of a fresh JVM after the simple workload. One run each.\n\n");
        }
        sb.append("## All scores\n\n").append(Report.detailTable(scores));
        return sb.toString();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
