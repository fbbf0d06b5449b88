package dev.sqlitejvm.runtime;

import java.io.PrintStream;

/**
 * Run in a child JVM by {@link CrashSafetyTest}: commits transactions as fast as it can and reports
 * each commit on stdout only after COMMIT has returned, until the parent kills it.
 *
 * <p>Each transaction inserts a row into two tables, rewrites an older row, and bumps a counter,
 * so a partly applied transaction shows as a mismatch between them.
 */
public final class CrashChild {
    public static void main(String[] args) throws Exception {
        String path = args[0];
        String mode = args[1];
        PrintStream out = System.out;
        try (Database db = Database.open(path)) {
            db.busyTimeout(10_000);
            db.exec("PRAGMA journal_mode=" + mode + "; PRAGMA synchronous=FULL");
            long next;
            try (Statement st = db.prepare("SELECT coalesce(max(id), 0) + 1 FROM a")) {
                st.step();
                next = st.columnLong(0);
            }
            out.println("ready " + next);
            out.flush();
            try (Statement insertA = db.prepare("INSERT INTO a(id, payload) VALUES (?1, randomblob(2000 + abs(random() % 12000)))");
                 Statement insertB = db.prepare("INSERT INTO b(id, checksum) SELECT id, length(payload) FROM a WHERE id = ?1");
                 Statement rewrite = db.prepare("UPDATE a SET payload = randomblob(length(payload)) WHERE id = ?1 / 2");
                 Statement bump = db.prepare("UPDATE counter SET n = n + 1")) {
                for (long id = next; ; id++) {
                    db.exec("BEGIN");
                    run(insertA, id);
                    run(insertB, id);
                    run(rewrite, id);
                    run(bump, 0);
                    db.exec("COMMIT");
                    out.println("committed " + id);
                    out.flush();
                }
            }
        }
    }

    private static void run(Statement statement, long id) throws SqliteException {
        if (statement.parameterCount() > 0) {
            statement.bindLong(1, id);
        }
        while (statement.step()) {
            // no rows expected
        }
        statement.reset();
    }
}
