package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void versionThroughTheRuntimeApi() throws Exception {
        try (Database db = Database.open(":memory:");
             Statement st = db.prepare("select sqlite_version()")) {
            assertTrue(st.step());
            assertEquals("3.54.1", st.columnText(0));
        }
    }
}
