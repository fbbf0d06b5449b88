package dev.sqlitejvm.cli;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The in-memory demo database the shell opens when given no file, built from the {@code demo.sql} resource. */
final class Demo {
    private Demo() {
    }

    static Database open() throws SqliteException {
        String script;
        try (InputStream demo = Demo.class.getResourceAsStream("demo.sql")) {
            if (demo == null) {
                throw new IllegalStateException("resource dev/sqlitejvm/cli/demo.sql is missing");
            }
            script = new String(demo.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Database db = Database.open(":memory:");
        try {
            db.exec(script);
            return db;
        } catch (SqliteException e) {
            db.close();
            throw e;
        }
    }
}
