package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.sqlitejvm.vfs.OpenFlags;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The file VFS on real files: journal modes, bad files, missing paths, read-only files. */
class FileVfsBehaviourTest {
    @TempDir
    Path dir;

    private Path populated(String name) throws SqliteException {
        Path file = dir.resolve(name);
        try (Database db = Database.open(file.toString())) {
            db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB);"
                    + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
                    + "INSERT INTO t SELECT i, randomblob(600) FROM n;");
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "TRUNCATE", "PERSIST", "MEMORY", "WAL", "OFF"})
    void everyJournalModeCommitsRollsBackAndReopens(String mode) throws Exception {
        Path file = dir.resolve("modes.db");
        try (Database db = Database.open(file.toString())) {
            assertEquals(mode.toLowerCase(), NativeInteropTest.text(db, "PRAGMA journal_mode=" + mode));
            db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2)");
            db.exec("BEGIN; INSERT INTO t VALUES (3); UPDATE t SET x = x * 10;");
            if (!mode.equals("OFF")) { // without a journal, ROLLBACK cannot undo
                db.exec("ROLLBACK");
                assertEquals(3, NativeInteropTest.count(db, "SELECT sum(x) FROM t"));
            } else {
                db.exec("COMMIT");
            }
            // mmap is not available in wasm: the pragma is accepted and stays 0.
            assertEquals(0, NativeInteropTest.count(db, "PRAGMA mmap_size=268435456"));
        }
        try (Database db = Database.open(file.toString())) {
            assertEquals("ok", NativeInteropTest.text(db, "PRAGMA integrity_check"));
            assertEquals(mode.equals("OFF") ? 60 : 3, NativeInteropTest.count(db, "SELECT sum(x) FROM t"));
        }
        if (NativeSqlite.available()) {
            assertEquals("ok", NativeSqlite.run(file, "PRAGMA integrity_check;").out);
        }
    }

    @Test
    void exclusiveLockingModeWalWorksWithoutSharedMemory() throws Exception {
        Path file = dir.resolve("exclusive.db");
        try (Database db = Database.open(file.toString())) {
            db.exec("PRAGMA locking_mode=EXCLUSIVE; PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1)");
            assertFalse(Files.exists(Path.of(file + "-shm")), "no -shm file in exclusive mode");
            assertEquals(1, NativeInteropTest.count(db, "SELECT count(*) FROM t"));
        }
        try (Database db = Database.open(file.toString())) {
            assertEquals(1, NativeInteropTest.count(db, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsNotadb() throws Exception {
        Path file = dir.resolve("text.db");
        byte[] text = "this is certainly not a SQLite database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);
        try (Database db = Database.open(file.toString())) {
            SqliteException e = assertThrows(SqliteException.class, () -> db.exec("SELECT * FROM sqlite_schema"));
            assertEquals(ResultCodes.NOTADB, e.primaryCode(), e.toString());
        }
        assertTrue(Arrays.equals(text, Files.readAllBytes(file)), "the file was not touched");
    }

    @Test
    void aTruncatedDatabaseIsCorrupt() throws Exception {
        Path file = populated("truncated.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 3);
        }
        assertCorrupt(file);
    }

    @Test
    void aDatabaseWithGarbageInItIsCorrupt() throws Exception {
        Path file = populated("garbage.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[4096 * 3];
            new java.util.Random(7).nextBytes(garbage);
            raf.seek(4096 * 2);
            raf.write(garbage);
        }
        assertCorrupt(file);
    }

    /** Either SQLite notices while reading (SQLITE_CORRUPT) or integrity_check reports it; nothing else. */
    private static void assertCorrupt(Path file) throws SqliteException {
        try (Database db = Database.open(file.toString())) {
            try {
                String check = NativeInteropTest.text(db, "PRAGMA integrity_check");
                assertFalse(check.equals("ok"), "integrity_check found nothing");
                SqliteException e = assertThrows(SqliteException.class,
                        () -> db.exec("SELECT sum(length(v)) FROM t"));
                assertEquals(ResultCodes.CORRUPT, e.primaryCode(), e.toString());
            } catch (SqliteException e) {
                assertEquals(ResultCodes.CORRUPT, e.primaryCode(), e.toString());
            }
        }
    }

    @Test
    void aMissingDirectoryIsCantopenWithThePath() {
        Path file = dir.resolve("no/such/dir/x.db");
        SqliteException e = assertThrows(SqliteException.class, () -> Database.open(file.toString()));
        assertEquals(ResultCodes.CANTOPEN, e.primaryCode());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aMissingFileWithoutCreateIsCantopen() {
        Path file = dir.resolve("absent.db");
        SqliteException e = assertThrows(SqliteException.class,
                () -> Database.open(file.toString(), OpenOptions.defaults().flags(OpenFlags.READWRITE)));
        assertEquals(ResultCodes.CANTOPEN, e.primaryCode());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void aDirectoryIsCantopen() throws Exception {
        SqliteException e = assertThrows(SqliteException.class, () -> {
            try (Database db = Database.open(dir.toString())) {
                db.exec("CREATE TABLE t(x)");
            }
        });
        assertEquals(ResultCodes.CANTOPEN, e.primaryCode(), e.toString());
    }

    @Test
    void readOnlyOpenReadsAndRefusesWrites() throws Exception {
        Path file = populated("ro.db");
        try (Database db = Database.open(file.toString(), OpenOptions.defaults().flags(OpenFlags.READONLY))) {
            assertEquals(500, NativeInteropTest.count(db, "SELECT count(*) FROM t"));
            SqliteException e = assertThrows(SqliteException.class, () -> db.exec("DELETE FROM t"));
            assertEquals(ResultCodes.READONLY, e.primaryCode(), e.toString());
        }
    }

    @Test
    void aReadOnlyFileOpenedReadWriteBehavesReadOnly() throws Exception {
        Path file = populated("perm.db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assumeFalse(Files.isWritable(file), "running as root: permissions do not apply");
        try (Database db = Database.open(file.toString())) {
            assertEquals(500, NativeInteropTest.count(db, "SELECT count(*) FROM t"));
            SqliteException e = assertThrows(SqliteException.class, () -> db.exec("DELETE FROM t"));
            assertEquals(ResultCodes.READONLY, e.primaryCode(), e.toString());
        }
    }

    @Test
    void anUnreadableFileIsCantopenWithThePath() throws Exception {
        Path file = populated("secret.db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: permissions do not apply");
        SqliteException e = assertThrows(SqliteException.class, () -> {
            try (Database db = Database.open(file.toString())) {
                db.exec("SELECT * FROM t");
            }
        });
        assertEquals(ResultCodes.CANTOPEN, e.primaryCode());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void twoNamesOfOneFileShareLocks() throws Exception {
        Path file = populated("real.db");
        Path link = dir.resolve("link.db");
        Files.createLink(link, file);
        try (Database a = Database.open(file.toString());
             Database b = Database.open(link.toString())) {
            a.exec("BEGIN IMMEDIATE");
            b.busyTimeout(100);
            SqliteException e = assertThrows(SqliteException.class, () -> b.exec("DELETE FROM t"));
            assertEquals(ResultCodes.BUSY, e.primaryCode());
            a.exec("COMMIT");
            b.exec("DELETE FROM t WHERE id = 1");
        }
    }

    @Test
    void localtimeFollowsTheJvmTimeZone() throws Exception {
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        try (Database db = Database.open(":memory:")) {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Kolkata"));
            assertEquals("2024-01-01 05:30:00", NativeInteropTest.text(db, "SELECT datetime('2024-01-01 00:00:00', 'localtime')"));
            long now = NativeInteropTest.count(db, "SELECT CAST(unixepoch('subsec') * 1000 AS INTEGER)");
            assertTrue(Math.abs(now - System.currentTimeMillis()) < 2000);
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }
}
