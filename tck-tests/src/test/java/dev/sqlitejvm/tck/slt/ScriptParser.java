package dev.sqlitejvm.tck.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a sqllogictest script into the records that apply to SQLite. Conditions ({@code skipif},
 * {@code onlyif}) are resolved here: a record meant for another engine is counted as skipped.
 */
final class ScriptParser {
    private static final String ENGINE = "sqlite";

    private final String[] lines;
    private int next;
    private int skipped;

    ScriptParser(String text) {
        this.lines = text.split("\r?\n", -1);
    }

    /** Records skipped because a condition excluded SQLite. */
    int skipped() {
        return skipped;
    }

    List<Record> parse() {
        List<Record> records = new ArrayList<>();
        boolean applies = true;
        while (next < lines.length) {
            String line = stripComment(lines[next]);
            int lineNumber = ++next;
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "skipif":
                    applies &= !words[1].equalsIgnoreCase(ENGINE);
                    continue;
                case "onlyif":
                    applies &= words[1].equalsIgnoreCase(ENGINE);
                    continue;
                case "hash-threshold":
                    records.add(new Record(Record.Kind.HASH_THRESHOLD, lineNumber, null, null, null, null,
                            Integer.parseInt(words[1])));
                    break;
                case "halt":
                    if (applies) {
                        return records;
                    }
                    break;
                case "statement": {
                    String sql = readSql();
                    if (applies) {
                        Record.Kind kind = words[1].equals("ok") ? Record.Kind.STATEMENT_OK : Record.Kind.STATEMENT_ERROR;
                        records.add(new Record(kind, lineNumber, sql, null, null, null, 0));
                    } else {
                        skipped++;
                    }
                    break;
                }
                case "query": {
                    String sql = readSql();
                    List<String> expected = readResults();
                    if (applies) {
                        Record.SortMode mode = words.length > 2
                                ? Record.SortMode.valueOf(words[2].toUpperCase(Locale.ROOT)) : Record.SortMode.NOSORT;
                        records.add(new Record(Record.Kind.QUERY, lineNumber, sql, words[1], mode, expected, 0));
                    } else {
                        skipped++;
                    }
                    break;
                }
                default:
                    throw new IllegalArgumentException("line " + lineNumber + ": unknown record '" + line + "'");
            }
            applies = true;
        }
        return records;
    }

    private static String stripComment(String line) {
        return line.startsWith("#") ? "" : line.trim();
    }

    /** SQL runs to a blank line or to the "----" that starts a query's results. */
    private String readSql() {
        StringBuilder sql = new StringBuilder();
        while (next < lines.length && !lines[next].trim().isEmpty() && !lines[next].equals("----")) {
            if (sql.length() > 0) {
                sql.append('\n');
            }
            sql.append(lines[next++]);
        }
        return sql.toString();
    }

    private List<String> readResults() {
        List<String> results = new ArrayList<>();
        if (next < lines.length && lines[next].equals("----")) {
            next++;
            while (next < lines.length && !lines[next].trim().isEmpty()) {
                results.add(lines[next++].trim());
            }
        }
        return results;
    }
}
