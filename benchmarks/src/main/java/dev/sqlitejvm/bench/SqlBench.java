package dev.sqlitejvm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Everyday operations beyond go-sqlite-bench: connection open, prepare, point select, batch insert,
 * scan with aggregates, GROUP BY, FTS5 and JSON (the last two on the SQLite engines only).
 */
public final class SqlBench {
    private SqlBench() {
    }

    static final String POINT_SELECT = "SELECT id, created, email, active FROM users WHERE id = ?";
    static final String SCAN_AGGREGATE = "SELECT count(*), sum(created), avg(length(email)), max(email) "
            + "FROM users WHERE active = 1";
    static final String GROUP_BY = "SELECT MOD(id, 100) AS bucket, count(*), sum(active), max(email) "
            + "FROM users GROUP BY MOD(id, 100) ORDER BY bucket";

    /** Time to the first query in a fresh JVM: class loading, module set-up, open, one query. */
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(5)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @State(Scope.Benchmark)
    public static class FirstQuery {
        @Param({"sqlite-jvm", "xerial", "sqlite4j", "h2"})
        public String engine;

        @Benchmark
        public int firstQuery() throws SQLException {
            Engine e = Engine.of(engine);
            try (Connection c = e.connect(e.url(null, "first"));
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT 1")) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Connection open + close on an existing file database, after the first one. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Open extends BenchBase.AllEngines {
        @Override
        protected void prepare() throws SQLException {
            Data.createUsers(conn, db);
        }

        @Benchmark
        public void open() throws SQLException {
            db.connect(url).close();
        }
    }

    /** prepareStatement + close of a point select. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Prepare extends BenchBase.AllEngines {
        @Override
        protected void prepare() throws SQLException {
            Data.createUsers(conn, db);
        }

        @Benchmark
        public void prepareStatement() throws SQLException {
            conn.prepareStatement(POINT_SELECT).close();
        }
    }

    /** A table of users, in a file or in memory. */
    public abstract static class UsersTable extends BenchBase.AllEngines {
        @Param({"file", "memory"})
        public String storage;

        @Override
        protected String storage() {
            return storage;
        }

        @Override
        protected void prepare() throws SQLException {
            Data.createUsers(conn, db);
            Data.insertUsers(conn, size.tableRows);
        }
    }

    /** Point select by primary key, with a prepared statement, at a random id. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class PointSelect extends UsersTable {
        private PreparedStatement select;
        private final SplittableRandom random = new SplittableRandom(42);

        @Override
        protected void prepare() throws SQLException {
            super.prepare();
            select = conn.prepareStatement(POINT_SELECT);
        }

        @Benchmark
        public int pointSelect(Blackhole bh) throws SQLException {
            select.setInt(1, 1 + random.nextInt(size.tableRows));
            try (ResultSet r = select.executeQuery()) {
                return Data.consumeUsers(r, bh);
            }
        }
    }

    /** Batch insert: addBatch/executeBatch of N rows in one transaction. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class BatchInsert extends BenchBase.AllEngines {
        @Param({"file", "memory"})
        public String storage;

        private int nextId = 1;

        @Override
        protected String storage() {
            return storage;
        }

        @Override
        protected void prepare() throws SQLException {
            Data.createUsers(conn, db);
        }

        @Benchmark
        public int[] batchInsert() throws SQLException {
            conn.setAutoCommit(false);
            try (PreparedStatement p = conn.prepareStatement(
                    "INSERT INTO users (id, created, email, active) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < size.batchRows; i++) {
                    Data.bindUser(p, nextId++);
                    p.addBatch();
                }
                int[] counts = p.executeBatch();
                conn.commit();
                return counts;
            } finally {
                conn.setAutoCommit(true);
            }
        }
    }

    /** Full scan with aggregates. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class ScanAggregate extends UsersTable {
        @Benchmark
        public int scanAggregate(Blackhole bh) throws SQLException {
            try (Statement s = conn.createStatement();
                    ResultSet r = s.executeQuery(SCAN_AGGREGATE)) {
                return Data.consume(r, bh);
            }
        }
    }

    /** GROUP BY over the whole table into 100 groups. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class GroupBy extends BenchBase.AllEngines {
        @Override
        protected void prepare() throws SQLException {
            Data.createUsers(conn, db);
            Data.insertUsers(conn, size.tableRows);
        }

        @Benchmark
        public int groupBy(Blackhole bh) throws SQLException {
            try (Statement s = conn.createStatement();
                    ResultSet r = s.executeQuery(GROUP_BY)) {
                int rows = Data.consume(r, bh);
                Data.check(rows, Math.min(100, size.tableRows), "groupBy");
                return rows;
            }
        }
    }

    static final String[] WORDS = {
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
        "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
        "uniform", "victor", "whiskey", "xray", "yankee", "zulu", "database", "engine", "query", "index",
    };

    /** FTS5: a two-term MATCH ranked by bm25, top 20. SQLite engines only. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Fts5 extends BenchBase.SqliteEngines {
        private PreparedStatement match;
        private final SplittableRandom random = new SplittableRandom(7);

        @Override
        protected void prepare() throws SQLException {
            exec("CREATE VIRTUAL TABLE docs USING fts5(title, body)");
            SplittableRandom words = new SplittableRandom(1);
            conn.setAutoCommit(false);
            try (PreparedStatement p = conn.prepareStatement("INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)")) {
                StringBuilder body = new StringBuilder();
                for (int id = 1; id <= size.ftsDocs; id++) {
                    body.setLength(0);
                    for (int w = 0; w < 40; w++) {
                        // skewed word frequencies, like text: low indexes are common
                        int i = (int) (WORDS.length * Math.pow(words.nextDouble(), 2));
                        body.append(WORDS[i]).append(' ');
                    }
                    p.setInt(1, id);
                    p.setString(2, WORDS[id % WORDS.length] + " " + id);
                    p.setString(3, body.toString());
                    p.executeUpdate();
                }
            }
            conn.commit();
            conn.setAutoCommit(true);
            match = conn.prepareStatement(
                    "SELECT rowid, title FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20");
        }

        @Benchmark
        public int fts5(Blackhole bh) throws SQLException {
            String a = WORDS[random.nextInt(WORDS.length)];
            String b = WORDS[random.nextInt(WORDS.length)];
            match.setString(1, a + " AND " + b);
            try (ResultSet r = match.executeQuery()) {
                return Data.consume(r, bh);
            }
        }
    }

    /** JSON: json_extract in the select list and in the WHERE clause over a table of documents. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class Json extends BenchBase.SqliteEngines {
        @Override
        protected void prepare() throws SQLException {
            exec("CREATE TABLE events (id INTEGER PRIMARY KEY, doc TEXT NOT NULL)");
            conn.setAutoCommit(false);
            try (PreparedStatement p = conn.prepareStatement("INSERT INTO events (id, doc) VALUES (?, ?)")) {
                for (int id = 1; id <= size.jsonDocs; id++) {
                    p.setInt(1, id);
                    p.setString(2, "{\"name\":\"event " + id + "\",\"score\":" + (id % 100)
                            + ",\"tags\":[\"" + WORDS[id % WORDS.length] + "\",\"" + WORDS[(id * 7) % WORDS.length]
                            + "\"],\"user\":{\"id\":" + id + ",\"email\":\"" + Data.email(id) + "\"}}");
                    p.executeUpdate();
                }
            }
            conn.commit();
            conn.setAutoCommit(true);
        }

        @Benchmark
        public int json(Blackhole bh) throws SQLException {
            try (Statement s = conn.createStatement();
                    ResultSet r = s.executeQuery("SELECT json_extract(doc, '$.name'), json_extract(doc, '$.tags[1]'), "
                            + "doc ->> '$.user.email' FROM events WHERE json_extract(doc, '$.score') >= 50")) {
                return Data.consume(r, bh);
            }
        }
    }
}
