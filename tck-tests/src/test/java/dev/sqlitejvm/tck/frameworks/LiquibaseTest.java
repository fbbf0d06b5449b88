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
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase given only a {@code jdbc:sqlite:} URL (it chooses its SQLite support and loads
 * {@code org.sqlite.JDBC} by itself): an XML changelog with tables, a foreign key, an added column,
 * an index and data; its lock and history tables; a second update that does nothing; rollback of the
 * last change set; and a changelog that fails and leaves its change set unrecorded.
 */
class LiquibaseTest {
    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
            + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
            + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
    }

    private void run(String command, String url, String changelog, Map<String, Object> arguments) throws Exception {
        Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(dir)), () -> {
            CommandScope scope = new CommandScope(command)
                    .addArgumentValue("url", url)
                    .addArgumentValue("changelogFile", changelog);
            arguments.forEach(scope::addArgumentValue);
            scope.execute();
        });
    }

    @Test
    void updateRollbackAndHistory() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("liquibase.db");
        Files.writeString(dir.resolve("changelog.xml"), HEADER
                + "  <changeSet id=\"1\" author=\"tck\">\n"
                + "    <createTable tableName=\"team\">\n"
                + "      <column name=\"id\" type=\"INTEGER\" autoIncrement=\"true\">\n"
                + "        <constraints primaryKey=\"true\" nullable=\"false\"/>\n"
                + "      </column>\n"
                + "      <column name=\"name\" type=\"VARCHAR(100)\"><constraints nullable=\"false\" unique=\"true\"/></column>\n"
                + "    </createTable>\n"
                + "    <createTable tableName=\"player\">\n"
                + "      <column name=\"id\" type=\"INTEGER\" autoIncrement=\"true\">\n"
                + "        <constraints primaryKey=\"true\" nullable=\"false\"/>\n"
                + "      </column>\n"
                + "      <column name=\"name\" type=\"VARCHAR(100)\"/>\n"
                + "      <column name=\"number\" type=\"INTEGER\" defaultValueNumeric=\"0\"/>\n"
                + "      <column name=\"team_id\" type=\"INTEGER\">\n"
                + "        <constraints foreignKeyName=\"fk_player_team\" references=\"team(id)\"/>\n"
                + "      </column>\n"
                + "    </createTable>\n"
                + "  </changeSet>\n"
                + "  <changeSet id=\"2\" author=\"tck\">\n"
                + "    <createTable tableName=\"venue\"><column name=\"name\" type=\"VARCHAR(50)\"/></createTable>\n"
                + "    <addColumn tableName=\"venue\"><column name=\"city\" type=\"VARCHAR(50)\"/></addColumn>\n"

                + "    <createIndex tableName=\"player\" indexName=\"player_team\"><column name=\"team_id\"/></createIndex>\n"
                + "  </changeSet>\n"
                + "  <changeSet id=\"3\" author=\"tck\">\n"
                + "    <insert tableName=\"team\"><column name=\"name\" value=\"Reds\"/></insert>\n"
                + "    <insert tableName=\"player\"><column name=\"name\" value=\"Ann\"/>"
                + "<column name=\"team_id\" valueNumeric=\"1\"/><column name=\"number\" valueNumeric=\"9\"/></insert>\n"
                + "    <insert tableName=\"player\"><column name=\"name\" value=\"Bo\"/>"
                + "<column name=\"team_id\" valueNumeric=\"1\"/></insert>\n"
                + "  </changeSet>\n"
                + "  <changeSet id=\"4\" author=\"tck\">\n"
                + "    <createTable tableName=\"audit\"><column name=\"what\" type=\"TEXT\"/></createTable>\n"
                + "  </changeSet>\n"
                + "</databaseChangeLog>\n");

        run("update", url, "changelog.xml", Map.of());
        try (Connection conn = DriverManager.getConnection(url)) {
            assertEquals(List.of("1", "2", "3", "4"), rows(conn, "select id from databasechangelog order by orderexecuted"));
            assertEquals(List.of("Ann|Reds|9", "Bo|Reds|0"), rows(conn,
                    "select p.name || '|' || t.name || '|' || p.number from player p join team t on t.id = p.team_id order by p.id"));
            assertTrue(rows(conn, "select name from sqlite_master where type = 'index'").contains("player_team"));
            assertEquals(List.of("team"), rows(conn, "select \"table\" from pragma_foreign_key_list('player')"));
            assertEquals(List.of("name", "city"), rows(conn, "select name from pragma_table_info('venue')"));
            assertEquals(List.of("0"), rows(conn, "select count(*) from databasechangeloglock where locked = 1"));
        }

        run("update", url, "changelog.xml", Map.of()); // nothing to do
        run("rollbackCount", url, "changelog.xml", Map.of("count", 1));
        try (Connection conn = DriverManager.getConnection(url)) {
            assertEquals(List.of("1", "2", "3"), rows(conn, "select id from databasechangelog order by orderexecuted"));
            assertFalse(rows(conn, "select name from sqlite_master where type = 'table'").contains("audit"));
            assertEquals(List.of("2"), rows(conn, "select count(*) from player"));
        }
    }

    @Test
    void aFailingChangeSetIsNotRecorded() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("failing.db");
        Files.writeString(dir.resolve("failing.xml"), HEADER
                + "  <changeSet id=\"ok\" author=\"tck\">\n"
                + "    <sql>create table t (x integer not null unique); insert into t values (1);</sql>\n"
                + "  </changeSet>\n"
                + "  <changeSet id=\"dup\" author=\"tck\">\n"
                + "    <sql>insert into t values (1)</sql>\n"
                + "  </changeSet>\n"
                + "</databaseChangeLog>\n");
        Exception failure = assertThrows(Exception.class, () -> run("update", url, "failing.xml", Map.of()));
        Throwable cause = failure;
        boolean unique = false;
        while (cause != null) {
            unique |= String.valueOf(cause.getMessage()).contains("UNIQUE constraint failed");
            cause = cause.getCause();
        }
        assertTrue(unique, "the SQLite error reaches the caller");
        try (Connection conn = DriverManager.getConnection(url)) {
            assertEquals(List.of("ok"), rows(conn, "select id from databasechangelog"));
            assertEquals(List.of("1"), rows(conn, "select count(*) from t"));
            assertEquals(List.of("0"), rows(conn, "select count(*) from databasechangeloglock where locked = 1"));
        }
    }

    /**
     * Liquibase adds a column on SQLite by rebuilding the table from the driver's metadata. With a
     * named foreign key on that table it needs FK_NAME from {@code getImportedKeys} (otherwise:
     * "createTable with references requires foreignKeyName"); the driver reads it from the table's
     * CREATE TABLE text, as xerial does.
     */
    @Test
    void addColumnToATableWithANamedForeignKey() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("fk.db");
        Files.writeString(dir.resolve("fk.xml"), HEADER
                + "  <changeSet id=\"1\" author=\"tck\">\n"
                + "    <createTable tableName=\"team\"><column name=\"id\" type=\"INTEGER\">"
                + "<constraints primaryKey=\"true\"/></column></createTable>\n"
                + "    <createTable tableName=\"player\"><column name=\"id\" type=\"INTEGER\">"
                + "<constraints primaryKey=\"true\"/></column>\n"
                + "      <column name=\"team_id\" type=\"INTEGER\">"
                + "<constraints foreignKeyName=\"fk_player_team\" references=\"team(id)\"/></column>\n"
                + "    </createTable>\n"
                + "  </changeSet>\n"
                + "  <changeSet id=\"2\" author=\"tck\">\n"
                + "    <addColumn tableName=\"player\"><column name=\"number\" type=\"INTEGER\"/></addColumn>\n"
                + "  </changeSet>\n"
                + "</databaseChangeLog>\n");
        run("update", url, "fk.xml", Map.of());
        try (Connection conn = DriverManager.getConnection(url);
             ResultSet keys = conn.getMetaData().getImportedKeys(null, null, "player")) {
            assertTrue(keys.next());
            assertEquals("fk_player_team", keys.getString("FK_NAME"));
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
