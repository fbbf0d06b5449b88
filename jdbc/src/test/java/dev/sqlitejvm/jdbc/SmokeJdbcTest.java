package dev.sqlitejvm.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeJdbcTest {
    @TempDir
    Path dir;

    @Test
    void createInsertSelect() throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"))) {
            System.out.println("open ms " + (System.nanoTime() - start) / 1_000_000);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("create table t(id integer primary key, name text)");
                assertEquals(1, s.executeUpdate("insert into t(name) values ('a')"));
            }
            try (PreparedStatement p = c.prepareStatement("insert into t(name) values (?)")) {
                for (int i = 0; i < 100; i++) {
                    p.setString(1, "n" + i);
                    p.addBatch();
                }
                assertEquals(100, p.executeBatch().length);
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*), max(name) from t")) {
                assertTrue(rs.next());
                assertEquals(101, rs.getInt(1));
                assertEquals("n99", rs.getString(2));
                assertFalse(rs.next());
            }
        }
        start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            DriverManager.getConnection("jdbc:sqlite::memory:").close();
        }
        System.out.println("20 opens ms " + (System.nanoTime() - start) / 1_000_000);
    }
}
