package dev.sqlitejvm.tck.slt;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import dev.sqlitejvm.runtime.ValueType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the records of one script against a fresh in-memory database, formatting values the way
 * sqllogictest's reference runner does, and collects every mismatch.
 */
final class ScriptRunner {
    private static final int MAX_REPORTED_FAILURES = 5;

    private final String file;
    private int hashThreshold;
    int run;
    int passed;
    /** Records that failed exactly as {@link CorpusDefects} says they must. */
    int defects;
    final List<String> failures = new ArrayList<>();

    ScriptRunner(String file) {
        this.file = file;
    }

    void run(List<Record> records) throws SqliteException {
        try (Database db = Database.open(":memory:")) {
            for (Record record : records) {
                if (record.kind == Record.Kind.HASH_THRESHOLD) {
                    hashThreshold = record.threshold;
                    continue;
                }
                run++;
                String failure = execute(db, record);
                if (failure == null) {
                    passed++;
                } else if (CorpusDefects.explains(file, record.line)) {
                    defects++;
                } else if (failures.size() < MAX_REPORTED_FAILURES) {
                    failures.add(file + ":" + record.line + ": " + failure + "\n    SQL: " + record.sql.replace("\n", "\n         "));
                } else {
                    failures.add(file + ":" + record.line);
                }
            }
        }
    }

    /** Runs one record; returns why it failed, or null. */
    private String execute(Database db, Record record) {
        switch (record.kind) {
            case STATEMENT_OK:
                try {
                    db.exec(record.sql);
                    return null;
                } catch (SqliteException e) {
                    return "statement failed: " + e.getMessage();
                }
            case STATEMENT_ERROR:
                try {
                    db.exec(record.sql);
                    return "statement succeeded but an error was expected";
                } catch (SqliteException e) {
                    return null;
                }
            default:
                return query(db, record);
        }
    }

    private String query(Database db, Record record) {
        List<String[]> rows = new ArrayList<>();
        try (Statement st = db.prepare(record.sql)) {
            int columns = st.columnCount();
            if (columns != record.types.length()) {
                return "expected " + record.types.length() + " columns, got " + columns;
            }
            while (st.step()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = format(st, i, record.types.charAt(i));
                }
                rows.add(row);
            }
        } catch (SqliteException e) {
            return "query failed: " + e.getMessage();
        }
        List<String> values = flatten(rows, record.sortMode);
        List<String> expected = record.expected;
        boolean expectHash = expected.size() == 1 && expected.get(0).contains(" values hashing to ");
        if (expectHash || (hashThreshold > 0 && values.size() > hashThreshold)) {
            String actual = values.size() + " values hashing to " + md5(values);
            return expectHash && expected.get(0).equals(actual) ? null
                    : "expected " + expected + "\n    actual   " + actual;
        }
        if (!matches(expected, values, record.types.length())) {
            return "expected " + expected + "\n    actual   " + values;
        }
        return null;
    }

    /** Results are one value per line; a few scripts put a whole row on a line instead. */
    private static boolean matches(List<String> expected, List<String> values, int columns) {
        if (expected.equals(values)) {
            return true;
        }
        if (columns > 1 && expected.size() * columns == values.size()) {
            List<String> split = new ArrayList<>();
            for (String line : expected) {
                split.addAll(Arrays.asList(line.split("\\s+")));
            }
            return split.equals(values);
        }
        return false;
    }

    private static List<String> flatten(List<String[]> rows, Record.SortMode mode) {
        if (mode == Record.SortMode.ROWSORT) {
            rows.sort((a, b) -> {
                for (int i = 0; i < a.length; i++) {
                    int c = a[i].compareTo(b[i]);
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            });
        }
        List<String> values = new ArrayList<>();
        for (String[] row : rows) {
            values.addAll(Arrays.asList(row));
        }
        if (mode == Record.SortMode.VALUESORT) {
            values.sort(null);
        }
        return values;
    }

    /** The reference runner's formatting: NULL, (empty), %d for I, %.3f for R, printable text. */
    static String format(Statement st, int column, char type) throws SqliteException {
        if (st.columnType(column) == ValueType.NULL) {
            return "NULL";
        }
        switch (type) {
            case 'I':
                return Long.toString(st.columnLong(column));
            case 'R':
                return String.format(Locale.ROOT, "%.3f", st.columnDouble(column));
            default:
                String text = st.columnText(column);
                if (text.isEmpty()) {
                    return "(empty)";
                }
                StringBuilder printable = new StringBuilder(text.length());
                for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                    printable.append(b < ' ' || b > '~' ? '@' : (char) b);
                }
                return printable.toString();
        }
    }

    static String md5(List<String> values) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (String value : values) {
                md5.update(value.getBytes(StandardCharsets.UTF_8));
                md5.update((byte) '\n');
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : md5.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
