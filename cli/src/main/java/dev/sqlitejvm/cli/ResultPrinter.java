package dev.sqlitejvm.cli;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import dev.sqlitejvm.runtime.ValueType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the rows of one statement in the current {@link OutputMode}, byte for byte as Debian's
 * sqlite3 3.40 prints them for the same values.
 */
final class ResultPrinter {
    /** Cells wider than this wrap onto more lines in table and box modes (sqlite3's default). */
    static final int WRAP = 60;

    private final Database db;
    private final PrintStream out;
    private OutputMode mode = OutputMode.LIST;
    private boolean headers;

    ResultPrinter(Database db, PrintStream out) {
        this.db = db;
        this.out = out;
    }

    OutputMode mode() {
        return mode;
    }

    void mode(OutputMode mode) {
        this.mode = mode;
    }

    boolean headers() {
        return headers;
    }

    void headers(boolean on) {
        headers = on;
    }

    /** Steps {@code statement} to the end, printing every row. */
    void print(Statement statement) throws SqliteException {
        switch (mode) {
            case TABLE:
            case BOX:
                printTable(statement, mode == OutputMode.BOX ? BOX : TABLE);
                return;
            case JSON:
                printJson(statement);
                return;
            case LINE:
                printLines(statement);
                return;
            default:
                printDelimited(statement, mode == OutputMode.CSV);
        }
    }

    // ---- list and csv ----

    private void printDelimited(Statement statement, boolean csv) throws SqliteException {
        String separator = csv ? "," : "|";
        String rowEnd = csv ? "\r\n" : "\n";
        boolean first = true;
        StringBuilder line = new StringBuilder();
        while (statement.step()) {
            int columns = statement.columnCount();
            if (first && headers) {
                line.setLength(0);
                for (int i = 0; i < columns; i++) {
                    appendField(line, i > 0 ? separator : "", statement.columnName(i), csv);
                }
                out.print(line.append(rowEnd));
            }
            first = false;
            line.setLength(0);
            for (int i = 0; i < columns; i++) {
                String value = statement.columnText(i);
                if (value == null) {
                    line.append(i > 0 ? separator : "");
                } else {
                    appendField(line, i > 0 ? separator : "", value, csv);
                }
            }
            out.print(line.append(rowEnd));
        }
    }

    private static void appendField(StringBuilder line, String separator, String value, boolean csv) {
        line.append(separator);
        if (csv && needsCsvQuotes(value)) {
            line.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            line.append(value);
        }
    }

    /** sqlite3 quotes empty fields and any holding a space, control character, quote, comma or non-ASCII. */
    static boolean needsCsvQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '\'' || c == ',' || c >= 0x7f) {
                return true;
            }
        }
        return false;
    }

    // ---- json ----

    private void printJson(Statement statement) throws SqliteException {
        boolean first = true;
        StringBuilder row = new StringBuilder();
        while (statement.step()) {
            row.setLength(0);
            row.append(first ? "[{" : ",\n{");
            first = false;
            for (int i = 0; i < statement.columnCount(); i++) {
                if (i > 0) {
                    row.append(',');
                }
                jsonString(row, statement.columnName(i)).append(':');
                ValueType type = statement.columnType(i);
                switch (type) {
                    case NULL:
                        row.append("null");
                        break;
                    case INTEGER:
                        row.append(statement.columnLong(i));
                        break;
                    case FLOAT:
                        row.append(realText(statement.columnDouble(i)));
                        break;
                    case BLOB:
                        jsonString(row, new String(statement.columnBlob(i), StandardCharsets.ISO_8859_1));
                        break;
                    default:
                        jsonString(row, statement.columnText(i));
                }
            }
            row.append('}');
            out.print(row);
        }
        if (!first) {
            out.print("]\n");
        }
    }

    static StringBuilder jsonString(StringBuilder target, String value) {
        target.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': target.append("\\\""); break;
                case '\\': target.append("\\\\"); break;
                case '\b': target.append("\\b"); break;
                case '\f': target.append("\\f"); break;
                case '\n': target.append("\\n"); break;
                case '\r': target.append("\\r"); break;
                case '\t': target.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        target.append(String.format("\\u%04x", (int) c));
                    } else {
                        target.append(c);
                    }
            }
        }
        return target.append('"');
    }

    /** A REAL with 20 significant digits, as sqlite3's JSON and dump output write it (SQLite's own printf). */
    String realText(double value) throws SqliteException {
        if (Double.isInfinite(value)) {
            return value > 0 ? "1e999" : "-1e999";
        }
        try (Statement format = db.prepare("select printf('%!.20g', ?)")) {
            format.bindDouble(1, value);
            format.step();
            return format.columnText(0);
        }
    }

    // ---- line ----

    private void printLines(Statement statement) throws SqliteException {
        boolean first = true;
        while (statement.step()) {
            int columns = statement.columnCount();
            int width = 5;
            for (int i = 0; i < columns; i++) {
                width = Math.max(width, statement.columnName(i).length());
            }
            if (!first) {
                out.print("\n");
            }
            first = false;
            for (int i = 0; i < columns; i++) {
                String value = statement.columnText(i);
                out.print(pad(statement.columnName(i), width, false) + " = " + (value == null ? "" : value) + "\n");
            }
        }
    }

    // ---- table and box ----

    /** The characters that draw a grid: corners and tees per row kind, then the rules. */
    private static final class Frame {
        final String[] top; // left, middle, right, horizontal
        final String[] middle;
        final String[] bottom;
        final String vertical;

        Frame(String top, String middle, String bottom, String vertical) {
            this.top = top.split("");
            this.middle = middle.split("");
            this.bottom = bottom.split("");
            this.vertical = vertical;
        }
    }

    private static final Frame TABLE = new Frame("+++-", "+++-", "+++-", "|");
    private static final Frame BOX = new Frame("┌┬┐─", "├┼┤─", "└┴┘─", "│");

    private void printTable(Statement statement, Frame frame) throws SqliteException {
        int columns = statement.columnCount();
        List<List<String>[]> rows = new ArrayList<>();
        while (statement.step()) {
            @SuppressWarnings("unchecked")
            List<String>[] row = new List[columns];
            for (int i = 0; i < columns; i++) {
                String value = statement.columnText(i);
                row[i] = wrap(value == null ? "" : value);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return;
        }
        int[] widths = new int[columns];
        String[] names = new String[columns];
        boolean multiLine = false;
        for (int i = 0; i < columns; i++) {
            names[i] = statement.columnName(i);
            widths[i] = width(names[i]);
        }
        for (List<String>[] row : rows) {
            for (int i = 0; i < columns; i++) {
                multiLine |= row[i].size() > 1;
                for (String part : row[i]) {
                    widths[i] = Math.max(widths[i], width(part));
                }
            }
        }
        StringBuilder text = new StringBuilder();
        rule(text, frame.top, widths);
        text.append(frame.vertical);
        for (int i = 0; i < columns; i++) {
            int space = widths[i] - width(names[i]);
            text.append(' ').append(" ".repeat(space / 2)).append(names[i])
                    .append(" ".repeat(space - space / 2)).append(' ').append(frame.vertical);
        }
        text.append('\n');
        rule(text, frame.middle, widths);
        for (int r = 0; r < rows.size(); r++) {
            List<String>[] row = rows.get(r);
            int height = 1;
            for (List<String> cell : row) {
                height = Math.max(height, cell.size());
            }
            for (int line = 0; line < height; line++) {
                text.append(frame.vertical);
                for (int i = 0; i < columns; i++) {
                    String part = line < row[i].size() ? row[i].get(line) : "";
                    text.append(' ').append(pad(part, widths[i], false)).append(' ').append(frame.vertical);
                }
                text.append('\n');
            }
            if (multiLine && r < rows.size() - 1) {
                rule(text, frame.middle, widths);
            }
        }
        rule(text, frame.bottom, widths);
        out.print(text);
    }

    private static void rule(StringBuilder text, String[] corners, int[] widths) {
        text.append(corners[0]);
        for (int i = 0; i < widths.length; i++) {
            text.append(corners[3].repeat(widths[i] + 2)).append(i < widths.length - 1 ? corners[1] : corners[2]);
        }
        text.append('\n');
    }

    /** Splits a cell at line breaks (a final one ends the text) and every {@link #WRAP} characters; tabs become spaces. */
    private static List<String> wrap(String value) {
        List<String> lines = new ArrayList<>();
        String[] parts = value.split("\r?\n", -1);
        int count = parts.length > 1 && parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length;
        for (int p = 0; p < count; p++) {
            int[] codePoints = expandTabs(parts[p]).codePoints().toArray();
            int start = 0;
            do {
                int end = Math.min(codePoints.length, start + WRAP);
                lines.add(new String(codePoints, start, end - start));
                start = end;
            } while (start < codePoints.length);
        }
        return lines;
    }

    private static String expandTabs(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        StringBuilder expanded = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                do {
                    expanded.append(' ');
                } while (expanded.length() % 8 != 0);
            } else {
                expanded.append(c);
            }
        }
        return expanded.toString();
    }

    static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    static String pad(String text, int width, boolean right) {
        int space = Math.max(0, width - width(text));
        return right ? " ".repeat(space) + text : text + " ".repeat(space);
    }
}
