package dev.sqlitejvm.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverAndUrlTest {
    @TempDir
    Path dir;

    static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            assertTrue(rs.next(), name);
            return rs.getString(1);
        }
    }

    @Test
    void registeredThroughServiceLoaderAndDriverManager() throws Exception {
        boolean found = false;
        for (Driver driver : ServiceLoader.load(Driver.class)) {
            found |= driver instanceof SqliteDriver;
        }
        assertTrue(found, "META-INF/services/java.sql.Driver names the driver");
        assertTrue(DriverManager.getDriver("jdbc:sqlite::memory:") instanceof SqliteDriver);
        SqliteDriver driver = new SqliteDriver();
        assertTrue(driver.acceptsURL("jdbc:sqlite:x.db"));
        assertFalse(driver.acceptsURL("jdbc:postgresql://x"));
        assertNull(driver.connect("jdbc:h2:mem:x", new Properties()));
        assertEquals(3, driver.getMajorVersion());
        assertEquals(54, driver.getMinorVersion());
    }

    @Test
    void relativePathIsMadeAbsolute() throws Exception {
        Path file = dir.resolve("rel.db");
        String relative = Path.of("").toAbsolutePath().relativize(file).toString();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + relative);
             Statement s = c.createStatement()) {
            s.execute("create table t(x)");
            try (ResultSet rs = s.executeQuery("PRAGMA database_list")) {
                assertTrue(rs.next());
                assertEquals(file.toAbsolutePath().toString(), rs.getString("file"));
            }
        }
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void emptyIsATemporaryDatabaseAndMemoryIsPrivate() throws Exception {
        for (String url : new String[] {"jdbc:sqlite:", "jdbc:sqlite::memory:"}) {
            try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
                a.createStatement().execute("create table only_in_a(x)");
                try (ResultSet rs = b.getMetaData().getTables(null, null, "only_in_a", null)) {
                    assertFalse(rs.next(), url + " databases are private to their connection");
                }
                assertEquals("", pragma(a, "database_list").isEmpty() ? "" : "");
            }
        }
    }

    @Test
    void fileUriKeepsSqliteParametersAndTakesPragmas() throws Exception {
        Path file = dir.resolve("uri.db");
        String url = "jdbc:sqlite:file:" + file + "?mode=rwc&journal_mode=TRUNCATE&foreign_keys=false&foreign_keys=true";
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals("truncate", pragma(c, "journal_mode"));
            assertEquals("1", pragma(c, "foreign_keys"), "the last value in the URL wins");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro")) {
            SQLException e = assertThrows(SQLException.class, () -> c.createStatement().execute("create table t(x)"));
            assertEquals(8, e.getErrorCode(), "mode=ro reached SQLite: SQLITE_READONLY");
        }
    }

    @Test
    void propertiesOverrideTheUrl() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("synchronous", "OFF");
        properties.setProperty("user", "ignored");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("p.db") + "?synchronous=FULL&cache_size=1234",
                properties)) {
            assertEquals("0", pragma(c, "synchronous"));
            assertEquals("1234", pragma(c, "cache_size"));
        }
    }

    @Test
    void xerialDefaults() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("d.db"))) {
            assertEquals("3000", pragma(c, "busy_timeout"));
            assertEquals("0", pragma(c, "foreign_keys"));
            assertTrue(c.getAutoCommit());
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
        }
    }

    @Test
    void everyDocumentedPropertyIsApplied() throws Exception {
        Properties p = new Properties();
        p.setProperty("page_size", "8192");
        p.setProperty("encoding", "UTF-16le");
        p.setProperty("journal_mode", "TRUNCATE");
        p.setProperty("synchronous", "NORMAL");
        p.setProperty("foreign_keys", "true");
        p.setProperty("busy_timeout", "1234");
        p.setProperty("cache_size", "-4000");
        p.setProperty("locking_mode", "NORMAL");
        p.setProperty("temp_store", "MEMORY");
        p.setProperty("mmap_size", "0");
        p.setProperty("case_sensitive_like", "true");
        p.setProperty("recursive_triggers", "true");
        p.setProperty("secure_delete", "fast");
        p.setProperty("user_version", "42");
        p.setProperty("application_id", "7");
        p.setProperty("wal_autocheckpoint", "500");
        p.setProperty("journal_size_limit", "65536");
        p.setProperty("read_uncommitted", "true");
        p.setProperty("limit_length", "100000");
        p.setProperty("limit_attached", "3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("all.db"), p)) {
            assertEquals("8192", pragma(c, "page_size"));
            assertEquals("UTF-16le", pragma(c, "encoding"));
            assertEquals("truncate", pragma(c, "journal_mode"));
            assertEquals("1", pragma(c, "synchronous"));
            assertEquals("1", pragma(c, "foreign_keys"));
            assertEquals("1234", pragma(c, "busy_timeout"));
            assertEquals("-4000", pragma(c, "cache_size"));
            assertEquals("normal", pragma(c, "locking_mode"));
            assertEquals("2", pragma(c, "temp_store"));
            assertEquals("1", pragma(c, "recursive_triggers"));
            assertEquals("2", pragma(c, "secure_delete"));
            assertEquals("42", pragma(c, "user_version"));
            assertEquals("7", pragma(c, "application_id"));
            assertEquals("500", pragma(c, "wal_autocheckpoint"));
            assertEquals("65536", pragma(c, "journal_size_limit"));
            assertEquals("1", pragma(c, "read_uncommitted"));
            SqliteExtensions x = c.unwrap(SqliteConnection.class).extensions();
            assertEquals(100000, x.limit(dev.sqlitejvm.runtime.Limit.LENGTH, -1));
            assertEquals(3, x.limit(dev.sqlitejvm.runtime.Limit.ATTACHED, -1));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 'a' like 'A'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "case_sensitive_like applied");
            }
        }
    }

    @Test
    void badValuesNameTheProperty() {
        SQLException noValue = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("x.db") + "?journal_mode="));
        assertTrue(noValue.getMessage().contains("journal_mode"), noValue.getMessage());
        SQLException noEquals = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sqlite:file:" + dir.resolve("x.db") + "?foreign_keys"));
        assertTrue(noEquals.getMessage().contains("foreign_keys"), noEquals.getMessage());
        Properties p = new Properties();
        p.setProperty("synchronous", "SOMETIMES");
        SQLException badChoice = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sqlite::memory:", p));
        assertTrue(badChoice.getMessage().contains("synchronous") && badChoice.getMessage().contains("SOMETIMES"),
                badChoice.getMessage());
        Properties q = new Properties();
        q.setProperty("busy_timeout", "soon");
        SQLException badNumber = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sqlite::memory:", q));
        assertTrue(badNumber.getMessage().contains("busy_timeout"), badNumber.getMessage());
    }

    @Test
    void propertyInfoListsEverySupportedProperty() throws Exception {
        DriverPropertyInfo[] info = new SqliteDriver().getPropertyInfo("jdbc:sqlite::memory:?journal_mode=WAL", null);
        Set<String> names = new HashSet<>();
        for (DriverPropertyInfo i : info) {
            names.add(i.name);
            if (i.name.equals("journal_mode")) {
                assertEquals("WAL", i.value);
                assertTrue(Arrays.asList(i.choices).contains("TRUNCATE"));
            }
            if (i.name.equals("busy_timeout")) {
                assertEquals("3000", i.value);
            }
        }
        for (String expected : new String[] {"open_mode", "journal_mode", "synchronous", "foreign_keys", "busy_timeout",
            "cache_size", "page_size", "locking_mode", "temp_store", "mmap_size", "encoding", "case_sensitive_like",
            "recursive_triggers", "secure_delete", "user_version", "application_id", "wal_autocheckpoint",
            "journal_size_limit", "read_uncommitted", "limit_length", "limit_variable_number", "transaction_mode",
            "date_class", "date_precision", "date_string_format", "jdbc.explicit_readonly", "jdbc.get_generated_keys"}) {
            assertTrue(names.contains(expected), expected);
        }
        assertEquals(ConnectionProperty.values().length, info.length);
    }

    @Test
    void resourceUrlsAreCopiedToATemporaryFile() throws Exception {
        Path source = dir.resolve("res").resolve("db");
        Files.createDirectories(source);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.resolve("seed.db"))) {
            c.createStatement().execute("create table seed(x); insert into seed values (42)");
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("res").toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            for (String url : new String[] {"jdbc:sqlite::resource:db/seed.db",
                "jdbc:sqlite::resource:" + source.resolve("seed.db").toUri().toURL()}) {
                try (Connection c = DriverManager.getConnection(url);
                     ResultSet rs = c.createStatement().executeQuery("select x from seed")) {
                    assertTrue(rs.next(), url);
                    assertEquals(42, rs.getInt(1));
                }
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:sqlite::resource:no/such.db"));
    }

    @Test
    void openModeReadOnly() throws Exception {
        Path file = dir.resolve("ro.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("create table t(x)");
        }
        Properties p = new Properties();
        p.setProperty("open_mode", "1");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, p)) {
            assertTrue(c.isReadOnly());
            SQLException e = assertThrows(SQLException.class, () -> c.createStatement().execute("insert into t values (1)"));
            assertTrue(e.getMessage().startsWith("[SQLITE_READONLY]"), e.getMessage());
        }
    }
}
