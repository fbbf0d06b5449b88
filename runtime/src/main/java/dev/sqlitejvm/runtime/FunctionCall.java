package dev.sqlitejvm.runtime;

import java.nio.charset.StandardCharsets;

/**
 * One call of a user-defined SQL function: its arguments (indexes from 0), read from SQLite when
 * asked for, and its result, handed to SQLite when set. Valid only during the call.
 */
public final class FunctionCall {
    private static final int SQLITE_TRANSIENT = -1;

    private final WasmSqlite sqlite;
    private final int context;
    private final int argc;
    private final int argv;

    FunctionCall(WasmSqlite sqlite, int context, int argc, int argv) {
        this.sqlite = sqlite;
        this.context = context;
        this.argc = argc;
        this.argv = argv;
    }

    public int argCount() {
        return argc;
    }

    private int value(int index) {
        if (index < 0 || index >= argc) {
            throw new IndexOutOfBoundsException("argument " + index + " of " + argc);
        }
        return sqlite.memory().readInt(argv + 4 * index);
    }

    public ValueType argType(int index) throws SqliteException {
        return ValueType.of(sqlite.callInt(sqlite.fn.valueType, value(index)));
    }

    public long argLong(int index) throws SqliteException {
        return sqlite.call(sqlite.fn.valueInt64, value(index));
    }

    public double argDouble(int index) throws SqliteException {
        return Double.longBitsToDouble(sqlite.call(sqlite.fn.valueDouble, value(index)));
    }

    /** The argument as text; {@code null} for SQL NULL. */
    public String argText(int index) throws SqliteException {
        int value = value(index);
        int text = sqlite.callInt(sqlite.fn.valueText, value);
        if (text == 0) {
            return null;
        }
        return sqlite.readUtf8(text, sqlite.callInt(sqlite.fn.valueBytes, value));
    }

    /** The argument as a blob; {@code null} for SQL NULL. */
    public byte[] argBlob(int index) throws SqliteException {
        int value = value(index);
        int data = sqlite.callInt(sqlite.fn.valueBlob, value);
        int length = sqlite.callInt(sqlite.fn.valueBytes, value);
        if (data == 0) {
            return argType(index) == ValueType.NULL ? null : new byte[0];
        }
        return sqlite.memory().readBytes(data, length);
    }

    public void resultNull() throws SqliteException {
        sqlite.call(sqlite.fn.resultNull, context);
    }

    public void resultLong(long value) throws SqliteException {
        sqlite.call(sqlite.fn.resultInt64, context, value);
    }

    public void resultDouble(double value) throws SqliteException {
        sqlite.call(sqlite.fn.resultDouble, context, Double.doubleToRawLongBits(value));
    }

    /** Sets a text result; {@code null} sets SQL NULL. */
    public void resultText(String value) throws SqliteException {
        if (value == null) {
            resultNull();
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int data = sqlite.scratch(utf8.length);
        try {
            sqlite.memory().write(data, utf8, 0, utf8.length);
            sqlite.call(sqlite.fn.resultText, context, data, utf8.length, SQLITE_TRANSIENT);
        } finally {
            sqlite.release(data);
        }
    }

    /** Sets a blob result; {@code null} sets SQL NULL. */
    public void resultBlob(byte[] value) throws SqliteException {
        if (value == null) {
            resultNull();
            return;
        }
        int data = sqlite.scratch(value.length);
        try {
            sqlite.memory().write(data, value, 0, value.length);
            sqlite.call(sqlite.fn.resultBlob64, context, data, value.length, SQLITE_TRANSIENT);
        } finally {
            sqlite.release(data);
        }
    }

    public void resultZeroBlob(long length) throws SqliteException {
        sqlite.call(sqlite.fn.resultZeroblob64, context, length);
    }

    /** Makes the call fail with SQLITE_ERROR and this message. */
    public void resultError(String message) throws SqliteException {
        resultError(sqlite, context, message);
    }

    static void resultError(WasmSqlite sqlite, int context, String message) throws SqliteException {
        byte[] utf8 = String.valueOf(message).getBytes(StandardCharsets.UTF_8);
        int data = sqlite.scratch(utf8.length);
        try {
            sqlite.memory().write(data, utf8, 0, utf8.length);
            sqlite.call(sqlite.fn.resultError, context, data, utf8.length);
        } finally {
            sqlite.release(data);
        }
    }
}
