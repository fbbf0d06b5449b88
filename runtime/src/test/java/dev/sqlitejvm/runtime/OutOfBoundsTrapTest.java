package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A wild pointer inside SQLite traps: the caller gets a SqliteException and the instance is closed,
 * never a raw JVM exception.
 */
class OutOfBoundsTrapTest {

    @Test
    void aWildPointerTrapsCleanly() throws Exception {
        try (Database db = Database.open(":memory:")) {
            WasmSqlite sqlite = db.sqlite;
            // sqlite3_db_filename first checks the handle: a one-byte load of db->eOpenState
            SqliteException trap = assertThrows(SqliteException.class,
                    () -> sqlite.call(sqlite.fn.dbFilename, 0x7FFF_FF00L, 0));
            assertEquals(ResultCodes.INTERNAL, trap.primaryCode());
            assertTrue(trap.getMessage().contains("out of bounds memory access"), trap.getMessage());
            SqliteException after = assertThrows(SqliteException.class, () -> sqlite.call(sqlite.fn.libversion));
            assertEquals(ResultCodes.MISUSE, after.primaryCode(), "the trapped instance is not used again");
        }
    }
}
