package dev.sqlitejvm.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program written for xerial sqlite-jdbc, as its README teaches, run unchanged. */
class XerialStyleProgramTest {
    @TempDir
    Path dir;

    static List<String> xerialSample(String url, Properties config) throws Exception {
        Class.forName("dev.sqlitejvm.jdbc.SqliteDriver"); // xerial users write Class.forName("org.sqlite.JDBC")
        List<String> out = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, config);
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(30);
            statement.executeUpdate("drop table if exists person");
            statement.executeUpdate("create table person (id integer, name string)");
            statement.executeUpdate("insert into person values(1, 'leo')");
            statement.executeUpdate("insert into person values(2, 'yui')");
            ResultSet rs = statement.executeQuery("select * from person");
            while (rs.next()) {
                out.add("name = " + rs.getString("name") + ", id = " + rs.getInt("id"));
            }
            connection.setAutoCommit(false);
            try (PreparedStatement p = connection.prepareStatement("insert into person values (?, ?)")) {
                for (int i = 3; i <= 5; i++) {
                    p.setInt(1, i);
                    p.setString(2, "p" + i);
                    p.addBatch();
                }
                p.executeBatch();
            }
            connection.commit();
            try (ResultSet count = statement.executeQuery("select count(*) from person")) {
                count.next();
                out.add("count = " + count.getInt(1));
            }
            try {
                statement.executeUpdate("insert into nosuchtable values (1)");
            } catch (SQLException e) {
                out.add(e.getErrorCode() + " " + e.getMessage());
            }
        }
        return out;
    }

    @Test
    void runsUnchanged() throws Exception {
        Properties config = new Properties();
        config.setProperty("journal_mode", "TRUNCATE");
        config.setProperty("foreign_keys", "true");
        List<String> out = xerialSample("jdbc:sqlite:" + dir.resolve("sample.db") + "?busy_timeout=5000", config);
        assertEquals(List.of("name = leo, id = 1", "name = yui, id = 2", "count = 5",
                "1 [SQLITE_ERROR] SQL error or missing database (no such table: nosuchtable)"), out);
    }
}
