package dev.sqlitejvm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every benchmark shares: the scale parameter, a fresh directory, and one open connection
 * ({@link #conn}) configured by {@link Engine#open}. Subclasses fill their tables in
 * {@link #prepare()}. The engine parameter is declared by {@link AllEngines} or {@link SqliteEngines}.
 */
@State(Scope.Benchmark)
public abstract class BenchBase {
    /** Every engine. */
    public abstract static class AllEngines extends BenchBase {
        @Param({"sqlite-jvm", "xerial", "sqlite4j", "h2"})
        public String engine;

        @Override
        protected String engineId() {
            return engine;
        }
    }

    /** The SQLite engines only, for SQL that H2 does not have (FTS5, JSON functions). */
    public abstract static class SqliteEngines extends BenchBase {
        @Param({"sqlite-jvm", "xerial", "sqlite4j"})
        public String engine;

        @Override
        protected String engineId() {
            return engine;
        }
    }

    @Param({"reduced"})
    public String scale;

    protected Engine db;
    protected Scale size;
    /** The database directory, or null for an in-memory database. */
    protected Path dir;
    /** The URL of {@link #conn}, for benchmarks that open more connections to the same database. */
    protected String url;
    protected Connection conn;

    /** "file" or "memory"; classes that measure both declare their own {@code @Param storage}. */
    protected String storage() {
        return "file";
    }

    protected abstract String engineId();

    @Setup(Level.Trial)
    public void openDatabase() throws Exception {
        db = Engine.of(engineId());
        size = Scale.of(scale);
        dir = "memory".equals(storage()) ? null : Files.createTempDirectory("sqlite-jvm-bench-");
        url = db.url(dir, "bench" + System.nanoTime());
        conn = db.open(url);
        prepare();
    }

    /** Creates and fills this benchmark's tables, once per trial. */
    protected void prepare() throws Exception {
    }

    @TearDown(Level.Trial)
    public void closeDatabase() throws Exception {
        if (conn != null) {
            conn.close();
        }
        if (dir != null) {
            deleteTree(dir);
        }
    }

    protected void exec(String... sql) throws SQLException {
        try (Statement s = conn.createStatement()) {
            for (String q : sql) {
                s.execute(db.ddl(q));
            }
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
