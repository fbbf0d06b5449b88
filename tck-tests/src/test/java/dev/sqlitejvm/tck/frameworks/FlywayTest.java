package dev.sqlitejvm.tck.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway given only a {@code jdbc:sqlite:} URL: it picks its SQLite support and loads
 * {@code org.sqlite.JDBC} itself. Versioned SQL migrations (with a trigger, whose body has
 * semicolons), history, validation, a later migration, and a failing one rolled back whole.
 */
class FlywayTest {
    @TempDir
    Path dir;

    private Flyway flyway(Path migrations, String url) {
        return Flyway.configure()
                .dataSource(url, null, null)
                .locations("filesystem:" + migrations)
                .load();
    }

    @Test
    void migratesValidatesAndRollsBackAFailedMigration() throws Exception {
        Path migrations = Files.createDirectory(dir.resolve("migrations"));
        String url = "jdbc:sqlite:" + dir.resolve("flyway.db");
        Files.writeString(migrations.resolve("V1__accounts.sql"),
                "create table account (\n"
                + "  id integer primary key,\n"
                + "  owner text not null unique,\n"
                + "  balance integer not null default 0 check (balance >= 0)\n"
                + ");\n"
                + "create table ledger (id integer primary key, account_id integer not null references account(id),"
                + " delta integer not null);\n");
        Files.writeString(migrations.resolve("V2__ledger_trigger.sql"),
                "create trigger ledger_applies after insert on ledger\n"
                + "begin\n"
                + "  update account set balance = balance + new.delta where id = new.account_id;\n"
                + "end;\n");
        Files.writeString(migrations.resolve("V3__seed.sql"),
                "insert into account(owner) values ('ada'), ('grace');\n"
                + "insert into ledger(account_id, delta) values (1, 100), (1, -30), (2, 5);\n");

        MigrateResult first = flyway(migrations, url).migrate();
        assertTrue(first.success);
        assertEquals(3, first.migrationsExecuted);
        assertEquals("3", first.targetSchemaVersion);
        assertEquals("SQLite", first.databaseType);

        try (Connection conn = DriverManager.getConnection(url)) {
            assertEquals(List.of("ada=70", "grace=5"),
                    rows(conn, "select owner || '=' || balance from account order by id"));
            assertEquals(List.of("1 true", "2 true", "3 true"),
                    rows(conn, "select version || ' ' || case success when 1 then 'true' else 'false' end"
                            + " from flyway_schema_history order by installed_rank"));
        }

        Flyway again = flyway(migrations, url);
        again.validate();
        assertEquals(0, again.migrate().migrationsExecuted, "nothing pending");

        Files.writeString(migrations.resolve("V4__index.sql"), "create index ledger_account on ledger(account_id);\n");
        MigrateResult fourth = flyway(migrations, url).migrate();
        assertEquals(1, fourth.migrationsExecuted);
        MigrationInfo current = flyway(migrations, url).info().current();
        assertEquals("4", current.getVersion().getVersion());
        assertEquals("index", current.getDescription());

        // A migration that fails half-way: SQLite runs DDL in transactions, so none of it stays.
        Files.writeString(migrations.resolve("V5__broken.sql"),
                "create table audit (id integer primary key, what text);\n"
                + "insert into audit(what) values ('x');\n"
                + "insert into account(owner, balance) values ('bob', -1);\n");
        FlywayException failure = assertThrows(FlywayException.class, () -> flyway(migrations, url).migrate());
        assertTrue(failure.getMessage().contains("CHECK constraint failed"), failure.getMessage());
        try (Connection conn = DriverManager.getConnection(url)) {
            assertFalse(rows(conn, "select name from sqlite_master where type = 'table'").contains("audit"));
            assertEquals(List.of("4"), rows(conn, "select max(cast(version as integer)) from flyway_schema_history"
                    + " where success = 1"));
            assertEquals(List.of("ok"), rows(conn, "pragma integrity_check"));
        }
    }

    @Test
    void cleanIsRefusedByDefaultAndWorksWhenAllowed() throws Exception {
        Path migrations = Files.createDirectory(dir.resolve("m"));
        String url = "jdbc:sqlite:" + dir.resolve("clean.db");
        Files.writeString(migrations.resolve("V1__t.sql"), "create table t (x integer);\ninsert into t values (1);\n");
        flyway(migrations, url).migrate();
        assertThrows(FlywayException.class, () -> flyway(migrations, url).clean());
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + migrations)
                .cleanDisabled(false).load().clean();
        try (Connection conn = DriverManager.getConnection(url)) {
            assertEquals(List.of(), rows(conn, "select name from sqlite_master where type = 'table'"
                    + " and name not like 'sqlite_%'"));
        }
    }

    private static List<String> rows(Connection conn, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = conn.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
