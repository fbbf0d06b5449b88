package dev.sqlitejvm.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorsAndMetadataTest {
    @TempDir
    Path dir;

    @Test
    void constraintViolationsInXerialForm() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("e.db") + "?foreign_keys=true");
             Statement s = c.createStatement()) {
            s.execute("create table p(id integer primary key); create table t(x unique, y not null, "
                    + "pid references p(id), check (y > 0))");
            s.execute("insert into t values (1, 1, null)");
            SQLException unique = assertThrows(SQLException.class, () -> s.execute("insert into t values (1, 1, null)"));
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, unique);
            assertEquals("[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed (UNIQUE constraint failed: t.x)",
                    unique.getMessage());
            assertEquals(19, unique.getErrorCode());
            assertEquals(2067, ((SqliteError) unique).getExtendedErrorCode());
            assertEquals(SqliteErrorCode.SQLITE_CONSTRAINT_UNIQUE, ((SqliteError) unique).getResultCode());
            assertEquals("23000", unique.getSQLState());
            SQLException notNull = assertThrows(SQLException.class, () -> s.execute("insert into t values (2, null, null)"));
            assertTrue(notNull.getMessage().startsWith("[SQLITE_CONSTRAINT_NOTNULL] A NOT NULL constraint failed"));
            SQLException check = assertThrows(SQLException.class, () -> s.execute("insert into t values (3, -1, null)"));
            assertTrue(check.getMessage().startsWith("[SQLITE_CONSTRAINT_CHECK]"), check.getMessage());
            SQLException foreign = assertThrows(SQLException.class, () -> s.execute("insert into t values (4, 1, 99)"));
            assertEquals(787, ((SqliteError) foreign).getExtendedErrorCode());
            SQLException syntax = assertThrows(SQLException.class, () -> s.execute("selec 1"));
            assertEquals("[SQLITE_ERROR] SQL error or missing database (near \"selec\": syntax error)", syntax.getMessage());
            assertEquals(1, syntax.getErrorCode());
            s.execute("select 1"); // still usable
        }
    }

    @Test
    void busyIsTransient() throws Exception {
        Properties impatient = new Properties();
        impatient.setProperty("busy_timeout", "0");
        try (Connection a = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("b.db"));
             Connection b = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("b.db"), impatient)) {
            a.createStatement().execute("create table t(x)");
            a.setAutoCommit(false);
            a.createStatement().execute("insert into t values (1)");
            SQLException busy = assertThrows(SQLException.class, () -> b.createStatement().execute("insert into t values (2)"));
            assertInstanceOf(SQLTransientException.class, busy);
            assertEquals(5, busy.getErrorCode());
            assertEquals("[SQLITE_BUSY] The database file is locked (database is locked)", busy.getMessage());
            a.commit();
            b.createStatement().execute("insert into t values (2)");
        }
    }

    @Test
    void databaseMetadata() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("m.db"))) {
            c.createStatement().execute("create table parent(id integer primary key autoincrement, code text not null unique);"
                    + "create table child(a integer, b text default 'x', pid integer references parent(id) on delete cascade,"
                    + " primary key (a, b));"
                    + "create index child_b on child(b desc); create view v as select * from child");
            DatabaseMetaData meta = c.getMetaData();
            assertEquals("SQLite", meta.getDatabaseProductName());
            assertEquals("3.54.1", meta.getDatabaseProductVersion());
            assertEquals(3, meta.getDatabaseMajorVersion());
            assertEquals(4, meta.getJDBCMajorVersion());
            assertTrue(meta.supportsTransactions());
            assertTrue(meta.supportsSavepoints());
            assertTrue(meta.supportsGetGeneratedKeys());
            assertTrue(meta.supportsBatchUpdates());
            assertFalse(meta.supportsStoredProcedures());
            assertTrue(meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
            assertFalse(meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED));
            assertEquals("\"", meta.getIdentifierQuoteString());
            assertEquals(c, meta.getConnection());

            assertEquals(List.of("child:TABLE", "parent:TABLE", "v:VIEW"), tables(meta.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})));
            assertEquals(List.of("sqlite_sequence:SYSTEM TABLE"), tables(meta.getTables(null, null, "sqlite%", null)));
            assertEquals(List.of("SYSTEM TABLE", "TABLE", "VIEW"), column(meta.getTableTypes(), "TABLE_TYPE"));

            try (ResultSet columns = meta.getColumns(null, null, "child", null)) {
                assertTrue(columns.next());
                assertEquals("a", columns.getString("COLUMN_NAME"));
                assertEquals(Types.INTEGER, columns.getInt("DATA_TYPE"));
                assertEquals(1, columns.getInt("ORDINAL_POSITION"));
                assertTrue(columns.next());
                assertEquals("b", columns.getString("COLUMN_NAME"));
                assertEquals("'x'", columns.getString("COLUMN_DEF"));
                assertEquals(Types.VARCHAR, columns.getInt("DATA_TYPE"));
                assertTrue(columns.next());
                assertFalse(columns.next());
            }
            try (ResultSet columns = meta.getColumns(null, null, "parent", "id")) {
                assertTrue(columns.next());
                assertEquals("YES", columns.getString("IS_AUTOINCREMENT"));
            }
            try (ResultSet columns = meta.getColumns(null, null, "parent", "code")) {
                assertTrue(columns.next());
                assertEquals(DatabaseMetaData.columnNoNulls, columns.getInt("NULLABLE"));
                assertEquals("NO", columns.getString("IS_NULLABLE"));
            }
            assertEquals(List.of("a", "b"), column(meta.getPrimaryKeys(null, null, "child"), "COLUMN_NAME"));
            try (ResultSet imported = meta.getImportedKeys(null, null, "child")) {
                assertTrue(imported.next());
                assertEquals("parent", imported.getString("PKTABLE_NAME"));
                assertEquals("id", imported.getString("PKCOLUMN_NAME"));
                assertEquals("pid", imported.getString("FKCOLUMN_NAME"));
                assertEquals(DatabaseMetaData.importedKeyCascade, imported.getInt("DELETE_RULE"));
                assertEquals(1, imported.getInt("KEY_SEQ"));
            }
            assertEquals(List.of("child"), column(meta.getExportedKeys(null, null, "parent"), "FKTABLE_NAME"));
            assertEquals(List.of("pid"), column(meta.getCrossReference(null, null, "parent", null, null, "child"), "FKCOLUMN_NAME"));
            try (ResultSet index = meta.getIndexInfo(null, null, "child", false, false)) {
                List<String> names = new ArrayList<>();
                while (index.next()) {
                    names.add(index.getString("INDEX_NAME") + ":" + index.getString("COLUMN_NAME") + ":"
                            + index.getString("ASC_OR_DESC") + ":" + index.getBoolean("NON_UNIQUE"));
                }
                assertEquals(List.of("sqlite_autoindex_child_1:a:A:false", "sqlite_autoindex_child_1:b:A:false",
                        "child_b:b:D:true"), names);
            }
            assertEquals(List.of("NULL", "INTEGER", "REAL", "TEXT", "BLOB").size(), column(meta.getTypeInfo(), "TYPE_NAME").size());
            assertFalse(meta.getSchemas().next());
            assertFalse(meta.getCatalogs().next());
            assertFalse(meta.getProcedures(null, null, "%").next());
            assertEquals("PROCEDURE_NAME", meta.getProcedures(null, null, "%").getMetaData().getColumnName(3));
        }
    }

    private static List<String> tables(ResultSet rs) throws SQLException {
        List<String> names = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
            }
        }
        names.sort(null);
        return names;
    }

    private static List<String> column(ResultSet rs, String label) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getString(label));
            }
        }
        return values;
    }
}
