package dev.sqlitejvm.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code java -jar} on the demo database through a real pseudo-terminal (tmux). */
class InteractiveSessionTest {
    @TempDir
    Path dir;

    private final String socket = "sqlite-jvm-test-" + ProcessHandle.current().pid();

    private void tmux(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "tmux";
        command[1] = "-L";
        command[2] = socket;
        System.arraycopy(args, 0, command, 3, args.length);
        Processes.Result result = Processes.run(dir, 30, command);
        assertEquals(0, result.exit, result.toString());
    }

    private String screen() throws Exception {
        return Processes.run(dir, 30, "tmux", "-L", socket, "capture-pane", "-p", "-t", "shell", "-S", "-100").out;
    }

    private String waitFor(Predicate<String> condition, String what) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String text = "";
        while (System.nanoTime() < deadline) {
            text = screen();
            if (condition.test(text)) {
                return text;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited 60 s for " + what + "; screen:\n" + text);
    }

    private void type(String line) throws Exception {
        // tmux reads a trailing ';' as its own command separator; "\\;" is the literal character
        tmux("send-keys", "-t", "shell", "-l", line.endsWith(";") ? line.substring(0, line.length() - 1) + "\\;" : line);
        tmux("send-keys", "-t", "shell", "Enter");
    }

    @AfterEach
    void stopServer() throws Exception {
        Processes.run(dir, 30, "tmux", "-L", socket, "kill-server");
    }

    @Test
    void tablesQueryBoxModeAndQuit() throws Exception {
        Assumptions.assumeTrue(Processes.onPath("tmux"), "tmux is not installed: interactive test skipped");
        Path status = dir.resolve("status");
        tmux("new-session", "-d", "-s", "shell", "-x", "100", "-y", "50",
                "sh -c '" + Processes.java17() + " -jar " + Processes.jar() + "; echo exit=$? > " + status
                        + "; sleep 60'");
        waitFor(s -> s.contains("sqlite>"), "the prompt");
        type(".tables");
        waitFor(s -> s.contains("features  releases"), ".tables");
        type("select count(*)");
        waitFor(s -> s.contains("   ...>"), "the continuation prompt");
        type("  from releases;");
        waitFor(s -> s.lines().anyMatch("8"::equals), "the count");
        type(".mode box");
        type("select version, note from releases where version = '3.7.0';");
        String screen = waitFor(s -> s.contains("└─"), "the box");
        assertTrue(screen.contains("│ version │      note       │"), screen);
        assertTrue(screen.contains("│ 3.7.0   │ write-ahead log │"), screen);
        type(".quit");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(status) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals("exit=0", Files.readString(status).strip(), "the shell left cleanly");
    }
}
