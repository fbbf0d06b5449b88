package dev.sqlitejvm.wasmsplit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The tests' hand-written modules: wasm text from the test resources, assembled by binaryen's {@code wasm-as}. */
final class Wat {
    private Wat() {}

    /** A test resource's text, e.g. {@code "/split-cases.wat"}. */
    static String resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(Wat.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Assembles {@code text} in {@code dir} (as {@code name}.wat) with the extra wasm-as flags given. */
    static byte[] assemble(Path dir, String name, String text, String... flags) throws IOException, InterruptedException {
        Path wat = dir.resolve(name + ".wat");
        Files.writeString(wat, text);
        Path wasm = dir.resolve(name + ".wasm");
        List<String> command = new ArrayList<>(List.of("wasm-as"));
        command.addAll(List.of(flags));
        command.addAll(List.of(wat.toString(), "-o", wasm.toString()));
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, p.waitFor(), "wasm-as (binaryen) assembles the test module " + name);
        return Files.readAllBytes(wasm);
    }
}
