package dev.sqlitejvm.bench;

/**
 * Workload sizes. {@code full} is go-sqlite-bench's sizes; {@code reduced} (the default, what
 * RESULTS.md shows) scales the big ones down so that the whole suite fits in 20 minutes on 2 cores;
 * {@code smoke} only checks that every benchmark still runs.
 */
public enum Scale {
    //      simple    real complex many large  conc.     table   batch fts    json
    SMOKE(  200,      2,   1,      10,  2,     200,      200,    10,   200,   200),
    REDUCED(50_000,   10,  5,      100, 100,   50_000,   20_000, 1000, 5_000,  5_000),
    FULL(   1_000_000, 100, 200,   1000, 10_000, 1_000_000, 100_000, 1000, 10_000, 10_000);

    /** simple: users inserted in one transaction, then read back. */
    public final int simpleUsers;
    /** real: users, each with 20 articles of 20 comments, one transaction per user. */
    public final int realUsers;
    /** complex: users, each with 100 articles of 20 comments, three transactions. */
    public final int complexUsers;
    /** many: rows in the table that is read whole 1000 times. */
    public final int manyRows;
    /** large: rows of 200,000 bytes each. */
    public final int largeRows;
    /** concurrent: rows read whole by each of the 8 readers. */
    public final int concurrentRows;
    /** point select, scan, GROUP BY: rows in the users table. */
    public final int tableRows;
    /** batch insert: rows per batch (one transaction). */
    public final int batchRows;
    /** FTS5: documents indexed. */
    public final int ftsDocs;
    /** JSON: documents stored. */
    public final int jsonDocs;

    Scale(int simpleUsers, int realUsers, int complexUsers, int manyRows, int largeRows,
            int concurrentRows, int tableRows, int batchRows, int ftsDocs, int jsonDocs) {
        this.simpleUsers = simpleUsers;
        this.realUsers = realUsers;
        this.complexUsers = complexUsers;
        this.manyRows = manyRows;
        this.largeRows = largeRows;
        this.concurrentRows = concurrentRows;
        this.tableRows = tableRows;
        this.batchRows = batchRows;
        this.ftsDocs = ftsDocs;
        this.jsonDocs = jsonDocs;
    }

    /** How many small queries "many" runs, and how many readers "concurrent" starts. */
    public int manyQueries() {
        return this == SMOKE ? 10 : 1000;
    }

    public static final int LARGE_ROW_BYTES = 200_000;
    public static final int CONCURRENT_READERS = 8;

    public static Scale of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
