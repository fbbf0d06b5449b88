package dev.sqlitejvm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory, measured in a JVM of its own (started by {@link Main}) so that nothing else is in it:
 * <ul>
 *   <li>{@code idle ENGINE}: heap and resident set per idle connection (20 connections, each having
 *       run one query, after a full GC). For sqlite-jvm and sqlite4j the wasm linear memory is a Java
 *       byte array, so it is part of the heap; xerial's native SQLite memory shows only in the RSS.</li>
 *   <li>{@code peak ENGINE SCALE}: peak RSS (VmHWM) of the process after the simple workload (insert
 *       N users in one transaction, read them all back) on a WAL file database.</li>
 * </ul>
 * Prints {@code key=value} lines.
 */
public final class Footprint {
    static final int IDLE_CONNECTIONS = 20;

    private Footprint() {
    }

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.of(args[1]);
        Path dir = Files.createTempDirectory("sqlite-jvm-footprint-");
        try {
            if (args[0].equals("idle")) {
                idle(engine, dir).forEach(System.out::println);
            } else {
                System.out.println(peak(engine, Scale.of(args[2]), dir));
            }
        } finally {
            BenchBase.deleteTree(dir);
        }
    }

    static List<String> idle(Engine engine, Path dir) throws Exception {
        String url = engine.url(dir, "idle");
        List<Connection> open = new ArrayList<>();
        try {
            Connection first = engine.open(url);
            open.add(first);
            try (Statement s = first.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)");
                s.execute("INSERT INTO t VALUES (1, 1)");
            }
            query(first);
            long heap0 = settledHeap();
            long rss0 = procStatus("VmRSS");
            for (int i = 0; i < IDLE_CONNECTIONS; i++) {
                Connection c = engine.open(url);
                query(c);
                open.add(c);
            }
            long heap1 = settledHeap();
            long rss1 = procStatus("VmRSS");
            return List.of("heapPerConnection=" + (heap1 - heap0) / IDLE_CONNECTIONS,
                    "rssPerConnection=" + (rss1 - rss0) / IDLE_CONNECTIONS);
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    static String peak(Engine engine, Scale scale, Path dir) throws Exception {
        try (Connection c = engine.open(engine.url(dir, "peak"))) {
            Data.createUsers(c, engine);
            Data.insertUsers(c, scale.simpleUsers);
            long sink = 0;
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT id, created, email, active FROM users")) {
                while (r.next()) {
                    sink += r.getInt(1) + r.getLong(2) + r.getString(3).length() + r.getInt(4);
                }
            }
            if (sink == 0) {
                throw new IllegalStateException("no rows");
            }
        }
        return "peakRss=" + procStatus("VmHWM");
    }

    private static void query(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM t")) {
            r.next();
        }
    }

    private static long settledHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A {@code /proc/self/status} field in bytes, or -1 where there is no /proc (not Linux). */
    static long procStatus(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }
}
