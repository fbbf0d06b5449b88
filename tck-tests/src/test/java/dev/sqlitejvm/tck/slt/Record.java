package dev.sqlitejvm.tck.slt;

import java.util.List;

/** One record of a sqllogictest script: a statement or a query, with where it came from. */
final class Record {
    enum Kind { STATEMENT_OK, STATEMENT_ERROR, QUERY, HASH_THRESHOLD, HALT }

    enum SortMode { NOSORT, ROWSORT, VALUESORT }

    final Kind kind;
    final int line;
    final String sql;
    /** For queries: one type letter (T, I, R) per column. */
    final String types;
    final SortMode sortMode;
    /** For queries: the lines after "----": values, or one "N values hashing to H" line. */
    final List<String> expected;
    /** For HASH_THRESHOLD: the new threshold. */
    final int threshold;

    Record(Kind kind, int line, String sql, String types, SortMode sortMode, List<String> expected, int threshold) {
        this.kind = kind;
        this.line = line;
        this.sql = sql;
        this.types = types;
        this.sortMode = sortMode;
        this.expected = expected;
        this.threshold = threshold;
    }
}
