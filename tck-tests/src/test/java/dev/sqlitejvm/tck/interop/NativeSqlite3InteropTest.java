package dev.sqlitejvm.tck.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files move between the native {@code sqlite3} shell (Debian's, 3.40.1) and this driver in every
 * journal mode, both ways: a database created and written by one is read, checked
 * ({@code integrity_check}), written and handed back to the other, and a connection of this driver
 * kept open across a native write sees the new rows.
 */
class NativeSqlite3InteropTest {
    private static final String SQLITE3 = "sqlite3";

    @TempDir
    Path dir;

    @BeforeAll
    static void nativeShellPresent() {
        boolean present;
        try {
            present = new ProcessBuilder(SQLITE3, "-version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        assumeTrue(present, "the native sqlite3 shell is installed");
    }

    /** Runs SQL in the native shell and returns its output lines. */
    private static List<String> sqlite3(Path db, String sql) throws Exception {
        Process process = new ProcessBuilder(SQLITE3, "-batch", "-bail", db.toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sqlite3 did not finish");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("sqlite3 failed (" + process.exitValue() + "): " + out);
        }
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String url(Path db, String mode) {
        return "jdbc:sqlite:" + db + "?journal_mode=" + mode;
    }

    private static List<String> rows(Connection conn, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void insertJvm(Connection conn, int from, int to) throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("insert into t(id, who, payload) values (?, 'jvm', ?)")) {
            for (int i = from; i < to; i++) {
                ps.setInt(1, i);
                ps.setBytes(2, new byte[300 + i % 700]);
                ps.executeUpdate();
            }
        }
        conn.commit();
        conn.setAutoCommit(true);
    }

    private static String nativeInsert(int from, int to) {
        return "with recursive c(i) as (select " + from + " union all select i + 1 from c where i < " + (to - 1) + ")"
                + " insert into t(id, who, payload) select i, 'native', zeroblob(300 + i % 700) from c;\n";
    }

    private static final String CHECK = "select count(*) || ' ' || sum(id) || ' ' || sum(length(payload)) from t;\n"
            + "pragma integrity_check;\n";

    private static String expected(int rows) {
        long sumId = 0;
        long sumLen = 0;
        for (int i = 0; i < rows; i++) {
            sumId += i;
            sumLen += 300 + i % 700;
        }
        return rows + " " + sumId + " " + sumLen;
    }

    private void assertNoWalLeft(Path db, String mode) {
        if (mode.equals("WAL")) {
            assertFalse(Files.exists(Path.of(db + "-wal")), "the last connection to close removes the -wal file");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "TRUNCATE", "PERSIST", "MEMORY", "WAL", "OFF"})
    void nativeWritesJvmReadsAndWritesBack(String mode) throws Exception {
        Path db = dir.resolve("native-" + mode.toLowerCase(Locale.ROOT) + ".db");
        List<String> set = sqlite3(db, "pragma journal_mode=" + mode + ";\n"
                + "create table t(id integer primary key, who text not null, payload blob);\n"
                + "create index t_who on t(who);\n"
                + "begin;\n" + nativeInsert(0, 500) + "commit;\n");
        assertEquals(List.of(mode.toLowerCase(Locale.ROOT)), set);

        try (Connection conn = DriverManager.getConnection(url(db, mode))) {
            assertEquals(List.of(mode.toLowerCase(Locale.ROOT)), rows(conn, "pragma journal_mode"));
            assertEquals(List.of(expected(500), "ok"), List.of(rows(conn, CHECK.split("\n")[0]).get(0),
                    rows(conn, "pragma integrity_check").get(0)));
            insertJvm(conn, 500, 800);
            conn.createStatement().execute("update t set who = 'both' where id % 100 = 0");
        }
        assertNoWalLeft(db, mode);
        assertEquals(List.of(expected(800), "ok"), sqlite3(db, CHECK));
        assertEquals(List.of("8"), sqlite3(db, "select count(*) from t where who = 'both';"));

        // A connection kept open here sees what the native shell commits meanwhile.
        try (Connection conn = DriverManager.getConnection(url(db, mode))) {
            assertEquals(List.of("800"), rows(conn, "select count(*) from t"));
            sqlite3(db, "pragma journal_mode=" + mode + ";\n" + nativeInsert(800, 1000));
            assertEquals(List.of(expected(1000)), rows(conn, CHECK.split("\n")[0]));
            assertEquals(List.of("ok"), rows(conn, "pragma integrity_check"));
        }
        assertNoWalLeft(db, mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "TRUNCATE", "PERSIST", "MEMORY", "WAL", "OFF"})
    void jvmWritesNativeReadsAndWritesBack(String mode) throws Exception {
        Path db = dir.resolve("jvm-" + mode.toLowerCase(Locale.ROOT) + ".db");
        try (Connection conn = DriverManager.getConnection(url(db, mode))) {
            assertEquals(List.of(mode.toLowerCase(Locale.ROOT)), rows(conn, "pragma journal_mode"));
            conn.createStatement().execute("create table t(id integer primary key, who text not null, payload blob)");
            conn.createStatement().execute("create index t_who on t(who)");
            insertJvm(conn, 0, 500);
        }
        assertNoWalLeft(db, mode);
        // WAL is recorded in the file; the rollback modes are per connection and read back as delete.
        assertEquals(List.of(mode.equals("WAL") ? "wal" : "delete"), sqlite3(db, "pragma journal_mode;"));
        assertEquals(List.of(expected(500), "ok"), sqlite3(db, CHECK));
        sqlite3(db, "pragma journal_mode=" + mode + ";\nbegin;\n" + nativeInsert(500, 900)
                + "delete from t where id between 100 and 199;\n"
                + "commit;\n");
        try (Connection conn = DriverManager.getConnection(url(db, mode))) {
            assertEquals(List.of("800"), rows(conn, "select count(*) from t"));
            assertEquals(List.of("400"), rows(conn, "select count(*) from t where who = 'native'"));
            assertEquals(List.of("ok"), rows(conn, "pragma integrity_check"));
            conn.createStatement().execute("vacuum");
            assertEquals(List.of("ok"), rows(conn, "pragma integrity_check"));
        }
        assertNoWalLeft(db, mode);
        assertEquals(List.of("800", "ok"), sqlite3(db, "select count(*) from t;\npragma integrity_check;\n"));
    }
}
