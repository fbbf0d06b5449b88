package dev.sqlitejvm.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Debian's {@code sqlite3} shell as a separate process, for interoperability tests. */
final class NativeSqlite implements AutoCloseable {
    final Process process;
    private final Writer in;
    private final BufferedReader out;
    private int markers;

    /** Result of a one-shot run. */
    static final class Result {
        final int exitCode;
        final String out;
        final String err;

        Result(int exitCode, String out, String err) {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", out: " + out + ", err: " + err;
        }
    }

    static boolean available() {
        try {
            return new ProcessBuilder("sqlite3", "-version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs {@code sql} through {@code sqlite3 -batch db} and waits for it to finish. */
    static Result run(Path db, String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sqlite3", "-batch", db.toString()).start();
        try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            w.write(sql);
            w.write("\n");
        }
        // Read both streams fully; outputs are small.
        byte[] stdout = p.getInputStream().readAllBytes();
        byte[] stderr = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sqlite3 did not finish");
        }
        return new Result(p.exitValue(), new String(stdout, StandardCharsets.UTF_8).trim(),
                new String(stderr, StandardCharsets.UTF_8).trim());
    }

    /** An interactive shell whose output is line-buffered, to drive it step by step. */
    NativeSqlite(Path db) throws IOException {
        process = new ProcessBuilder("stdbuf", "-oL", "-eL", "sqlite3", "-batch", db.toString())
                .redirectErrorStream(true).start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends {@code sql} and returns its output once the shell has run it. */
    String exec(String sql) throws IOException {
        String marker = "--done " + (++markers) + "--";
        in.write(sql + "\n.print '" + marker + "'\n");
        in.flush();
        StringBuilder text = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals(marker) || line.equals("'" + marker + "'")) {
                return text.toString().trim();
            }
            text.append(line).append('\n');
        }
        throw new IOException("sqlite3 exited; output: " + text);
    }

    @Override
    public void close() throws Exception {
        try {
            in.write(".quit\n");
            in.flush();
            in.close();
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
