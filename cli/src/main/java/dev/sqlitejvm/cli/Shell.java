package dev.sqlitejvm.cli;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A shell in the manner of {@code sqlite3}: {@code Shell [OPTIONS] [DATABASE] [SQL...]}. With no
 * database it opens an in-memory demo database. SQL and dot-commands given as arguments run and the
 * shell exits; otherwise it reads standard input, with prompts when that is a terminal. Errors are
 * reported in sqlite3's words; in batch mode any error makes the exit status 1.
 *
 * <p>This class wires the parts together: {@link ShellArguments} (command line), {@link StatementReader}
 * (input), {@link ResultPrinter} (output modes), {@link DotCommands}, {@link CsvImport} and {@link Dump}.
 */
public final class Shell {
    /** Where a statement came from; it decides how errors are worded. */
    enum Source { ARGUMENT, STDIN, FILE, INTERACTIVE }

    private final Database db;
    private final PrintStream out;
    private final PrintStream err;
    private final ResultPrinter printer;
    private final DotCommands dotCommands;
    private boolean bail;
    private boolean timer;

    Shell(Database db, PrintStream out, PrintStream err) {
        this.db = db;
        this.out = out;
        this.err = err;
        this.printer = new ResultPrinter(db, out);
        this.dotCommands = new DotCommands(this);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code;
        try {
            code = run(args, System.in, out, err, LineSource.terminal());
        } catch (IOException e) {
            out.flush();
            err.println("Error: " + e);
            code = 1;
        }
        out.flush();
        System.exit(code);
    }

    /** Runs the shell with no terminal: input is read without prompts unless -interactive is given. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        return run(args, in, out, err, null);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Console console)
            throws IOException {
        ShellArguments options = ShellArguments.parse(args);
        if (options.error != null) {
            err.println("Error: " + options.error + "\nUse -help for a list of options.");
            return 1;
        }
        if (options.help) {
            out.print(ShellArguments.USAGE);
            return 0;
        }
        Database db;
        try {
            db = options.database == null ? Demo.open() : Database.open(options.database);
        } catch (SqliteException e) {
            err.println("Error: unable to open database \"" + options.database + "\": " + e.getMessage());
            return 1;
        }
        try (db) {
            if (options.version) {
                out.print(db.libVersion() + " " + db.sourceId() + "\n");
                return 0;
            }
            Shell shell = new Shell(db, out, err);
            shell.bail = options.bail;
            if (options.mode != null) {
                shell.printer.mode(options.mode);
            }
            if (options.headers != null) {
                shell.printer.headers(options.headers);
            }
            for (String command : options.initCommands) {
                DotCommands.Outcome outcome = shell.runCommand(command);
                if (outcome == DotCommands.Outcome.QUIT) {
                    return shell.dotCommands.exitCode();
                }
                if (outcome == DotCommands.Outcome.FAILED && shell.bail) {
                    return 1;
                }
            }
            if (!options.commands.isEmpty()) {
                for (String command : options.commands) {
                    DotCommands.Outcome outcome = shell.runCommand(command);
                    if (outcome == DotCommands.Outcome.FAILED) {
                        return 1;
                    }
                    if (outcome == DotCommands.Outcome.QUIT) {
                        break;
                    }
                }
                return shell.dotCommands.exitCode();
            }
            boolean interactive = options.interactive != null ? options.interactive : console != null;
            LineSource lines;
            if (interactive) {
                out.print("sqlite-jvm shell, SQLite " + db.libVersion() + " " + db.sourceId() + "\n"
                        + "Enter \".help\" for usage hints.\n"
                        + (options.database == null
                                ? "Connected to an in-memory demo database (try .tables).\n" : ""));
                lines = console != null && options.interactive == null
                        ? LineSource.of(console, out)
                        : LineSource.of(reader(in), out);
            } else {
                lines = LineSource.of(reader(in), null);
            }
            DotCommands.Outcome outcome = shell.runInput(new StatementReader(lines),
                    interactive ? Source.INTERACTIVE : Source.STDIN);
            if (interactive && outcome != DotCommands.Outcome.QUIT) {
                out.print("\n");
            }
            if (outcome == DotCommands.Outcome.FAILED && !interactive) {
                return 1;
            }
            return shell.dotCommands.exitCode();
        } catch (SqliteException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    Database db() {
        return db;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    ResultPrinter printer() {
        return printer;
    }

    void timer(boolean on) {
        timer = on;
    }

    /** One command-line argument: a dot-command or SQL. */
    private DotCommands.Outcome runCommand(String command) throws IOException {
        if (command.stripLeading().startsWith(".")) {
            return dotCommands.run(command.strip());
        }
        return execute(command, 0, Source.ARGUMENT) ? DotCommands.Outcome.CONTINUE : DotCommands.Outcome.FAILED;
    }

    /**
     * Runs everything {@code reader} yields. Returns QUIT if a dot-command asked to leave, FAILED if
     * anything failed (stopping at the first failure with -bail), else CONTINUE.
     */
    DotCommands.Outcome runInput(StatementReader reader, Source source) throws IOException {
        boolean failed = false;
        StatementReader.Input input;
        while ((input = reader.next()) != null) {
            boolean ok;
            if (input.dotCommand) {
                DotCommands.Outcome outcome = dotCommands.run(input.text);
                if (outcome == DotCommands.Outcome.QUIT) {
                    return outcome;
                }
                ok = outcome != DotCommands.Outcome.FAILED;
            } else {
                ok = execute(input.text, input.line, source);
            }
            out.flush();
            if (!ok) {
                failed = true;
                if (bail && source != Source.INTERACTIVE) {
                    break;
                }
            }
        }
        return failed ? DotCommands.Outcome.FAILED : DotCommands.Outcome.CONTINUE;
    }

    /** Runs every statement of {@code sql}, printing rows; false (after reporting) if one failed. */
    boolean execute(String sql, int line, Source source) {
        Statement statement;
        try {
            statement = db.prepare(sql);
        } catch (SqliteException e) {
            report(true, e, line, source);
            return false;
        }
        while (statement != null) {
            long startNanos = System.nanoTime();
            long[] startCpu = cpuTimes();
            try (Statement current = statement) {
                printer.print(current);
            } catch (SqliteException e) {
                report(false, e, line, source);
                return false;
            } finally {
                if (timer) {
                    printTime(startNanos, startCpu);
                }
            }
            try {
                statement = statement.prepareNext();
            } catch (SqliteException e) {
                report(true, e, line, source);
                return false;
            }
        }
        return true;
    }

    private void report(boolean parse, SqliteException e, int line, Source source) {
        out.flush();
        String message = e.getMessage();
        String code = parse ? "" : " (" + e.getErrorCode() + ")";
        switch (source) {
            case ARGUMENT:
                err.println("Error: " + (parse ? "in prepare, " : "stepping, ") + message + code);
                break;
            case INTERACTIVE:
                err.println((parse ? "Parse error: " : "Runtime error: ") + message + code);
                break;
            default:
                err.println((parse ? "Parse error" : "Runtime error") + " near line " + line + ": " + message + code);
        }
    }

    private static final ThreadMXBean THREADS = threads();

    private static ThreadMXBean threads() {
        try {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            return bean.isCurrentThreadCpuTimeSupported() ? bean : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static long[] cpuTimes() {
        if (THREADS == null) {
            return new long[2];
        }
        long user = THREADS.getCurrentThreadUserTime();
        return new long[] {user, THREADS.getCurrentThreadCpuTime() - user};
    }

    private void printTime(long startNanos, long[] startCpu) {
        long[] now = cpuTimes();
        out.printf(Locale.ROOT, "Run Time: real %.3f user %f sys %f%n", (System.nanoTime() - startNanos) / 1e9,
                (now[0] - startCpu[0]) / 1e9, (now[1] - startCpu[1]) / 1e9);
    }
}
