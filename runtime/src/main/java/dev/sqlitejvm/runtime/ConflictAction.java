package dev.sqlitejvm.runtime;

/** What {@link Database#applyChangeset} does on a conflict (SQLITE_CHANGESET_OMIT/REPLACE/ABORT). */
public enum ConflictAction {
    OMIT(0),
    REPLACE(1),
    ABORT(2);

    private final int code;

    ConflictAction(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
