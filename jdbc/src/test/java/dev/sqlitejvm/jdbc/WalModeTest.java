package dev.sqlitejvm.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAL mode set through xerial's URL properties works across connections, with snapshot reads. */
class WalModeTest {

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void readerKeepsItsSnapshotWhileAWriterCommits(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("wal.db");
        String url = "jdbc:sqlite:" + db + "?journal_mode=WAL&synchronous=NORMAL";
        try (Connection writer = DriverManager.getConnection(url);
             Connection reader = DriverManager.getConnection(url)) {
            assertEquals("wal", text(writer, "pragma journal_mode"));
            assertEquals("wal", text(reader, "pragma journal_mode"));
            try (Statement s = writer.createStatement()) {
                s.executeUpdate("create table t(x)");
                s.executeUpdate("insert into t values (1)");
            }
            assertTrue(Files.exists(dir.resolve("wal.db-wal")));
            assertTrue(Files.exists(dir.resolve("wal.db-shm")));

            reader.setAutoCommit(false);
            assertEquals("1", text(reader, "select count(*) from t"));
            // The writer commits while the reader's transaction is open: WAL lets both proceed.
            try (Statement s = writer.createStatement()) {
                s.executeUpdate("insert into t values (2)");
            }
            assertEquals("1", text(reader, "select count(*) from t"), "the reader's snapshot is stable");
            reader.commit();
            assertEquals("2", text(reader, "select count(*) from t"), "a new transaction sees the commit");
            assertEquals("ok", text(reader, "pragma integrity_check"));
        }
    }
}
