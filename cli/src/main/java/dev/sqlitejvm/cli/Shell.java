package dev.sqlitejvm.cli;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A small shell in the manner of {@code sqlite3}: {@code Shell [DATABASE] [SQL...]}. With no
 * database it opens an in-memory demo database. SQL given as arguments runs and the shell exits;
 * otherwise statements are read from standard input (a prompt when it is a terminal). Rows print
 * in sqlite3's list mode. An error in batch mode exits with status 1.
 */
public final class Shell {
    private final Database db;
    private final PrintStream out;
    private final PrintStream err;

    Shell(Database db, PrintStream out, PrintStream err) {
        this.db = db;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        try (Database db = args.length == 0 ? openDemo() : Database.open(args[0])) {
            Shell shell = new Shell(db, out, err);
            if (args.length > 1) {
                return shell.execute(String.join(" ", java.util.Arrays.copyOfRange(args, 1, args.length))) ? 0 : 1;
            }
            boolean interactive = System.console() != null && in == System.in;
            if (interactive) {
                out.println("sqlite-jvm shell, SQLite " + db.libVersion()
                        + (args.length == 0 ? " (demo database: try .tables)" : "") + "; .quit to leave");
            }
            return shell.repl(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), interactive);
        } catch (SqliteException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    private static Database openDemo() throws SqliteException, IOException {
        Database db = Database.open(":memory:");
        try (InputStream demo = Shell.class.getResourceAsStream("demo.sql")) {
            db.exec(new String(demo.readAllBytes(), StandardCharsets.UTF_8));
        }
        return db;
    }

    private int repl(BufferedReader reader, boolean interactive) throws IOException {
        StringBuilder pending = new StringBuilder();
        boolean failed = false;
        while (true) {
            if (interactive) {
                out.print(pending.length() == 0 ? "sqlite> " : "   ...> ");
                out.flush();
            }
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            if (pending.length() == 0 && line.trim().startsWith(".")) {
                if (!dotCommand(line.trim())) {
                    break;
                }
                continue;
            }
            pending.append(line).append('\n');
            if (line.trim().endsWith(";")) {
                boolean ok = execute(pending.toString());
                pending.setLength(0);
                if (!ok && !interactive) {
                    failed = true;
                    break;
                }
            }
        }
        if (pending.toString().trim().length() > 0) {
            failed |= !execute(pending.toString());
        }
        return failed ? 1 : 0;
    }

    /** Runs a dot-command; false means quit. */
    private boolean dotCommand(String command) {
        String name = command.split("\\s+")[0];
        switch (name) {
            case ".quit":
            case ".exit":
                return false;
            case ".tables":
                execute("select name from sqlite_schema where type in ('table', 'view') "
                        + "and name not like 'sqlite_%' order by name");
                return true;
            case ".schema":
                execute("select sql || ';' from sqlite_schema where sql is not null order by name");
                return true;
            default:
                err.println("Error: unknown command: " + name + " (known: .tables .schema .quit)");
                return true;
        }
    }

    /** Runs every statement of {@code sql}, printing rows; false if one failed. */
    boolean execute(String sql) {
        try {
            Statement statement = db.prepare(sql);
            while (statement != null) {
                try (Statement current = statement) {
                    printRows(current);
                    statement = current.prepareNext();
                }
            }
            return true;
        } catch (SqliteException e) {
            err.println("Error: " + e.getMessage());
            return false;
        }
    }

    private void printRows(Statement statement) throws SqliteException {
        StringBuilder row = new StringBuilder();
        while (statement.step()) {
            row.setLength(0);
            for (int i = 0; i < statement.columnCount(); i++) {
                if (i > 0) {
                    row.append('|');
                }
                String value = statement.columnText(i);
                row.append(value == null ? "" : value);
            }
            out.println(row);
        }
    }
}
