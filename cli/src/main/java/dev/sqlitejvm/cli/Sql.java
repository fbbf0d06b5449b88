package dev.sqlitejvm.cli;

import java.util.regex.Pattern;

/** Quoting helpers for SQL text the shell writes. */
final class Sql {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Sql() {
    }

    /** {@code name} in double quotes, inner quotes doubled. */
    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code name} as is when it is a plain identifier, otherwise quoted, like sqlite3's .dump does. */
    static String identifierIfNeeded(String name) {
        return PLAIN.matcher(name).matches() && !Keywords.is(name) ? name : identifier(name);
    }

    /** {@code text} as a string literal. */
    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /** The few keywords a table name must be quoted for in generated INSERTs. */
    private static final class Keywords {
        private static final java.util.Set<String> WORDS = java.util.Set.of("SELECT", "TABLE", "INDEX", "FROM",
                "WHERE", "ORDER", "GROUP", "VALUES", "INSERT", "INTO", "CREATE", "DELETE", "UPDATE", "DROP", "AND",
                "OR", "NOT", "NULL", "DEFAULT", "CHECK", "PRIMARY", "UNIQUE", "REFERENCES", "TRANSACTION", "BEGIN",
                "COMMIT", "END", "AS", "ON", "BY", "IN", "IS", "JOIN", "LIMIT", "UNION", "VIEW", "TRIGGER");

        static boolean is(String word) {
            return WORDS.contains(word.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
