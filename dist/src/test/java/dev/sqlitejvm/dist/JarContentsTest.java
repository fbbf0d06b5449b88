package dev.sqlitejvm.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

class JarContentsTest {
    @Test
    void holdsNoNativeLibrary() throws IOException {
        List<String> natives = new ArrayList<>();
        int entries = 0;
        try (JarFile jar = new JarFile(Processes.jar().toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                entries++;
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith(".so") || name.contains(".so.") || name.endsWith(".dll") || name.endsWith(".dylib")
                        || name.endsWith(".jnilib") || name.endsWith(".a") || name.endsWith(".lib")) {
                    natives.add(entry.getName());
                }
            }
        }
        assertTrue(entries > 100, "a real jar was listed: " + entries + " entries");
        assertEquals(List.of(), natives, "native libraries in the jar");
        System.out.printf("%s: %,d bytes, %,d entries, no native library%n", Processes.jar().getFileName(),
                Files.size(Processes.jar()), entries);
    }

    @Test
    void manifestServicesAndNativeImageMetadata() throws IOException {
        try (JarFile jar = new JarFile(Processes.jar().toFile())) {
            Manifest manifest = jar.getManifest();
            assertEquals("dev.sqlitejvm.cli.Shell", manifest.getMainAttributes().getValue("Main-Class"));
            assertEquals("dev.sqlitejvm.all", manifest.getMainAttributes().getValue("Automatic-Module-Name"));
            JarEntry drivers = jar.getJarEntry("META-INF/services/java.sql.Driver");
            assertNotNull(drivers, "the driver is registered as a service");
            String text = new String(jar.getInputStream(drivers).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.lines().anyMatch("dev.sqlitejvm.jdbc.SqliteDriver"::equals), text);
            for (String name : List.of("dev/sqlitejvm/wasm/Sqlite3Module.meta", "dev/sqlitejvm/cli/demo.sql",
                    "META-INF/native-image/dev.sqlitejvm/sqlite-wasm/resource-config.json",
                    "META-INF/native-image/dev.sqlitejvm/sqlite-jvm-cli/resource-config.json")) {
                assertNotNull(jar.getJarEntry(name), name);
            }
            assertEquals(null, jar.getJarEntry("module-info.class"), "no stray module descriptor");
        }
    }
}
