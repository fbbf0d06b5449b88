package dev.sqlitejvm.cli;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .dump [TABLE...]}: the database as SQL text that rebuilds it, laid out as sqlite3 lays it out:
 * tables with their rows first, then indexes, triggers and views, all in one transaction.
 */
final class Dump {
    private final Database db;
    private final PrintStream out;
    private final ResultPrinter printer;

    Dump(Database db, PrintStream out, ResultPrinter printer) {
        this.db = db;
        this.out = out;
        this.printer = printer;
    }

    void run(List<String> patterns) throws SqliteException {
        out.print("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
        List<String[]> others = new ArrayList<>();
        boolean sequence = false;
        try (Statement schema = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql NOT NULL ORDER BY rowid")) {
            List<String[]> tables = new ArrayList<>();
            while (schema.step()) {
                String[] entry = {schema.columnText(0), schema.columnText(1), schema.columnText(2)};
                if (!patterns.isEmpty() && !matches(entry[1], patterns) && !"table".equals(entry[0])) {
                    continue;
                }
                if ("table".equals(entry[0])) {
                    tables.add(entry);
                } else {
                    others.add(entry);
                }
            }
            schema.close();
            for (String[] table : tables) {
                if (!patterns.isEmpty() && !matches(table[1], patterns)) {
                    continue;
                }
                if ("sqlite_sequence".equals(table[1])) {
                    sequence = true;
                    continue;
                }
                if (table[1].startsWith("sqlite_")) {
                    continue;
                }
                out.print(createTable(table[2]) + ";\n");
                if (table[2].regionMatches(true, 0, "CREATE VIRTUAL TABLE", 0, 20)) {
                    continue;
                }
                rows(table[1]);
            }
        }
        if (sequence) {
            out.print("DELETE FROM sqlite_sequence;\n");
            rows("sqlite_sequence");
        }
        for (String[] other : others) {
            if (!patterns.isEmpty() && !matches(other[1], patterns)) {
                continue;
            }
            out.print(other[2] + ";\n");
        }
        out.print("COMMIT;\n");
    }

    /** sqlite3 writes a table whose name is quoted as CREATE TABLE IF NOT EXISTS. */
    static String createTable(String sql) {
        return sql.regionMatches(true, 0, "CREATE TABLE \"", 0, 14) ? "CREATE TABLE IF NOT EXISTS " + sql.substring(13) : sql;
    }

    private static boolean matches(String name, List<String> patterns) {
        for (String pattern : patterns) {
            if (DotCommands.like(pattern, name)) {
                return true;
            }
        }
        return false;
    }

    private void rows(String table) throws SqliteException {
        String prefix = "INSERT INTO " + Sql.identifierIfNeeded(table) + " VALUES(";
        StringBuilder line = new StringBuilder();
        try (Statement select = db.prepare("SELECT * FROM " + Sql.identifier(table))) {
            while (select.step()) {
                line.setLength(0);
                line.append(prefix);
                for (int i = 0; i < select.columnCount(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    switch (select.columnType(i)) {
                        case NULL:
                            line.append("NULL");
                            break;
                        case INTEGER:
                            line.append(select.columnLong(i));
                            break;
                        case FLOAT:
                            line.append(printer.realText(select.columnDouble(i)));
                            break;
                        case BLOB:
                            line.append("X'");
                            for (byte b : select.columnBlob(i)) {
                                line.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
                            }
                            line.append('\'');
                            break;
                        default:
                            line.append(text(select.columnText(i)));
                    }
                }
                out.print(line.append(");\n"));
            }
        }
    }

    /** A string literal; line breaks become replace(...) calls so each row stays on one line. */
    static String text(String value) {
        boolean lf = value.indexOf('\n') >= 0;
        boolean cr = value.indexOf('\r') >= 0;
        if (!lf && !cr) {
            return Sql.literal(value);
        }
        String lfToken = lf ? token(value, "n") : null;
        String crToken = cr ? token(value, "r") : null;
        String body = value;
        if (cr) {
            body = body.replace("\r", crToken);
        }
        if (lf) {
            body = body.replace("\n", lfToken);
        }
        String result = Sql.literal(body);
        if (cr) {
            result = "replace(" + result + "," + Sql.literal(crToken) + ",char(13))";
        }
        if (lf) {
            result = "replace(" + result + "," + Sql.literal(lfToken) + ",char(10))";
        }
        return result;
    }

    /** A marker that does not occur in {@code value}: backslash-letter, with more backslashes if needed. */
    private static String token(String value, String letter) {
        String token = "\\" + letter;
        while (value.contains(token)) {
            token = "\\" + token;
        }
        return token;
    }
}
