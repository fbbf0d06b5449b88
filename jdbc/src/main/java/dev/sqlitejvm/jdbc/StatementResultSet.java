package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import dev.sqlitejvm.runtime.ValueType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * The rows of a running SQLite statement. Each getter reads one value of the current row from
 * SQLite when called; nothing is copied ahead.
 */
final class StatementResultSet extends BaseResultSet {
    private final SqliteStatement owner;
    private final Statement statement;
    private final Object lock;
    private final boolean ownsStatement;
    private final long maxRows;
    private final int columnCount;
    private boolean firstStepPending;
    private boolean firstStepHasRow;
    private long rows;
    private String[] labels;

    /**
     * @param firstRow whether the step the statement already took (when it was executed) produced a row
     * @param ownsStatement finalize the statement on close (a plain Statement's), rather than reset it
     */
    StatementResultSet(SqliteStatement owner, Statement statement, boolean firstRow, boolean ownsStatement,
                       long maxRows) throws SQLException {
        super(owner.connection.dates());
        this.owner = owner;
        this.statement = statement;
        this.lock = owner.connection.lock;
        this.ownsStatement = ownsStatement;
        this.maxRows = maxRows;
        this.firstStepPending = true;
        this.firstStepHasRow = firstRow;
        try {
            this.columnCount = statement.columnCount();
        } catch (SqliteException e) {
            throw Errors.from(e);
        }
    }

    @Override
    int columnCount() {
        return columnCount;
    }

    @Override
    String columnLabel(int column) throws SQLException {
        if (labels == null) {
            String[] names = new String[columnCount];
            synchronized (lock) {
                try {
                    for (int i = 0; i < columnCount; i++) {
                        names[i] = statement.columnName(i);
                    }
                } catch (SqliteException e) {
                    throw Errors.from(e);
                }
            }
            labels = names;
        }
        return labels[column];
    }

    @Override
    boolean advance() throws SQLException {
        if (maxRows > 0 && rows >= maxRows) {
            return false;
        }
        boolean hasRow;
        if (firstStepPending) {
            firstStepPending = false;
            hasRow = firstStepHasRow;
        } else {
            hasRow = owner.step(statement);
        }
        if (hasRow) {
            rows++;
        }
        return hasRow;
    }

    @Override
    void afterLastRow() throws SQLException {
        owner.resultSetExhausted(this);
    }

    @Override
    ValueType typeOf(int column) throws SQLException {
        synchronized (lock) {
            try {
                return statement.columnType(column);
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }

    @Override
    long longOf(int column) throws SQLException {
        synchronized (lock) {
            try {
                return statement.columnLong(column);
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }

    @Override
    double doubleOf(int column) throws SQLException {
        synchronized (lock) {
            try {
                return statement.columnDouble(column);
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }

    @Override
    String textOf(int column) throws SQLException {
        synchronized (lock) {
            try {
                String text = statement.columnText(column);
                return text == null ? "" : text;
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }

    @Override
    byte[] blobOf(int column) throws SQLException {
        synchronized (lock) {
            try {
                byte[] blob = statement.columnBlob(column);
                return blob == null ? new byte[0] : blob;
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }

    @Override
    void release() throws SQLException {
        synchronized (lock) {
            try {
                if (!statement.isClosed()) {
                    if (ownsStatement) {
                        statement.close();
                    } else {
                        statement.reset();
                    }
                }
            } catch (SqliteException e) {
                throw Errors.from(e);
            } finally {
                owner.resultSetClosed(this);
            }
        }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new SqliteResultSetMetaData(owner.describeColumns(statement, isBeforeFirst() || getRow() == 0));
    }

    @Override
    public java.sql.Statement getStatement() throws SQLException {
        checkOpen();
        return owner;
    }
}
