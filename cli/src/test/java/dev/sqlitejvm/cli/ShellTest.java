package dev.sqlitejvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) throws Exception {
        out.reset();
        err.reset();
        return Shell.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoDatabaseAnswersFromStdin() throws Exception {
        assertEquals(0, run(".tables\nselect version from releases\n where note like '%window%';\n"));
        assertEquals("features  releases\n3.25.0\n", out());
    }

    @Test
    void sqlFromArgumentsOnAFile(@TempDir Path dir) throws Exception {
        String db = dir.resolve("x.db").toString();
        assertEquals(0, run("", db, "create table t(a, b); insert into t values (1, 'x'), (2, null);"));
        assertEquals(0, run("", db, "select * from t order by a"));
        assertEquals("1|x\n2|\n", out());
    }

    @Test
    void errorInBatchModeIsReportedLikeSqlite3AndExitsNonZero() throws Exception {
        assertEquals(1, run("select 1;\nselec 2;\nselect 3;\n"));
        assertEquals("1\n3\n", out(), "sqlite3 carries on after an error unless -bail");
        assertEquals("Parse error near line 2: near \"selec\": syntax error\n", err());
        assertEquals(1, run("select 1;\nselec 2;\nselect 3;\n", "-bail"));
        assertEquals("1\n", out());
        assertEquals(1, run("", ":memory:", "create table u(x unique)", "insert into u values (1), (1)", "select 9"));
        assertEquals("Error: stepping, UNIQUE constraint failed: u.x (19)\n", err());
        assertEquals("", out(), "stops at the first failing argument");
        assertEquals(1, run(".bogus\n"));
        assertEquals("Error: unknown command or invalid arguments:  \"bogus\". Enter \".help\" for help\n", err());
    }

    @Test
    void modesAndHeaders() throws Exception {
        String sql = "select 1 as n, 'a b' as s, null as z union all select 22, 'x', 1.5";
        assertEquals(0, run("", "-header", "-csv", ":memory:", sql));
        assertEquals("n,s,z\r\n1,\"a b\",\r\n22,x,1.5\r\n", out());
        assertEquals(0, run("", "-json", ":memory:", sql));
        assertEquals("[{\"n\":1,\"s\":\"a b\",\"z\":null},\n{\"n\":22,\"s\":\"x\",\"z\":1.5}]\n", out());
        assertEquals(0, run("", ":memory:", ".mode box", sql));
        assertEquals("┌────┬─────┬─────┐\n│ n  │  s  │  z  │\n├────┼─────┼─────┤\n│ 1  │ a b │     │\n"
                + "│ 22 │ x   │ 1.5 │\n└────┴─────┴─────┘\n", out());
        assertEquals(0, run("", ":memory:", ".mode table", ".mode"));
        assertEquals("current output mode: table --wrap 60 --wordwrap off --noquote\n", out());
    }

    @Test
    void statementsSpanLinesAndTriggersEndAtEnd() {
        assertFalse(StatementReader.isComplete("select 'a;b"));
        assertTrue(StatementReader.isComplete("select 'a;b'; -- done"));
        assertFalse(StatementReader.isComplete("select 1 /* ; */"));
        assertFalse(StatementReader.isComplete("create trigger t after insert on x begin select 1;"));
        assertTrue(StatementReader.isComplete("create temp trigger t after insert on x begin select 1; end;"));
        assertTrue(StatementReader.isComplete("select \"a;\" ;"));
    }

    @Test
    void importDumpBackupReadAndTimer(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "name,age\nAda,36\n\"Lovelace, A.\",\"3\"\"6\"\nBob\nCy,1,extra\n");
        String db = dir.resolve("p.db").toString();
        assertEquals(0, run("", db, ".import --csv " + csv + " people", "select count(*), max(name) from people"));
        assertEquals("4|Lovelace, A.\n", out());
        assertTrue(err().contains("people.csv:4: expected 2 columns but found 1 - filling the rest with NULL"), err());
        assertTrue(err().contains("people.csv:5: expected 2 columns but found 3 - extras ignored"), err());

        assertEquals(0, run("", db, ".dump"));
        assertEquals("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE people(\n\"name\" TEXT, \"age\" TEXT);\n"
                .replace("CREATE TABLE people", "CREATE TABLE IF NOT EXISTS \"people\"")
                + "INSERT INTO people VALUES('Ada','36');\nINSERT INTO people VALUES('Lovelace, A.','3\"6');\n"
                + "INSERT INTO people VALUES('Bob',NULL);\nINSERT INTO people VALUES('Cy','1');\nCOMMIT;\n", out());

        String copy = dir.resolve("copy.db").toString();
        assertEquals(0, run("", db, ".backup " + copy));
        assertEquals(0, run("", copy, "select group_concat(name, '/') from people"));
        assertEquals("Ada/Lovelace, A./Bob/Cy\n", out());

        Path script = dir.resolve("script.sql");
        Files.writeString(script, "create table s(x);\ninsert into s\n values (7);\n.mode csv\nselect x, 'y z' from s;\n");
        assertEquals(0, run(".read " + script + "\n.timer on\nselect 1;\n", copy));
        assertTrue(out().startsWith("7,\"y z\"\r\n1\r\nRun Time: real "), out());
    }
}
