package dev.sqlitejvm.jdbc;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * xerial's statements that are not SQL: {@code backup [schema] to <file>} and
 * {@code restore [schema] from <file>}, run through the online backup API.
 */
final class ExtendedCommand {
    private static final Pattern BACKUP = Pattern.compile(
            "\\s*backup\\s+(?:(\\w+|\"[^\"]+\"|'[^']+')\\s+)?to\\s+(.+?)\\s*;?\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RESTORE = Pattern.compile(
            "\\s*restore\\s+(?:(\\w+|\"[^\"]+\"|'[^']+')\\s+)?from\\s+(.+?)\\s*;?\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ExtendedCommand() {
    }

    /** Runs {@code sql} if it is a backup or restore command; false if it is ordinary SQL. */
    static boolean runIfOne(SqliteConnection connection, String sql) throws SQLException {
        String keyword = SqlText.firstKeyword(sql);
        if (!keyword.equals("BACKUP") && !keyword.equals("RESTORE")) {
            return false;
        }
        Matcher backup = BACKUP.matcher(sql);
        if (backup.matches()) {
            connection.extensions().backup(schema(backup.group(1)), unquote(backup.group(2)), null);
            return true;
        }
        Matcher restore = RESTORE.matcher(sql);
        if (restore.matches()) {
            connection.extensions().restore(schema(restore.group(1)), unquote(restore.group(2)), null);
            return true;
        }
        return false;
    }

    private static String schema(String name) {
        return name == null ? "main" : unquote(name);
    }

    private static String unquote(String text) {
        String value = text.trim();
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
