package dev.sqlitejvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) throws Exception {
        return Shell.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoDatabaseAnswersFromStdin() throws Exception {
        assertEquals(0, run(".tables\nselect version from releases\n where note like '%window%';\n"));
        assertEquals("features\nreleases\n3.25.0\n", out());
    }

    @Test
    void sqlFromArgumentsOnAFile(@TempDir Path dir) throws Exception {
        String db = dir.resolve("x.db").toString();
        assertEquals(0, run("", db, "create table t(a, b); insert into t values (1, 'x'), (2, null);"));
        assertEquals(0, run("", db, "select * from t order by a"));
        assertEquals("1|x\n2|\n", out());
    }

    @Test
    void errorInBatchModeExitsNonZero() throws Exception {
        assertEquals(1, run("select 1;\nselec 2;\nselect 3;\n"));
        assertEquals("1\n", out(), "stops at the first error");
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Error: near \"selec\": syntax error"));
    }
}
