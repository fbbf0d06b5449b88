package dev.sqlitejvm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build is the SQLite we pinned, with the options and extensions we promise. */
class LibraryTest {

    static List<String> column(Database db, String sql) throws SqliteException {
        List<String> values = new ArrayList<>();
        try (Statement st = db.prepare(sql)) {
            while (st.step()) {
                values.add(st.columnText(0));
            }
        }
        return values;
    }

    static String scalar(Database db, String sql) throws SqliteException {
        List<String> values = column(db, sql);
        assertEquals(1, values.size(), "one row from " + sql);
        return values.get(0);
    }

    @Test
    void versionIsThePinnedRelease() throws Exception {
        try (Database db = Database.open(":memory:")) {
            assertEquals("3.54.1", scalar(db, "select sqlite_version()"));
            assertEquals("3.54.1", db.libVersion());
            assertTrue(db.sourceId().startsWith("2026-10-16"), db.sourceId());
        }
    }

    @Test
    void compileOptionsAreThePromisedOnes() throws Exception {
        try (Database db = Database.open(":memory:")) {
            List<String> options = column(db, "pragma compile_options");
            for (String expected : List.of("THREADSAFE=0", "DQS=0", "DEFAULT_MEMSTATUS=0", "USE_URI",
                    "OMIT_LOAD_EXTENSION", "OMIT_SHARED_CACHE", "MAX_VARIABLE_NUMBER=250000",
                    "ENABLE_FTS3", "ENABLE_FTS3_PARENTHESIS", "ENABLE_FTS5", "ENABLE_RTREE",
                    "ENABLE_GEOPOLY", "ENABLE_MATH_FUNCTIONS", "ENABLE_STAT4", "ENABLE_DBSTAT_VTAB", "ENABLE_DBPAGE_VTAB",
                    "ENABLE_COLUMN_METADATA", "ENABLE_PERCENTILE", "ENABLE_UPDATE_DELETE_LIMIT",
                    "ENABLE_SESSION", "ENABLE_PREUPDATE_HOOK", "SOUNDEX")) {
                assertTrue(options.contains(expected), expected + " missing from " + options);
            }
            assertEquals(options, db.compileOptions());
        }
    }

    @Test
    void defaultsAreThoseXerialUsersRelyOn() throws Exception {
        try (Database db = Database.open(":memory:")) {
            assertEquals("0", scalar(db, "pragma foreign_keys"));
            assertEquals("0", scalar(db, "pragma recursive_triggers"));
            assertEquals("2", scalar(db, "pragma synchronous"));
        }
    }

    @Test
    void fts5MatchesAndRanks() throws Exception {
        try (Database db = Database.open(":memory:")) {
            db.exec("create virtual table docs using fts5(title, body);"
                    + "insert into docs values ('sqlite', 'a small fast reliable database engine');"
                    + "insert into docs values ('jvm', 'runs java bytecode on many platforms');"
                    + "insert into docs values ('wasm', 'a portable bytecode for the database and the web');");
            assertEquals(List.of("sqlite", "wasm"),
                    column(db, "select title from docs where docs match 'database' order by title"));
            assertEquals("jvm", scalar(db, "select title from docs where docs match 'java AND bytecode'"));
            assertEquals("a [portable] bytecode",
                    scalar(db, "select substr(highlight(docs, 1, '[', ']'), 1, 21) from docs where docs match 'portable'"));
        }
    }

    @Test
    void fts3StillWorks() throws Exception {
        try (Database db = Database.open(":memory:")) {
            db.exec("create virtual table notes using fts4(body);"
                    + "insert into notes values ('alpha beta'), ('beta gamma'), ('gamma delta');");
            assertEquals("2", scalar(db, "select count(*) from notes where body match '(alpha OR delta)'"));
        }
    }

    @Test
    void jsonFunctions() throws Exception {
        try (Database db = Database.open(":memory:")) {
            assertEquals("42", scalar(db, "select json_extract('{\"a\":{\"b\":[1,42]}}', '$.a.b[1]')"));
            assertEquals("{\"x\":1,\"y\":[2,3]}", scalar(db, "select json_object('x', 1, 'y', json_array(2, 3))"));
            assertEquals("3", scalar(db, "select count(*) from json_each('[10,20,30]')"));
            assertEquals("1", scalar(db, "select jsonb('{\"k\":1}') ->> '$.k'"));
        }
    }

    @Test
    void rtreeFindsBoxes() throws Exception {
        try (Database db = Database.open(":memory:")) {
            db.exec("create virtual table boxes using rtree(id, minx, maxx, miny, maxy);"
                    + "insert into boxes values (1, 0, 10, 0, 10), (2, 5, 15, 5, 15), (3, 20, 30, 20, 30);");
            assertEquals(List.of("1", "2"),
                    column(db, "select id from boxes where maxx >= 6 and minx <= 8 and maxy >= 6 and miny <= 8 order by id"));
            assertEquals("1", scalar(db, "select geopoly_contains_point('[[0,0],[4,0],[4,4],[0,4],[0,0]]', 2, 2) > 0"));
        }
    }

    @Test
    void mathAndOtherBuiltIns() throws Exception {
        try (Database db = Database.open(":memory:")) {
            assertEquals("3.0", scalar(db, "select sqrt(9)"));
            assertEquals("3.14159", scalar(db, "select round(pi(), 5)"));
            assertEquals("10.0", scalar(db, "select log10(1e10)"));
            assertEquals("R163", scalar(db, "select soundex('Robert')"));
            assertEquals("2.5", scalar(db, "select median(x) from (select 1 x union all select 2 union all select 3 union all select 4)"));
        }
    }

    @Test
    void sessionChangesetReplaysOnAnotherDatabase() throws Exception {
        String schema = "create table kv(k text primary key, v integer);";
        try (Database source = Database.open(":memory:"); Database target = Database.open(":memory:")) {
            source.exec(schema + "insert into kv values ('kept', 1), ('gone', 2), ('changed', 3);");
            target.exec(schema + "insert into kv values ('kept', 1), ('gone', 2), ('changed', 3);");
            byte[] changeset;
            try (Session session = source.createSession("main")) {
                source.exec("insert into kv values ('new', 4); delete from kv where k = 'gone';"
                        + "update kv set v = 30 where k = 'changed';");
                changeset = session.changeset();
            }
            assertTrue(changeset.length > 0);
            target.applyChangeset(changeset, ConflictAction.ABORT);
            assertEquals(column(source, "select k || '=' || v from kv order by k"),
                    column(target, "select k || '=' || v from kv order by k"));
            assertEquals(List.of("changed=30", "kept=1", "new=4"), column(target, "select k || '=' || v from kv order by k"));
        }
    }

    @Test
    void localtimeFollowsTheJvmTimeZone() throws Exception {
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Kolkata"));
        try (Database db = Database.open(":memory:")) {
            assertEquals("1970-01-01 05:30:00", scalar(db, "select datetime(0, 'unixepoch', 'localtime')"));
            assertEquals("1970-01-01 00:00:00", scalar(db, "select datetime('1970-01-01 05:30:00', 'utc')"));
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }
}
