package dev.sqlitejvm.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Where the shell's lines come from. On a terminal it reads through {@link Console}, which gives line
 * editing and history where the JDK's console provides them (JDK 22+ with {@code jdk.internal.le});
 * elsewhere the terminal's own line discipline (backspace, ^U, ^W) is what there is.
 */
interface LineSource {
    /** The next line without its terminator, or {@code null} at end of input; shows {@code prompt} if prompting. */
    String readLine(String prompt) throws IOException;

    static LineSource of(BufferedReader reader, PrintStream prompts) {
        return prompt -> {
            if (prompts != null) {
                prompts.print(prompt);
                prompts.flush();
            }
            return reader.readLine();
        };
    }

    static LineSource of(Console console, PrintStream flushFirst) {
        return prompt -> {
            flushFirst.flush();
            return console.readLine("%s", prompt);
        };
    }

    /** The console when standard input and output are a terminal, else {@code null}. */
    static Console terminal() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            // Java 22+: System.console() may exist without a terminal; isTerminal() tells
            Object terminal = Console.class.getMethod("isTerminal").invoke(console);
            return Boolean.TRUE.equals(terminal) ? console : null;
        } catch (ReflectiveOperationException e) {
            return console; // Java 17-21: a console exists only on a terminal
        }
    }
}
