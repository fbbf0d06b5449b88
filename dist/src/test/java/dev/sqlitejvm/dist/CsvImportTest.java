package dev.sqlitejvm.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .import} of a generated CSV through {@code java -jar}: progress on stderr, every row in the
 * table. 10 MB by default; {@code -Pimport-100mb} makes it the 100 MB.
 */
class CsvImportTest {
    @TempDir
    Path dir;

    @Test
    void importShowsProgressAndLoadsEveryRow() throws Exception {
        long megabytes = Long.getLong("import.test.megabytes", 10);
        Path csv = dir.resolve("data.csv");
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id,name,score,note\n");
            long size = 19;
            StringBuilder line = new StringBuilder();
            while (size < megabytes * 1_000_000) {
                rows++;
                line.setLength(0);
                line.append(rows).append(",name ").append(rows).append(',').append(rows % 1000).append(".25,")
                        .append("\"note, \"\"quoted\"\" ").append(rows).append("\"\n");
                out.append(line);
                size += line.length();
            }
        }
        long started = System.nanoTime();
        Processes.Result result = Processes.run(dir, 600, Processes.java17(), "-XX:-DontCompileHugeMethods", "-jar",
                Processes.jar().toString(), "import.db", ".import --csv data.csv t",
                "select count(*), sum(id), max(note) from t");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(0, result.exit, result.toString());
        assertEquals(rows + "|" + rows * (rows + 1) / 2 + "|note, \"quoted\" 999\n".replace("999", maxNote(rows)),
                result.out, result.toString());
        for (int percent = 10; percent <= 90; percent += 10) {
            assertTrue(result.err.contains(".import data.csv: " + percent + "% ("), result.err);
        }
        assertTrue(result.err.contains(".import data.csv: 100%, " + String.format("%,d", rows) + " rows in "),
                result.err);
        System.out.printf("imported %,d rows (%,d bytes) in %.1f s, %.1f MB/s%n", rows, Files.size(csv), seconds,
                Files.size(csv) / 1e6 / seconds);
    }

    /** The largest note compares as text: the id whose decimal string sorts last. */
    private static String maxNote(long rows) {
        String best = "";
        for (long id = 1; id <= rows; id++) {
            String text = Long.toString(id);
            if (text.compareTo(best) > 0) {
                best = text;
            }
        }
        return best;
    }
}
