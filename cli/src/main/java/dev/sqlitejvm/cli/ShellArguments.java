package dev.sqlitejvm.cli;

import java.util.ArrayList;
import java.util.List;

/** The command line: {@code [OPTIONS] [DATABASE] [SQL...]}, with sqlite3's option names (one or two dashes). */
final class ShellArguments {
    static final String USAGE = String.join("\n",
            "Usage: sqlite-jvm [OPTIONS] [DATABASE] [SQL...]",
            "With no DATABASE, opens an in-memory demo database. SQL and dot-commands given as arguments run",
            "in order and the shell exits; otherwise it reads standard input.",
            "OPTIONS:",
            "   -bail            stop after the first error",
            "   -batch           force batch I/O",
            "   -box | -csv | -json | -line | -list | -table   set the output mode",
            "   -cmd COMMAND     run COMMAND before reading input",
            "   -header          turn headers on",
            "   -help            show this message",
            "   -interactive     force interactive I/O",
            "   -noheader        turn headers off",
            "   -version         show the SQLite version",
            "");

    String database;
    final List<String> commands = new ArrayList<>();
    final List<String> initCommands = new ArrayList<>();
    OutputMode mode;
    Boolean headers;
    boolean bail;
    Boolean interactive;
    boolean version;
    boolean help;
    /** A message when the arguments are unusable. */
    String error;

    static ShellArguments parse(String[] args) {
        ShellArguments parsed = new ShellArguments();
        boolean optionsDone = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!optionsDone && arg.startsWith("-") && arg.length() > 1) {
                String option = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
                if (option.isEmpty()) {
                    optionsDone = true;
                    continue;
                }
                OutputMode mode = OutputMode.named(option);
                if (mode != null) {
                    parsed.mode = mode;
                    continue;
                }
                switch (option) {
                    case "bail": parsed.bail = true; break;
                    case "batch": parsed.interactive = false; break;
                    case "interactive": parsed.interactive = true; break;
                    case "header": case "headers": parsed.headers = true; break;
                    case "noheader": case "noheaders": parsed.headers = false; break;
                    case "version": parsed.version = true; break;
                    case "help": parsed.help = true; break;
                    case "cmd":
                        if (i + 1 >= args.length) {
                            parsed.error = "missing argument to " + arg;
                            return parsed;
                        }
                        parsed.initCommands.add(args[++i]);
                        break;
                    default:
                        parsed.error = "unknown option: " + arg;
                        return parsed;
                }
            } else if (parsed.database == null) {
                parsed.database = arg;
            } else {
                parsed.commands.add(arg);
            }
        }
        return parsed;
    }
}
