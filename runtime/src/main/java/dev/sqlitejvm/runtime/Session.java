package dev.sqlitejvm.runtime;

/** A SQLite session: records the changes made through its connection, as a changeset. */
public final class Session implements AutoCloseable {
    private final Database database;
    private int session;

    Session(Database database, int session) {
        this.database = database;
        this.session = session;
    }

    /** The changes recorded so far, in SQLite's changeset format. */
    public byte[] changeset() throws SqliteException {
        database.checkOpen();
        WasmSqlite sqlite = database.sqlite;
        int data = sqlite.callInt(sqlite.fn.sessionChangeset, session);
        int rc = sqlite.callInt(sqlite.fn.lastRc);
        long size = sqlite.call(sqlite.fn.lastSize);
        try {
            database.check(rc);
            return data == 0 ? new byte[0] : sqlite.memory().readBytes(data, (int) size);
        } finally {
            sqlite.call(sqlite.fn.sqliteFree, data);
        }
    }

    @Override
    public void close() throws SqliteException {
        if (session != 0 && !database.isClosed()) {
            database.sqlite.call(database.sqlite.fn.sessionDelete, session);
        }
        session = 0;
    }
}
