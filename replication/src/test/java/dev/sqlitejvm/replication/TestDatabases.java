package dev.sqlitejvm.replication;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import dev.sqlitejvm.runtime.ValueType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers for comparing databases in tests. */
final class TestDatabases {
    private TestDatabases() {
    }

    static List<String> tables(Database db) throws SqliteException {
        List<String> names = new ArrayList<>();
        try (Statement st = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (st.step()) {
                names.add(st.columnText(0));
            }
        }
        return names;
    }

    /** Table name -> row count and SHA-256 of every row (rowid order), plus the schema. */
    static Map<String, String> contents(Database db) throws Exception {
        Map<String, String> result = new TreeMap<>();
        db.exec("BEGIN");
        try {
            try (Statement st = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name")) {
                StringBuilder schema = new StringBuilder();
                while (st.step()) {
                    schema.append(st.columnText(0)).append('|').append(st.columnText(1)).append('|')
                            .append(st.columnText(2)).append('|').append(st.columnText(3)).append('\n');
                }
                result.put("(schema)", schema.toString());
            }
            for (String table : tables(db)) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long rows = 0;
                try (Statement st = db.prepare("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
                    while (st.step()) {
                        rows++;
                        for (int c = 0; c < st.columnCount(); c++) {
                            ValueType type = st.columnType(c);
                            digest.update((byte) type.ordinal());
                            byte[] value = switch (type) {
                                case NULL -> new byte[0];
                                case INTEGER -> Long.toString(st.columnLong(c)).getBytes(StandardCharsets.UTF_8);
                                case FLOAT -> Double.toString(st.columnDouble(c)).getBytes(StandardCharsets.UTF_8);
                                case TEXT -> st.columnText(c).getBytes(StandardCharsets.UTF_8);
                                default -> st.columnBlob(c);
                            };
                            digest.update(Integer.toString(value == null ? 0 : value.length).getBytes(StandardCharsets.UTF_8));
                            if (value != null) {
                                digest.update(value);
                            }
                        }
                    }
                }
                result.put(table, rows + " rows " + HexFormat.of().formatHex(digest.digest()));
            }
        } finally {
            db.exec("COMMIT");
        }
        return result;
    }

    static String integrity(Database db) throws SqliteException {
        return Pages.queryText(db, "PRAGMA integrity_check");
    }
}
