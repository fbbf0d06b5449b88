package dev.sqlitejvm.runtime;

/** An open BLOB for incremental I/O: read and write parts of one value without loading it whole. */
public final class Blob implements AutoCloseable {
    private final Database database;
    private final WasmSqlite sqlite;
    private int blob;

    Blob(Database database, int blob) {
        this.database = database;
        this.sqlite = database.sqlite;
        this.blob = blob;
    }

    public int size() throws SqliteException {
        checkOpen();
        return sqlite.callInt(sqlite.fn.blobBytes, blob);
    }

    /** Reads {@code length} bytes at {@code offset} into {@code target} from {@code targetOffset}. */
    public void read(int offset, byte[] target, int targetOffset, int length) throws SqliteException {
        checkOpen();
        int buffer = sqlite.scratch(length);
        try {
            database.check(sqlite.callInt(sqlite.fn.blobRead, blob, buffer, length, offset));
            byte[] bytes = sqlite.memory().readBytes(buffer, length);
            System.arraycopy(bytes, 0, target, targetOffset, length);
        } finally {
            sqlite.release(buffer);
        }
    }

    /** Overwrites bytes at {@code offset}; a BLOB cannot grow this way. */
    public void write(int offset, byte[] source, int sourceOffset, int length) throws SqliteException {
        checkOpen();
        int buffer = sqlite.scratch(length);
        try {
            sqlite.memory().write(buffer, source, sourceOffset, length);
            database.check(sqlite.callInt(sqlite.fn.blobWrite, blob, buffer, length, offset));
        } finally {
            sqlite.release(buffer);
        }
    }

    /** Moves to the same column of another row. */
    public void reopen(long rowid) throws SqliteException {
        checkOpen();
        database.check(sqlite.callInt(sqlite.fn.blobReopen, blob, rowid));
    }

    public boolean isClosed() {
        return blob == 0;
    }

    @Override
    public void close() throws SqliteException {
        if (blob != 0 && !database.isClosed()) {
            sqlite.callInt(sqlite.fn.blobClose, blob);
        }
        blob = 0;
    }

    private void checkOpen() throws SqliteException {
        if (blob == 0) {
            throw new SqliteException(ResultCodes.MISUSE, "blob is closed");
        }
        database.checkOpen();
    }
}
