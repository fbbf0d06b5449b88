package dev.sqlitejvm.runtime;

/** SQLite's fundamental datatypes; {@link #code()} is SQLite's SQLITE_INTEGER..SQLITE_NULL. */
public enum ValueType {
    INTEGER(1),
    FLOAT(2),
    TEXT(3),
    BLOB(4),
    NULL(5);

    private static final ValueType[] BY_CODE = {null, INTEGER, FLOAT, TEXT, BLOB, NULL};
    private final int code;

    ValueType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ValueType of(int code) {
        return BY_CODE[code];
    }
}
