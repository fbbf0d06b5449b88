package dev.sqlitejvm.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The users/articles/comments schema of go-sqlite-bench (reimplemented from its description), the
 * inserts that fill it, and reading a result set whole.
 */
final class Data {
    static final long EPOCH = 1_700_000_000_000L;
    static final String ARTICLE_TEXT = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, "
            + "sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.";
    static final String COMMENT_TEXT = "Ut enim ad minim veniam, quis nostrud exercitation ullamco.";

    private Data() {
    }

    /** (Re)creates an empty users table; drops the tables referencing it first (H2 enforces them). */
    static void createUsers(Connection c, Engine e) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS comments");
            s.execute("DROP TABLE IF EXISTS articles");
            s.execute("DROP TABLE IF EXISTS users");
            s.execute(e.ddl("CREATE TABLE users (id INTEGER PRIMARY KEY NOT NULL, created BIGINT NOT NULL, "
                    + "email {text} NOT NULL, active INTEGER NOT NULL)"));
            s.execute("CREATE INDEX users_created ON users(created)");
        }
    }

    /** Creates empty articles and comments tables; call {@link #createUsers} first. */
    static void createArticlesAndComments(Connection c, Engine e) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(e.ddl("CREATE TABLE articles (id INTEGER PRIMARY KEY NOT NULL, created BIGINT NOT NULL, "
                    + "userId INTEGER NOT NULL REFERENCES users(id), text {text} NOT NULL)"));
            s.execute("CREATE INDEX articles_created ON articles(created)");
            s.execute("CREATE INDEX articles_userId ON articles(userId)");
            s.execute(e.ddl("CREATE TABLE comments (id INTEGER PRIMARY KEY NOT NULL, created BIGINT NOT NULL, "
                    + "articleId INTEGER NOT NULL REFERENCES articles(id), text {text} NOT NULL)"));
            s.execute("CREATE INDEX comments_created ON comments(created)");
            s.execute("CREATE INDEX comments_articleId ON comments(articleId)");
        }
    }

    static String email(int id) {
        return "user" + id + "@example.com";
    }

    /** Inserts users 1..count in one transaction. */
    static void insertUsers(Connection c, int count) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO users (id, created, email, active) VALUES (?, ?, ?, ?)")) {
            for (int id = 1; id <= count; id++) {
                bindUser(p, id);
                p.executeUpdate();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    static void bindUser(PreparedStatement p, int id) throws SQLException {
        p.setInt(1, id);
        p.setLong(2, EPOCH + id);
        p.setString(3, email(id));
        p.setInt(4, id % 2);
    }

    /** Reads every column of every row into the blackhole; returns the row count. */
    static int consume(ResultSet r, Blackhole bh) throws SQLException {
        int columns = r.getMetaData().getColumnCount();
        int rows = 0;
        while (r.next()) {
            for (int i = 1; i <= columns; i++) {
                bh.consume(r.getObject(i));
            }
            rows++;
        }
        return rows;
    }

    /** Reads users rows with typed getters (id, created, email, active); returns the row count. */
    static int consumeUsers(ResultSet r, Blackhole bh) throws SQLException {
        int rows = 0;
        while (r.next()) {
            bh.consume(r.getInt(1));
            bh.consume(r.getLong(2));
            bh.consume(r.getString(3));
            bh.consume(r.getInt(4));
            rows++;
        }
        return rows;
    }

    static void check(int actual, int expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + " rows, expected " + expected);
        }
    }
}
