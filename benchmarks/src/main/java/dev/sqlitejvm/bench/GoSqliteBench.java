package dev.sqlitejvm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The six workloads of cvilsmeier/go-sqlite-bench, written from their published description:
 * simple, real, complex, many, large, concurrent. Sizes come from {@link Scale}.
 */
public final class GoSqliteBench {
    private GoSqliteBench() {
    }

    static final int REAL_ARTICLES = 20;
    static final int REAL_COMMENTS = 20;
    static final int COMPLEX_ARTICLES = 100;
    static final int COMPLEX_COMMENTS = 20;

    /** Inserts users with articles and comments; one transaction per user, or one per table. */
    static void insertGraph(Connection c, int users, int articlesPerUser, int commentsPerArticle,
            boolean transactionPerUser) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement user = c.prepareStatement(
                        "INSERT INTO users (id, created, email, active) VALUES (?, ?, ?, ?)");
                PreparedStatement article = c.prepareStatement(
                        "INSERT INTO articles (id, created, userId, text) VALUES (?, ?, ?, ?)");
                PreparedStatement comment = c.prepareStatement(
                        "INSERT INTO comments (id, created, articleId, text) VALUES (?, ?, ?, ?)")) {
            if (transactionPerUser) {
                for (int u = 1; u <= users; u++) {
                    Data.bindUser(user, u);
                    user.executeUpdate();
                    insertArticles(article, comment, u, u, articlesPerUser, commentsPerArticle, true, true);
                    c.commit();
                }
            } else {
                for (int u = 1; u <= users; u++) {
                    Data.bindUser(user, u);
                    user.executeUpdate();
                }
                c.commit();
                insertArticles(article, comment, 1, users, articlesPerUser, commentsPerArticle, true, false);
                c.commit();
                insertArticles(article, comment, 1, users, articlesPerUser, commentsPerArticle, false, true);
                c.commit();
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The articles of users first..last, and/or their comments. */
    private static void insertArticles(PreparedStatement article, PreparedStatement comment, int first,
            int last, int articlesPerUser, int commentsPerArticle, boolean articles, boolean comments)
            throws SQLException {
        for (int u = first; u <= last; u++) {
            for (int a = 1; a <= articlesPerUser; a++) {
                int articleId = (u - 1) * articlesPerUser + a;
                if (articles) {
                    article.setInt(1, articleId);
                    article.setLong(2, Data.EPOCH + articleId);
                    article.setInt(3, u);
                    article.setString(4, Data.ARTICLE_TEXT);
                    article.executeUpdate();
                }
                if (comments) {
                    for (int k = 1; k <= commentsPerArticle; k++) {
                        int commentId = (articleId - 1) * commentsPerArticle + k;
                        comment.setInt(1, commentId);
                        comment.setLong(2, Data.EPOCH + commentId);
                        comment.setInt(3, articleId);
                        comment.setString(4, Data.COMMENT_TEXT);
                        comment.executeUpdate();
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- simple

    /** simple, insert: N users in one transaction into an empty table. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class SimpleInsert extends BenchBase.AllEngines {
        @Setup(Level.Invocation)
        public void emptyTable() throws SQLException {
            Data.createUsers(conn, db);
        }

        @Benchmark
        public void simpleInsert() throws SQLException {
            Data.insertUsers(conn, size.simpleUsers);
        }
    }

    /** simple, query: read all N users once. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class SimpleQuery extends BenchBase.AllEngines {
        @Override
        protected void prepare() throws SQLException {
            Data.createUsers(conn, db);
            Data.insertUsers(conn, size.simpleUsers);
        }

        @Benchmark
        public int simpleQuery(Blackhole bh) throws SQLException {
            try (Statement s = conn.createStatement();
                    ResultSet r = s.executeQuery("SELECT id, created, email, active FROM users ORDER BY id")) {
                int rows = Data.consumeUsers(r, bh);
                Data.check(rows, size.simpleUsers, "simple");
                return rows;
            }
        }
    }

    // ---------------------------------------------------------------- real

    /** real, insert: users with 20 articles of 20 comments each, one transaction per user. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class RealInsert extends BenchBase.AllEngines {
        @Setup(Level.Invocation)
        public void emptyTables() throws SQLException {
            Data.createUsers(conn, db);
            Data.createArticlesAndComments(conn, db);
        }

        @Benchmark
        public void realInsert() throws SQLException {
            insertGraph(conn, size.realUsers, REAL_ARTICLES, REAL_COMMENTS, true);
        }
    }

    /** real, query: each user by email, left-joined with its articles and their comments. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class RealQuery extends BenchBase.AllEngines {
        @Override
        protected void prepare() throws SQLException {
            Data.createUsers(conn, db);
            Data.createArticlesAndComments(conn, db);
            insertGraph(conn, size.realUsers, REAL_ARTICLES, REAL_COMMENTS, true);
        }

        @Benchmark
        public int realQuery(Blackhole bh) throws SQLException {
            int total = 0;
            try (PreparedStatement p = conn.prepareStatement(
                    "SELECT u.id, u.created, u.email, u.active, a.id, a.created, a.text, c.id, c.created, c.text "
                            + "FROM users u LEFT JOIN articles a ON a.userId = u.id "
                            + "LEFT JOIN comments c ON c.articleId = a.id "
                            + "WHERE u.email = ? ORDER BY a.created, c.created")) {
                for (int u = 1; u <= size.realUsers; u++) {
                    p.setString(1, Data.email(u));
                    try (ResultSet r = p.executeQuery()) {
                        total += Data.consume(r, bh);
                    }
                }
            }
            Data.check(total, size.realUsers * REAL_ARTICLES * REAL_COMMENTS, "real");
            return total;
        }
    }

    // ---------------------------------------------------------------- complex

    /** complex, insert: users, then 100 articles per user, then 20 comments per article. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class ComplexInsert extends BenchBase.AllEngines {
        @Setup(Level.Invocation)
        public void emptyTables() throws SQLException {
            Data.createUsers(conn, db);
            Data.createArticlesAndComments(conn, db);
        }

        @Benchmark
        public void complexInsert() throws SQLException {
            insertGraph(conn, size.complexUsers, COMPLEX_ARTICLES, COMPLEX_COMMENTS, false);
        }
    }

    /** complex, query: all users, articles and comments in one big JOIN. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class ComplexQuery extends BenchBase.AllEngines {
        @Override
        protected void prepare() throws SQLException {
            Data.createUsers(conn, db);
            Data.createArticlesAndComments(conn, db);
            insertGraph(conn, size.complexUsers, COMPLEX_ARTICLES, COMPLEX_COMMENTS, false);
        }

        @Benchmark
        public int complexQuery(Blackhole bh) throws SQLException {
            try (Statement s = conn.createStatement();
                    ResultSet r = s.executeQuery(
                            "SELECT u.id, u.created, u.email, u.active, a.id, a.created, a.text, "
                                    + "c.id, c.created, c.text FROM users u "
                                    + "JOIN articles a ON a.userId = u.id "
                                    + "JOIN comments c ON c.articleId = a.id "
                                    + "ORDER BY u.created, a.created, c.created")) {
                int rows = Data.consume(r, bh);
                Data.check(rows, size.complexUsers * COMPLEX_ARTICLES * COMPLEX_COMMENTS, "complex");
                return rows;
            }
        }
    }

    // ---------------------------------------------------------------- many

    /** many: a small table read whole 1000 times, each a separate query. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class Many extends BenchBase.AllEngines {
        @Override
        protected void prepare() throws SQLException {
            Data.createUsers(conn, db);
            Data.insertUsers(conn, size.manyRows);
        }

        @Benchmark
        public int many(Blackhole bh) throws SQLException {
            int total = 0;
            try (PreparedStatement p = conn.prepareStatement(
                    "SELECT id, created, email, active FROM users ORDER BY id")) {
                for (int q = 0; q < size.manyQueries(); q++) {
                    try (ResultSet r = p.executeQuery()) {
                        total += Data.consumeUsers(r, bh);
                    }
                }
            }
            Data.check(total, size.manyRows * size.manyQueries(), "many");
            return total;
        }
    }

    // ---------------------------------------------------------------- large

    /** large: rows of 200,000 bytes each, read whole. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class Large extends BenchBase.AllEngines {
        @Override
        protected void prepare() throws SQLException {
            exec("CREATE TABLE large (id INTEGER PRIMARY KEY NOT NULL, content {blob} NOT NULL)");
            byte[] content = new byte[Scale.LARGE_ROW_BYTES];
            conn.setAutoCommit(false);
            try (PreparedStatement p = conn.prepareStatement("INSERT INTO large (id, content) VALUES (?, ?)")) {
                for (int id = 1; id <= size.largeRows; id++) {
                    ThreadLocalRandom.current().nextBytes(content);
                    p.setInt(1, id);
                    p.setBytes(2, content);
                    p.executeUpdate();
                }
            }
            conn.commit();
            conn.setAutoCommit(true);
        }

        @Benchmark
        public long large(Blackhole bh) throws SQLException {
            long bytes = 0;
            int rows = 0;
            try (Statement s = conn.createStatement();
                    ResultSet r = s.executeQuery("SELECT id, content FROM large ORDER BY id")) {
                while (r.next()) {
                    bh.consume(r.getInt(1));
                    byte[] content = r.getBytes(2);
                    bytes += content.length;
                    rows++;
                }
            }
            Data.check(rows, size.largeRows, "large");
            return bytes;
        }
    }

    // ---------------------------------------------------------------- concurrent

    /** concurrent: 8 threads, each with its own connection, each reading the whole table. */
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public static class Concurrent extends BenchBase.AllEngines {
        private final List<Connection> readers = new ArrayList<>();
        private ExecutorService pool;

        @Override
        protected void prepare() throws SQLException {
            Data.createUsers(conn, db);
            Data.insertUsers(conn, size.concurrentRows);
            for (int i = 0; i < Scale.CONCURRENT_READERS; i++) {
                readers.add(db.open(url));
            }
            pool = Executors.newFixedThreadPool(Scale.CONCURRENT_READERS);
        }

        @Benchmark
        public int concurrent() throws Exception {
            List<Future<Integer>> results = new ArrayList<>();
            for (Connection reader : readers) {
                results.add(pool.submit(() -> {
                    try (Statement s = reader.createStatement();
                            ResultSet r = s.executeQuery("SELECT id, created, email, active FROM users ORDER BY id")) {
                        int rows = 0;
                        long sink = 0;
                        while (r.next()) {
                            sink += r.getInt(1) + r.getLong(2) + r.getString(3).length() + r.getInt(4);
                            rows++;
                        }
                        return sink == 42 ? -1 : rows; // sink is used, so the reads are not dead code
                    }
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            Data.check(total, size.concurrentRows * Scale.CONCURRENT_READERS, "concurrent");
            return total;
        }

        @TearDown(Level.Trial)
        public void closeReaders() throws SQLException {
            if (pool != null) {
                pool.shutdownNow();
            }
            for (Connection c : readers) {
                c.close();
            }
        }
    }
}
