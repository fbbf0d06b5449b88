package dev.sqlitejvm.replication;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import java.util.ArrayList;
import java.util.List;

/** Raw page access through SQLite's {@code sqlite_dbpage}, inside the caller's transaction. */
final class Pages {
    private Pages() {
    }

    static long queryLong(Database db, String sql) throws SqliteException {
        try (Statement st = db.prepare(sql)) {
            if (!st.step()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return st.columnLong(0);
        }
    }

    static String queryText(Database db, String sql) throws SqliteException {
        try (Statement st = db.prepare(sql)) {
            return st.step() ? st.columnText(0) : null;
        }
    }

    /** Every page, read in the caller's (read or write) transaction. */
    static List<ChangeSet.Page> all(Database db, int pageSize) throws SqliteException {
        List<ChangeSet.Page> pages = new ArrayList<>();
        int lock = Checksums.lockPage(pageSize);
        try (Statement st = db.prepare("SELECT pgno, data FROM sqlite_dbpage ORDER BY pgno")) {
            while (st.step()) {
                int n = (int) st.columnLong(0);
                if (n == lock) {
                    continue;
                }
                byte[] data = st.columnBlob(1);
                pages.add(new ChangeSet.Page(n, data.length == pageSize ? data : java.util.Arrays.copyOf(data, pageSize)));
            }
        }
        return pages;
    }

    /** The page map of the whole database, in the caller's transaction. */
    static Checksums.PageMap scan(Database db) throws SqliteException {
        int pageSize = (int) queryLong(db, "PRAGMA page_size");
        int count = (int) queryLong(db, "PRAGMA page_count");
        Checksums.PageMap map = new Checksums.PageMap(pageSize);
        map.resize(count);
        for (ChangeSet.Page page : all(db, pageSize)) {
            map.set(page.number(), page.data());
        }
        return map;
    }

    static byte[] read(Statement select, int pageNumber, int pageSize) throws SqliteException {
        select.reset();
        select.bindLong(1, pageNumber);
        if (!select.step()) {
            return new byte[pageSize];
        }
        byte[] data = select.columnBlob(0);
        return data.length == pageSize ? data : java.util.Arrays.copyOf(data, pageSize);
    }

    /**
     * The checksum of a database as an independent connection sees it now (one read transaction).
     * For tests and audits: it reads every page.
     */
    static long checksumOf(Database db) throws SqliteException {
        db.exec("BEGIN");
        try {
            return scan(db).checksum();
        } finally {
            db.exec("COMMIT");
        }
    }
}
