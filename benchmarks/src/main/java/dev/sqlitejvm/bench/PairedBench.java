package dev.sqlitejvm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * sqlite-jvm and xerial in one JVM, query by query in turn, each query timed on its own. The
 * shared build machine has stretches of tens of seconds in which everything runs up to 1.6x
 * slower (benchmarks/README.md, session 11); separate forks can catch one engine in such a
 * stretch and the other outside it. Here both engines see the same moments, so the ratio of
 * their times in one iteration is the machine-independent figure. {@link Report#pairedTable}
 * turns the per-iteration counters into ratios.
 */
public class PairedBench {
    /** Nanoseconds spent in each engine's queries during one iteration (JMH secondary metrics). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Nanos {
        public long sqliteJvmNanos;
        public long xerialNanos;

        @Setup(Level.Iteration)
        public void reset() {
            sqliteJvmNanos = 0;
            xerialNanos = 0;
        }
    }

    /** One connection of one engine on its own database holding the users table. */
    static final class Side implements AutoCloseable {
        final Connection conn;
        private final Path dir;

        Side(String engineId, String storage, Scale scale) throws Exception {
            Engine engine = Engine.of(engineId);
            dir = "memory".equals(storage) ? null : Files.createTempDirectory("sqlite-jvm-paired-");
            conn = engine.open(engine.url(dir, "paired" + System.nanoTime()));
            Data.createUsers(conn, engine);
            Data.insertUsers(conn, scale.tableRows);
        }

        int run(String sql, Blackhole bh) throws SQLException {
            try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery(sql)) {
                return Data.consume(r, bh);
            }
        }

        @Override
        public void close() throws SQLException {
            conn.close();
            if (dir != null) {
                BenchBase.deleteTree(dir);
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Pair {
        @Param({"scanAggregate", "groupBy"})
        public String workload;

        @Param({"file", "memory"})
        public String storage;

        @Param({"reduced"})
        public String scale;

        Side sqliteJvm;
        Side xerial;
        String sql;
        int expectedRows;
        /** Which engine goes first flips every call, so neither always runs on the other's warm caches. */
        boolean sqliteJvmFirst;

        @Setup(Level.Trial)
        public void open() throws Exception {
            Scale size = Scale.of(scale);
            sql = "groupBy".equals(workload) ? SqlBench.GROUP_BY : SqlBench.SCAN_AGGREGATE;
            expectedRows = "groupBy".equals(workload) ? Math.min(100, size.tableRows) : 1;
            sqliteJvm = new Side("sqlite-jvm", storage, size);
            xerial = new Side("xerial", storage, size);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            sqliteJvm.close();
            xerial.close();
        }
    }

    /** One query on each engine; the score is their sum, the ratio comes from {@link Nanos}. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void paired(Pair p, Nanos n, Blackhole bh) throws SQLException {
        p.sqliteJvmFirst = !p.sqliteJvmFirst;
        if (p.sqliteJvmFirst) {
            n.sqliteJvmNanos += timed(p.sqliteJvm, p, bh);
            n.xerialNanos += timed(p.xerial, p, bh);
        } else {
            n.xerialNanos += timed(p.xerial, p, bh);
            n.sqliteJvmNanos += timed(p.sqliteJvm, p, bh);
        }
    }

    private static long timed(Side side, Pair p, Blackhole bh) throws SQLException {
        long start = System.nanoTime();
        int rows = side.run(p.sql, bh);
        long nanos = System.nanoTime() - start;
        Data.check(rows, p.expectedRows, p.workload);
        return nanos;
    }
}
