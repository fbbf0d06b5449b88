package dev.sqlitejvm.cli;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code .import FILE TABLE}: loads delimited text into a table in one transaction. A missing table is
 * created from the first record (its column names, all TEXT). Short records are filled with NULL, long
 * ones cut, each with a warning naming the line. Files of {@link #PROGRESS_THRESHOLD} bytes or more
 * report progress on the error stream at every tenth of the file.
 */
final class CsvImport {
    static final long PROGRESS_THRESHOLD = 1 << 20;

    private final Database db;
    private final PrintStream err;

    CsvImport(Database db, PrintStream err) {
        this.db = db;
        this.err = err;
    }

    /** Imports; returns false (after printing why) when the import could not run. */
    boolean run(Path file, String schema, String table, char separator, int skip) throws SqliteException, IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            err.println("Error: cannot open \"" + file + "\"");
            return false;
        }
        String qualified = (schema == null ? "" : Sql.identifier(schema) + ".") + Sql.identifier(table);
        long started = System.nanoTime();
        try (CountingStream bytes = new CountingStream(Files.newInputStream(file));
             Reader reader = new InputStreamReader(bytes, StandardCharsets.UTF_8)) {
            CsvReader csv = new CsvReader(reader, separator);
            for (int i = 0; i < skip && csv.next() != null; i++) {
                // skipped records
            }
            int columns = columnCount(qualified);
            if (columns < 0) {
                List<String> header = csv.next();
                if (header == null) {
                    err.println("Error: empty file: " + file);
                    return false;
                }
                StringBuilder create = new StringBuilder("CREATE TABLE " + qualified + "(\n");
                for (int i = 0; i < header.size(); i++) {
                    create.append(i > 0 ? ", " : "").append(Sql.identifier(header.get(i))).append(" TEXT");
                }
                db.exec(create.append(")").toString());
                columns = header.size();
            }
            StringBuilder insert = new StringBuilder("INSERT INTO " + qualified + " VALUES(");
            for (int i = 0; i < columns; i++) {
                insert.append(i > 0 ? ",?" : "?");
            }
            boolean ownTransaction = db.isAutocommit();
            if (ownTransaction) {
                db.exec("BEGIN");
            }
            long rows = 0;
            int nextTenth = 1;
            boolean progress = size >= PROGRESS_THRESHOLD;
            try (Statement statement = db.prepare(insert.append(")").toString())) {
                List<String> record;
                while ((record = csv.next()) != null) {
                    if (record.size() == 1 && record.get(0).isEmpty() && columns > 1) {
                        continue; // a blank line
                    }
                    if (record.size() != columns) {
                        err.println(file + ":" + csv.recordLine() + ": expected " + columns + " columns but found "
                                + record.size() + (record.size() < columns
                                        ? " - filling the rest with NULL" : " - extras ignored"));
                    }
                    for (int i = 0; i < columns; i++) {
                        if (i < record.size()) {
                            statement.bindText(i + 1, record.get(i));
                        } else {
                            statement.bindNull(i + 1);
                        }
                    }
                    try {
                        statement.step();
                        rows++;
                    } catch (SqliteException e) {
                        err.println(file + ":" + csv.recordLine() + ": INSERT failed: " + e.getMessage());
                    }
                    statement.reset();
                    if (progress && bytes.count * 10 >= size * nextTenth && nextTenth < 10) {
                        err.printf(Locale.ROOT, ".import %s: %d%% (%.1f of %.1f MB, %,d rows)%n", file.getFileName(),
                                nextTenth * 10, bytes.count / 1e6, size / 1e6, rows);
                        nextTenth = (int) Math.min(10, bytes.count * 10 / size + 1);
                    }
                }
            }
            if (ownTransaction) {
                db.exec("COMMIT");
            }
            if (progress) {
                double seconds = (System.nanoTime() - started) / 1e9;
                err.printf(Locale.ROOT, ".import %s: 100%%, %,d rows in %.1f s (%.1f MB/s)%n", file.getFileName(),
                        rows, seconds, size / 1e6 / seconds);
            }
            return true;
        } catch (SqliteException | IOException | RuntimeException e) {
            if (!db.isClosed() && !db.isAutocommit()) {
                db.exec("ROLLBACK");
            }
            throw e;
        }
    }

    /** Columns of an existing table or view, or -1 when there is none. */
    private int columnCount(String qualified) throws SqliteException {
        try (Statement probe = db.prepare("SELECT * FROM " + qualified + " LIMIT 0")) {
            return probe.columnCount();
        } catch (SqliteException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("no such table")) {
                return -1;
            }
            throw e;
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
