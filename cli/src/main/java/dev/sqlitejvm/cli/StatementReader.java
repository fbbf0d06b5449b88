package dev.sqlitejvm.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;

/**
 * Splits an input stream into dot-commands and complete SQL statements, the way sqlite3 reads its
 * input: a dot-command is a line starting with '.', and SQL runs once the text gathered so far ends
 * in a semicolon outside any literal, identifier or comment (for a trigger, after its END).
 */
final class StatementReader {
    /** One unit of input: a dot-command line or SQL text, with the line it started on. */
    static final class Input {
        final String text;
        final int line;
        final boolean dotCommand;

        Input(String text, int line, boolean dotCommand) {
            this.text = text;
            this.line = line;
            this.dotCommand = dotCommand;
        }
    }

    private final LineSource lines;
    private int lineNumber;

    StatementReader(LineSource lines) {
        this.lines = lines;
    }

    /** Reads {@code reader} without prompts. */
    StatementReader(BufferedReader reader) {
        this(LineSource.of(reader, null));
    }

    /** The next dot-command or statement; {@code null} at end of input. Unfinished SQL at the end is returned as is. */
    Input next() throws IOException {
        StringBuilder pending = new StringBuilder();
        int start = 0;
        while (true) {
            String line = lines.readLine(pending.length() == 0 ? "sqlite> " : "   ...> ");
            if (line == null) {
                return pending.toString().isBlank() ? null : new Input(pending.toString(), start, false);
            }
            lineNumber++;
            if (pending.length() == 0) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.stripLeading().startsWith(".")) {
                    return new Input(line.strip(), lineNumber, true);
                }
                start = lineNumber;
            }
            pending.append(line).append('\n');
            if (isComplete(pending)) {
                return new Input(pending.toString(), start, false);
            }
        }
    }

    /** True when {@code sql} ends with a statement terminator, as sqlite3_complete() decides. */
    static boolean isComplete(CharSequence sql) {
        boolean terminated = false;
        boolean trigger = false;
        int words = 0;
        String previousWord = "";
        String[] firstWords = new String[3];
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = indexOf(sql, "*/", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = i + 1;
                while (true) {
                    if (end >= n) {
                        return false;
                    }
                    if (sql.charAt(end) == close) {
                        if (close != ']' && end + 1 < n && sql.charAt(end + 1) == close) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                i = end + 1;
                terminated = false;
                previousWord = "";
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                String word = sql.subSequence(i, end).toString().toUpperCase(Locale.ROOT);
                if (words < firstWords.length) {
                    firstWords[words] = word;
                }
                words++;
                if (words == 2 && "CREATE".equals(firstWords[0]) && "TRIGGER".equals(word)
                        || words == 3 && "CREATE".equals(firstWords[0])
                                && ("TEMP".equals(firstWords[1]) || "TEMPORARY".equals(firstWords[1]))
                                && "TRIGGER".equals(word)) {
                    trigger = true;
                }
                previousWord = word;
                terminated = false;
                i = end;
                continue;
            }
            if (c == ';') {
                if (!trigger || "END".equals(previousWord)) {
                    terminated = true;
                    trigger = false;
                    words = 0;
                }
                previousWord = "";
                i++;
                continue;
            }
            terminated = false;
            previousWord = "";
            i++;
        }
        return terminated;
    }

    private static int indexOf(CharSequence text, String target, int from) {
        for (int i = from; i + target.length() <= text.length(); i++) {
            if (text.subSequence(i, i + target.length()).toString().equals(target)) {
                return i;
            }
        }
        return -1;
    }
}
