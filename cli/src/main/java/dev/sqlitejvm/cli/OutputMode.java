package dev.sqlitejvm.cli;

import java.util.Locale;

/** The result formats of {@code .mode}, named as sqlite3 names them. */
enum OutputMode {
    LIST, CSV, JSON, TABLE, BOX, LINE;

    /** The mode called {@code name}, or {@code null} when there is none. */
    static OutputMode named(String name) {
        for (OutputMode mode : values()) {
            if (mode.name().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        return null;
    }

    /** Table and box always show headers and lay rows out once all are known. */
    boolean tabular() {
        return this == TABLE || this == BOX;
    }

    /** What {@code .mode} with no argument reports, in sqlite3's words. */
    String describe() {
        String name = name().toLowerCase(Locale.ROOT);
        return tabular() ? name + " --wrap " + ResultPrinter.WRAP + " --wordwrap off --noquote" : name;
    }
}
