package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.SqliteException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A statement prepared once and run many times. Parameter values are kept in Java and bound
 * when the statement runs, so they can be set while a previous result is still being read and
 * saved for batches. Only the first SQL statement of the text is prepared, as in xerial.
 */
public class SqlitePreparedStatement extends SqliteStatement implements PreparedStatement {
    private final String sql;
    private final dev.sqlitejvm.runtime.Statement statement;
    private final int parameterCount;
    private final int columnCount;
    /** Rewritten with RETURNING to report the key columns the caller named: run as an update. */
    private final boolean returningForKeys;
    private final Object[] parameters;
    private final List<Object[]> batch = new ArrayList<>();

    SqlitePreparedStatement(SqliteConnection connection, String sql, String[] keyColumns) throws SQLException {
        super(connection);
        String prepared = SqlText.withReturning(sql, keyColumns);
        this.sql = prepared;
        this.returningForKeys = !prepared.equals(sql);
        synchronized (lock) {
            try {
                statement = prepare(prepared);
                parameterCount = statement == null ? 0 : statement.parameterCount();
                columnCount = statement == null ? 0 : statement.columnCount();
            } catch (SqliteException e) {
                connection.forget(this);
                throw Errors.from(e);
            } catch (SQLException | RuntimeException e) {
                connection.forget(this);
                throw e;
            }
        }
        parameters = new Object[parameterCount];
    }

    // ---- execution ----

    private void bindAll(Object[] values) throws SQLException {
        try {
            statement.reset();
            for (int i = 0; i < values.length; i++) {
                ParameterValues.bind(statement, i + 1, values[i]);
            }
        } catch (SqliteException e) {
            throw Errors.from(e);
        }
    }

    @Override
    public boolean execute() throws SQLException {
        synchronized (lock) {
            startExecution();
            if (statement == null) {
                return false;
            }
            bindAll(parameters);
            if (columnCount > 0 && !returningForKeys) {
                withTimeout(() -> openResultSet(statement, false));
                return true;
            }
            addUpdateCount(withTimeout(() -> runUpdate(statement, sql)));
            return false;
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        synchronized (lock) {
            if (!execute()) {
                throw new SQLException("query does not return ResultSet", "SQLITE_DONE", 101);
            }
            return getResultSet();
        }
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        synchronized (lock) {
            startExecution();
            if (statement == null) {
                return 0;
            }
            bindAll(parameters);
            long count = withTimeout(() -> runUpdate(statement, sql));
            addUpdateCount(count);
            return count;
        }
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(parameters.clone());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        synchronized (lock) {
            startExecution();
            long[] counts = new long[batch.size()];
            try {
                for (int i = 0; i < counts.length; i++) {
                    try {
                        bindAll(batch.get(i));
                        counts[i] = withTimeout(() -> runUpdate(statement, sql));
                    } catch (SQLException e) {
                        throw batchFailure(e, Arrays.copyOf(counts, i));
                    }
                }
                if (statement != null) {
                    statement.reset();
                }
                return counts;
            } catch (SqliteException e) {
                throw Errors.from(e);
            } finally {
                batch.clear();
            }
        }
    }

    private static SQLException notOnPrepared() {
        return new SQLException("not allowed on a PreparedStatement: use the methods without SQL text");
    }

    @Override
    public boolean execute(String text) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public ResultSet executeQuery(String text) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public long executeLargeUpdate(String text) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public void addBatch(String text) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    void closeOwnResources() throws SQLException {
        if (statement != null) {
            closeQuietly(statement);
        }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (statement == null) {
            return new SqliteResultSetMetaData(new ColumnInfo[0]);
        }
        return new SqliteResultSetMetaData(describeColumns(statement, true));
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new SqliteParameterMetaData(parameters.clone());
    }

    // ---- parameters ----

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > parameterCount) {
            throw new SQLException("Index " + index + " out of bounds [1," + parameterCount + "]",
                    null, 25); // SQLITE_RANGE, as SQLite itself would report it
        }
        parameters[index - 1] = value;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(parameters, null);
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, null);
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        set(index, null);
    }

    @Override
    public void setBoolean(int index, boolean value) throws SQLException {
        set(index, value ? 1L : 0L);
    }

    @Override
    public void setByte(int index, byte value) throws SQLException {
        set(index, (long) value);
    }

    @Override
    public void setShort(int index, short value) throws SQLException {
        set(index, (long) value);
    }

    @Override
    public void setInt(int index, int value) throws SQLException {
        set(index, (long) value);
    }

    @Override
    public void setLong(int index, long value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setFloat(int index, float value) throws SQLException {
        set(index, (double) value);
    }

    @Override
    public void setDouble(int index, double value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal value) throws SQLException {
        set(index, value == null ? null : value.toPlainString());
    }

    @Override
    public void setString(int index, String value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setNString(int index, String value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setBytes(int index, byte[] value) throws SQLException {
        set(index, value);
    }

    @Override
    public void setDate(int index, Date value) throws SQLException {
        setDate(index, value, null);
    }

    @Override
    public void setDate(int index, Date value, Calendar calendar) throws SQLException {
        set(index, value == null ? null : connection.dates().encode(value.getTime(), calendar));
    }

    @Override
    public void setTime(int index, Time value) throws SQLException {
        setTime(index, value, null);
    }

    @Override
    public void setTime(int index, Time value, Calendar calendar) throws SQLException {
        set(index, value == null ? null : connection.dates().encode(value.getTime(), calendar));
    }

    @Override
    public void setTimestamp(int index, Timestamp value) throws SQLException {
        setTimestamp(index, value, null);
    }

    @Override
    public void setTimestamp(int index, Timestamp value, Calendar calendar) throws SQLException {
        set(index, value == null ? null : connection.dates().encode(value.getTime(), calendar));
    }

    @Override
    public void setObject(int index, Object value) throws SQLException {
        set(index, ParameterValues.fromObject(value, connection.dates()));
    }

    @Override
    public void setObject(int index, Object value, int targetSqlType) throws SQLException {
        set(index, ParameterValues.fromObject(value, targetSqlType, connection.dates()));
    }

    @Override
    public void setObject(int index, Object value, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, value, targetSqlType);
    }

    @Override
    public void setObject(int index, Object value, SQLType targetSqlType) throws SQLException {
        Integer vendor = targetSqlType == null ? null : targetSqlType.getVendorTypeNumber();
        setObject(index, value, vendor == null ? java.sql.Types.OTHER : vendor);
    }

    @Override
    public void setObject(int index, Object value, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, value, targetSqlType);
    }

    @Override
    public void setAsciiStream(int index, InputStream value, int length) throws SQLException {
        set(index, ParameterValues.readText(value, length, StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int index, InputStream value, long length) throws SQLException {
        set(index, ParameterValues.readText(value, length, StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int index, InputStream value) throws SQLException {
        set(index, ParameterValues.readText(value, -1, StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int index, InputStream value, int length) throws SQLException {
        set(index, ParameterValues.readText(value, length, StandardCharsets.UTF_8));
    }

    @Override
    public void setBinaryStream(int index, InputStream value, int length) throws SQLException {
        set(index, ParameterValues.readBytes(value, length));
    }

    @Override
    public void setBinaryStream(int index, InputStream value, long length) throws SQLException {
        set(index, ParameterValues.readBytes(value, length));
    }

    @Override
    public void setBinaryStream(int index, InputStream value) throws SQLException {
        set(index, ParameterValues.readBytes(value, -1));
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        set(index, ParameterValues.readText(reader, length));
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        set(index, ParameterValues.readText(reader, length));
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        set(index, ParameterValues.readText(reader, -1));
    }

    @Override
    public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
        set(index, ParameterValues.readText(value, length));
    }

    @Override
    public void setNCharacterStream(int index, Reader value) throws SQLException {
        set(index, ParameterValues.readText(value, -1));
    }

    @Override
    public void setBlob(int index, Blob value) throws SQLException {
        set(index, ParameterValues.fromObject(value, connection.dates()));
    }

    @Override
    public void setBlob(int index, InputStream value, long length) throws SQLException {
        set(index, ParameterValues.readBytes(value, length));
    }

    @Override
    public void setBlob(int index, InputStream value) throws SQLException {
        set(index, ParameterValues.readBytes(value, -1));
    }

    @Override
    public void setClob(int index, Clob value) throws SQLException {
        set(index, ParameterValues.fromObject(value, connection.dates()));
    }

    @Override
    public void setClob(int index, Reader reader, long length) throws SQLException {
        set(index, ParameterValues.readText(reader, length));
    }

    @Override
    public void setClob(int index, Reader reader) throws SQLException {
        set(index, ParameterValues.readText(reader, -1));
    }

    @Override
    public void setNClob(int index, NClob value) throws SQLException {
        setClob(index, value);
    }

    @Override
    public void setNClob(int index, Reader reader, long length) throws SQLException {
        setClob(index, reader, length);
    }

    @Override
    public void setNClob(int index, Reader reader) throws SQLException {
        setClob(index, reader);
    }

    @Override
    public void setURL(int index, URL value) throws SQLException {
        set(index, value == null ? null : value.toString());
    }

    /** A BLOB of {@code length} zero bytes, for filling later with incremental blob I/O. */
    public void setZeroBlob(int index, long length) throws SQLException {
        set(index, new ZeroBlob(length));
    }

    @Override
    public void setRef(int index, Ref value) throws SQLException {
        throw Errors.unsupported("Ref");
    }

    @Override
    public void setArray(int index, Array value) throws SQLException {
        throw Errors.unsupported("Array");
    }

    @Override
    public void setRowId(int index, RowId value) throws SQLException {
        throw Errors.unsupported("RowId");
    }

    @Override
    public void setSQLXML(int index, SQLXML value) throws SQLException {
        throw Errors.unsupported("SQLXML");
    }
}
