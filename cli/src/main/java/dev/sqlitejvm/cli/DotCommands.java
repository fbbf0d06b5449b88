package dev.sqlitejvm.cli;

import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The dot-commands: each parses its arguments and acts on the shell's database and settings. */
final class DotCommands {
    /** What a dot-command asks of the shell afterwards. */
    enum Outcome { CONTINUE, FAILED, QUIT }

    static final String HELP = String.join("\n",
            ".backup ?DB? FILE      Copy database DB (default \"main\") to FILE",
            ".dump ?TABLE?          Render the database (or matching tables) as SQL",
            ".exit ?CODE?           Leave the shell with return code CODE",
            ".headers on|off        Turn display of headers on or off",
            ".help                  Show this message",
            ".import FILE TABLE     Import CSV data from FILE into TABLE (options: --csv --skip N --schema S)",
            ".mode MODE             Set output mode: list csv json table box line",
            ".quit                  Leave the shell",
            ".read FILE             Read input from FILE",
            ".schema ?PATTERN?      Show the CREATE statements matching PATTERN",
            ".tables ?PATTERN?      List names of tables and views matching a LIKE pattern",
            ".timer on|off          Turn the SQL timer on or off",
            "");

    private final Shell shell;
    private int exitCode;

    DotCommands(Shell shell) {
        this.shell = shell;
    }

    /** The code {@code .exit CODE} asked for. */
    int exitCode() {
        return exitCode;
    }

    Outcome run(String line) throws IOException {
        List<String> args = split(line.substring(1));
        if (args.isEmpty()) {
            return unknown(line);
        }
        String name = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            switch (name) {
                case "quit":
                    return Outcome.QUIT;
                case "exit":
                    exitCode = rest.isEmpty() ? 0 : Integer.parseInt(rest.get(0));
                    return Outcome.QUIT;
                case "help":
                    shell.out().print(HELP);
                    return Outcome.CONTINUE;
                case "tables":
                    return tables(rest);
                case "schema":
                    return schema(rest);
                case "mode":
                    return mode(rest);
                case "headers":
                case "header":
                    return toggle(rest, ".headers on|off", on -> shell.printer().headers(on));
                case "timer":
                    return toggle(rest, ".timer on|off", shell::timer);
                case "dump":
                    new Dump(shell.db(), shell.out(), shell.printer()).run(rest);
                    return Outcome.CONTINUE;
                case "backup":
                case "save":
                    return backup(rest);
                case "import":
                    return importFile(rest);
                case "read":
                    return read(rest);
                default:
                    return unknown(name);
            }
        } catch (SqliteException e) {
            shell.err().println("Error: " + e.getMessage());
            return Outcome.FAILED;
        } catch (NumberFormatException e) {
            shell.err().println("Error: not a number: " + e.getMessage());
            return Outcome.FAILED;
        }
    }

    private Outcome unknown(String name) {
        shell.err().println("Error: unknown command or invalid arguments:  \"" + name + "\". Enter \".help\" for help");
        return Outcome.FAILED;
    }

    private Outcome usage(String text) {
        shell.err().println("Usage: " + text);
        return Outcome.FAILED;
    }

    private Outcome tables(List<String> args) throws SqliteException {
        List<String> names = new ArrayList<>();
        try (Statement query = shell.db().prepare("SELECT name FROM sqlite_schema WHERE type IN ('table','view') "
                + "AND name NOT LIKE 'sqlite_%' AND name LIKE ?1 ORDER BY 1")) {
            query.bindText(1, args.isEmpty() ? "%" : args.get(0));
            while (query.step()) {
                names.add(query.columnText(0));
            }
        }
        if (names.isEmpty()) {
            return Outcome.CONTINUE;
        }
        // column-major, as many columns of (longest + 2) as fit in 80 characters
        int longest = 0;
        for (String table : names) {
            longest = Math.max(longest, ResultPrinter.width(table));
        }
        int columns = Math.max(1, 80 / (longest + 2));
        int rows = (names.size() + columns - 1) / columns;
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            for (int i = row; i < names.size(); i += rows) {
                text.append(i < rows ? "" : "  ").append(ResultPrinter.pad(names.get(i), longest, false));
            }
            text.append('\n');
        }
        shell.out().print(text);
        return Outcome.CONTINUE;
    }

    private Outcome schema(List<String> args) throws SqliteException {
        try (Statement query = shell.db().prepare("SELECT sql, type, name FROM sqlite_schema WHERE sql NOT NULL "
                + "AND name LIKE ?1 ORDER BY rowid")) {
            query.bindText(1, args.isEmpty() ? "%" : args.get(0));
            while (query.step()) {
                String sql = Dump.createTable(query.columnText(0));
                if ("view".equals(query.columnText(1))) {
                    sql += "\n/* " + viewColumns(query.columnText(2)) + " */";
                }
                shell.out().print(sql + ";\n");
            }
        }
        return Outcome.CONTINUE;
    }

    /** A view's name and columns, {@code v(a,b)}, as sqlite3 notes them under the view's SQL. */
    private String viewColumns(String view) throws SqliteException {
        StringBuilder text = new StringBuilder(Sql.identifierIfNeeded(view)).append('(');
        try (Statement columns = shell.db().prepare("SELECT * FROM " + Sql.identifier(view) + " LIMIT 0")) {
            for (int i = 0; i < columns.columnCount(); i++) {
                text.append(i > 0 ? "," : "").append(Sql.identifierIfNeeded(columns.columnName(i)));
            }
        }
        return text.append(')').toString();
    }

    private Outcome mode(List<String> args) {
        if (args.isEmpty()) {
            shell.out().print("current output mode: " + shell.printer().mode().describe() + "\n");
            return Outcome.CONTINUE;
        }
        OutputMode mode = OutputMode.named(args.get(0));
        if (mode == null) {
            shell.err().println("Error: mode should be one of: box csv json line list table");
            return Outcome.FAILED;
        }
        shell.printer().mode(mode);
        return Outcome.CONTINUE;
    }

    private Outcome toggle(List<String> args, String usage, java.util.function.Consumer<Boolean> setter) {
        Boolean on = args.size() == 1 ? bool(args.get(0)) : null;
        if (on == null) {
            return usage(usage);
        }
        setter.accept(on);
        return Outcome.CONTINUE;
    }

    static Boolean bool(String word) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "on": case "yes": case "true": case "1":
                return Boolean.TRUE;
            case "off": case "no": case "false": case "0":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    private Outcome backup(List<String> args) throws SqliteException {
        if (args.isEmpty() || args.size() > 2) {
            return usage(".backup ?DB? FILENAME");
        }
        String schema = args.size() == 2 ? args.get(0) : "main";
        shell.db().backup(schema, args.get(args.size() - 1), null);
        return Outcome.CONTINUE;
    }

    private Outcome importFile(List<String> args) throws SqliteException, IOException {
        boolean csv = shell.printer().mode() == OutputMode.CSV;
        int skip = 0;
        String schema = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ("--csv".equals(arg)) {
                csv = true;
            } else if ("--skip".equals(arg) && i + 1 < args.size()) {
                skip = Integer.parseInt(args.get(++i));
            } else if ("--schema".equals(arg) && i + 1 < args.size()) {
                schema = args.get(++i);
            } else if (arg.startsWith("-")) {
                shell.err().println("Error: unknown option: " + arg);
                return Outcome.FAILED;
            } else {
                names.add(arg);
            }
        }
        if (names.size() != 2) {
            return usage(".import [--csv] [--skip N] [--schema S] FILE TABLE");
        }
        boolean ok = new CsvImport(shell.db(), shell.err())
                .run(Path.of(names.get(0)), schema, names.get(1), csv ? ',' : '|', skip);
        return ok ? Outcome.CONTINUE : Outcome.FAILED;
    }

    private Outcome read(List<String> args) throws IOException {
        if (args.size() != 1) {
            return usage(".read FILE");
        }
        try (BufferedReader reader = Files.newBufferedReader(Path.of(args.get(0)), StandardCharsets.UTF_8)) {
            return shell.runInput(new StatementReader(reader), Shell.Source.FILE);
        } catch (NoSuchFileException e) {
            shell.err().println("Error: cannot open \"" + args.get(0) + "\"");
            return Outcome.FAILED;
        }
    }

    /** Splits a dot-command's arguments at spaces, honouring single and double quotes. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            StringBuilder word = new StringBuilder();
            if (c == '"' || c == '\'') {
                i++;
                while (i < text.length() && text.charAt(i) != c) {
                    word.append(text.charAt(i++));
                }
                i++;
            } else {
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    word.append(text.charAt(i++));
                }
            }
            words.add(word.toString());
        }
        return words;
    }

    /** SQL LIKE: case-insensitive, % for any run and _ for any one character. */
    static boolean like(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(text).matches();
    }
}
