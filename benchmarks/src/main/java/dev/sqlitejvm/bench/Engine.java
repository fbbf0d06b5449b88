package dev.sqlitejvm.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * One database engine under test: how to connect, and the SQL it needs. Drivers are instantiated
 * directly, never looked up through DriverManager, because three of them accept {@code jdbc:sqlite:}.
 */
public enum Engine {
    SQLITE_JVM("sqlite-jvm", true, dev.sqlitejvm.jdbc.SqliteDriver::new),
    XERIAL("xerial", true, org.sqlite.JDBC::new),
    SQLITE4J("sqlite4j", true, io.roastedroot.sqlite4j.JDBC::new),
    H2("h2", false, org.h2.Driver::new);

    /** The names used in {@code @Param} and in the tables. */
    public static final String ALL = "sqlite-jvm,xerial,sqlite4j,h2";

    public final String id;
    /** True for the three SQLite engines: FTS5, JSON functions and SQLite pragmas apply. */
    public final boolean sqlite;
    private final Supplier<Driver> driverFactory;
    private Driver driver;

    Engine(String id, boolean sqlite, Supplier<Driver> driverFactory) {
        this.id = id;
        this.sqlite = sqlite;
        this.driverFactory = driverFactory;
    }

    public static Engine of(String id) {
        for (Engine e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine " + id + " (expected one of " + ALL + ")");
    }

    synchronized Driver driver() {
        if (driver == null) {
            driver = driverFactory.get();
        }
        return driver;
    }

    /**
     * The JDBC URL of database {@code name}: a file in {@code dir}, or an in-memory database when
     * {@code dir} is null (for H2 a named one, kept while the JVM runs, so that several connections
     * of one benchmark see it).
     *
     * <p>H2 runs with {@code OPTIMIZE_REUSE_RESULTS=FALSE}: by default it returns the cached result
     * when the same query runs again on unchanged tables, which would time a cache lookup instead of
     * the query (SQLite has no such cache).
     */
    public String url(Path dir, String name) {
        if (dir == null) {
            return sqlite ? "jdbc:sqlite::memory:" : "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS;
        }
        Path file = dir.resolve(name + (sqlite ? ".db" : "")).toAbsolutePath();
        return sqlite ? "jdbc:sqlite:" + file : "jdbc:h2:file:" + file + H2_OPTIONS;
    }

    private static final String H2_OPTIONS = ";OPTIMIZE_REUSE_RESULTS=FALSE";

    /** Opens a connection with no setup at all (what the connection-open benchmark times). */
    public Connection connect(String url) throws SQLException {
        Connection c = driver().connect(url, new Properties());
        if (c == null) {
            throw new SQLException(id + " does not accept " + url);
        }
        return c;
    }

    /**
     * Opens a connection configured as the suite measures: for SQLite files WAL with
     * synchronous=NORMAL; H2 keeps its own defaults (MVStore, which has no WAL switch).
     */
    public Connection open(String url) throws SQLException {
        Connection c = connect(url);
        if (sqlite && !url.contains(":memory:")) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
            }
        }
        return c;
    }

    /** Column type for text: H2 maps TEXT to CLOB, which would measure LOB handling instead. */
    public String text() {
        return sqlite ? "TEXT" : "VARCHAR";
    }

    /** Column type for binary content. */
    public String blob() {
        return sqlite ? "BLOB" : "VARBINARY(1000000)";
    }

    /** Replaces {@code {text}} and {@code {blob}} in DDL with this engine's types. */
    public String ddl(String sql) {
        return sql.replace("{text}", text()).replace("{blob}", blob());
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
