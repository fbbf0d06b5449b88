package dev.sqlitejvm.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FK_NAME in DatabaseMetaData comes from the declared constraint names, as in xerial. */
class ForeignKeyNamesTest {

    @Test
    void namesInDeclarationOrder() {
        assertEquals(java.util.Arrays.asList("fk_owner", null, "fk \"q\""), ForeignKeyNames.inDeclarationOrder(
                "CREATE TABLE t(a INTEGER CONSTRAINT nn NOT NULL CONSTRAINT fk_owner REFERENCES owner(id),"
                        + " b -- CONSTRAINT fake REFERENCES nothing\n REFERENCES other, c TEXT DEFAULT 'REFERENCES x',"
                        + " CONSTRAINT \"fk \"\"q\"\"\" FOREIGN KEY (c) REFERENCES third(k))"));
        assertEquals(List.of(), ForeignKeyNames.inDeclarationOrder("CREATE TABLE t(x)"));
    }

    @Test
    void importedKeysCarryTheirNames(@TempDir Path dir) throws Exception {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("fk.db"));
             Statement s = conn.createStatement()) {
            s.executeUpdate("create table parent(id integer primary key, code text unique)");
            s.executeUpdate("create table child(id integer primary key, parent_id integer,"
                    + " code text, other integer references parent,"
                    + " constraint fk_child_parent foreign key (parent_id) references parent(id),"
                    + " constraint [fk_child_code] foreign key (code) references parent(code) on delete cascade)");
            Map<String, String> nameByColumn = new HashMap<>();
            try (ResultSet keys = conn.getMetaData().getImportedKeys(null, null, "child")) {
                while (keys.next()) {
                    nameByColumn.put(keys.getString("FKCOLUMN_NAME"), keys.getString("FK_NAME"));
                }
            }
            assertEquals(3, nameByColumn.size());
            assertEquals("fk_child_parent", nameByColumn.get("parent_id"));
            assertEquals("fk_child_code", nameByColumn.get("code"));
            assertTrue(nameByColumn.containsKey("other"));
            assertNull(nameByColumn.get("other"));
        }
    }
}
