package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.ValueType;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Rows held in memory: database metadata, generated keys. Values are null, Long, Double, String
 * or byte[]; they convert the way SQLite converts.
 */
final class ListResultSet extends BaseResultSet {
    private final String[] labels;
    private final List<Object[]> rows;
    private final Statement statement;
    private int index = -1;

    ListResultSet(String[] labels, List<Object[]> rows, DateCodec dates, Statement statement) {
        super(dates);
        this.labels = labels;
        this.rows = rows;
        this.statement = statement;
    }

    /** Normalises a Java value into one of the five forms a row holds. */
    static Object value(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1L : 0L;
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        return value;
    }

    @Override
    int columnCount() {
        return labels.length;
    }

    @Override
    String columnLabel(int column) {
        return labels[column];
    }

    @Override
    boolean advance() {
        if (index + 1 >= rows.size()) {
            index = rows.size();
            return false;
        }
        index++;
        return true;
    }

    private Object at(int column) {
        return rows.get(index)[column];
    }

    @Override
    ValueType typeOf(int column) {
        Object value = at(column);
        if (value == null) {
            return ValueType.NULL;
        }
        if (value instanceof Long) {
            return ValueType.INTEGER;
        }
        if (value instanceof Double) {
            return ValueType.FLOAT;
        }
        return value instanceof byte[] ? ValueType.BLOB : ValueType.TEXT;
    }

    @Override
    long longOf(int column) {
        Object value = at(column);
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        String text = value instanceof byte[] ? new String((byte[]) value, StandardCharsets.UTF_8) : String.valueOf(value);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(text.trim());
            } catch (NumberFormatException notNumber) {
                return 0;
            }
        }
    }

    @Override
    double doubleOf(int column) {
        Object value = at(column);
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    String textOf(int column) {
        Object value = at(column);
        return value instanceof byte[] ? new String((byte[]) value, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    @Override
    byte[] blobOf(int column) {
        Object value = at(column);
        return value instanceof byte[] ? ((byte[]) value).clone() : textOf(column).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    void release() {
        // nothing held outside the JVM heap
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        ColumnInfo[] columns = new ColumnInfo[labels.length];
        for (int i = 0; i < labels.length; i++) {
            ValueType type = null;
            for (Object[] row : rows) { // the first non-null value tells the type
                Object value = row[i];
                if (value != null) {
                    type = value instanceof Long ? ValueType.INTEGER : value instanceof Double ? ValueType.FLOAT
                            : value instanceof byte[] ? ValueType.BLOB : ValueType.TEXT;
                    break;
                }
            }
            columns[i] = new ColumnInfo(labels[i], labels[i], null, null, null, type == null ? ValueType.TEXT : type,
                    ResultSetMetaData.columnNullableUnknown, false);
        }
        return new SqliteResultSetMetaData(columns);
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }
}
