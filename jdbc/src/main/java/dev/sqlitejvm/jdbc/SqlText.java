package dev.sqlitejvm.jdbc;

import java.util.Locale;

/** Small facts about SQL text that the driver needs without parsing it. */
final class SqlText {
    private SqlText() {
    }

    /** The first keyword, upper-case, after white space and comments; "" if none. */
    static String firstKeyword(String sql) {
        int i = skipSpaceAndComments(sql, 0);
        int start = i;
        while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
    }

    static int skipSpaceAndComments(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** Whether the statement is an INSERT or REPLACE (the ones that set last_insert_rowid). */
    static boolean isInsert(String sql) {
        String keyword = firstKeyword(sql);
        return keyword.equals("INSERT") || keyword.equals("REPLACE")
                || keyword.equals("WITH") && sql.toUpperCase(Locale.ROOT).contains("INSERT");
    }

    /**
     * {@code INSERT ... RETURNING "a", "b"} for an INSERT that names the key columns it wants
     * back and has no RETURNING clause of its own; other SQL unchanged.
     */
    static String withReturning(String sql, String[] columns) {
        if (columns == null || columns.length == 0 || !isInsert(sql)
                || sql.toUpperCase(Locale.ROOT).matches("(?s).*\\bRETURNING\\b.*")) {
            return sql;
        }
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        StringBuilder out = new StringBuilder(trimmed).append(" RETURNING ");
        for (int i = 0; i < columns.length; i++) {
            out.append(i == 0 ? "" : ", ").append('"').append(columns[i].replace("\"", "\"\"")).append('"');
        }
        return out.toString();
    }
}
