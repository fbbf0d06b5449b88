package dev.sqlitejvm.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names of a table's foreign keys, from its CREATE TABLE text: SQLite keeps no name in
 * {@code pragma foreign_key_list}, but tools that rebuild tables (Liquibase) need FK_NAME.
 *
 * <p>A {@code CONSTRAINT name} belongs to a foreign key only when {@code FOREIGN KEY} (table
 * constraint) or {@code REFERENCES} (column constraint) follows it directly; every
 * {@code REFERENCES} starts one foreign key, in declaration order.
 */
final class ForeignKeyNames {

    private ForeignKeyNames() {
    }

    /** One entry per foreign key in declaration order: its name, or {@code null} if unnamed. */
    static List<String> inDeclarationOrder(String createTableSql) {
        List<String> names = new ArrayList<>();
        if (createTableSql == null) {
            return names;
        }
        List<String> tokens = tokens(createTableSql);
        String pending = null;
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).toUpperCase(Locale.ROOT);
            if (word.equals("CONSTRAINT") && i + 2 < tokens.size()) {
                String next = tokens.get(i + 2).toUpperCase(Locale.ROOT);
                pending = next.equals("FOREIGN") || next.equals("REFERENCES") ? unquote(tokens.get(i + 1)) : null;
                i++;
            } else if (word.equals("REFERENCES")) {
                names.add(pending);
                pending = null;
            }
        }
        return names;
    }

    /**
     * The name for {@code pragma foreign_key_list}'s {@code id}: SQLite numbers foreign keys from
     * the last declared (id 0) to the first.
     */
    static String forPragmaId(List<String> names, int id) {
        int index = names.size() - 1 - id;
        return index >= 0 && index < names.size() ? names.get(index) : null;
    }

    /** Words, quoted names and punctuation; string literals and comments are skipped. */
    private static List<String> tokens(String sql) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = skipTo(sql, i, "\n");
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = skipTo(sql, i + 2, "*/");
            } else if (c == '\'') {
                i = endOfQuoted(sql, i, '\'');
            } else if (c == '"' || c == '`' || c == '[') {
                int end = endOfQuoted(sql, i, c == '[' ? ']' : c);
                tokens.add(sql.substring(i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(sql.substring(start, i));
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    private static int skipTo(String sql, int from, String end) {
        int at = sql.indexOf(end, from);
        return at < 0 ? sql.length() : at + end.length();
    }

    /** The index after a quoted token starting at {@code start}; a doubled quote stays inside. */
    private static int endOfQuoted(String sql, int start, char close) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == close) {
                if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static String unquote(String name) {
        char first = name.charAt(0);
        if (first == '"' || first == '`' || first == '\'') {
            String q = String.valueOf(first);
            return name.substring(1, name.length() - 1).replace(q + q, q);
        }
        if (first == '[') {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }
}
