package dev.sqlitejvm.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Parameter metadata. SQLite parameters have no declared type; each reports the type of the
 * value currently set (VARCHAR when none is), and every parameter is a nullable IN parameter.
 */
final class SqliteParameterMetaData implements ParameterMetaData, SelfWrapper {
    private final Object[] values;

    SqliteParameterMetaData(Object[] values) {
        this.values = values;
    }

    private Object value(int param) throws SQLException {
        if (param < 1 || param > values.length) {
            throw new SQLException("parameter " + param + " out of bounds [1," + values.length + "]");
        }
        return values[param - 1];
    }

    @Override
    public int getParameterCount() {
        return values.length;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        value(param);
        return parameterNullable;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        Object value = value(param);
        return value instanceof Long || value instanceof Double;
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        value(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        value(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        Object value = value(param);
        if (value instanceof Long) {
            return Types.BIGINT;
        }
        if (value instanceof Double) {
            return Types.DOUBLE;
        }
        if (value instanceof byte[] || value instanceof ZeroBlob) {
            return Types.BLOB;
        }
        return Types.VARCHAR;
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        switch (getParameterType(param)) {
            case Types.BIGINT:
                return "INTEGER";
            case Types.DOUBLE:
                return "REAL";
            case Types.BLOB:
                return "BLOB";
            default:
                return "TEXT";
        }
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return ColumnTypes.className(getParameterType(param));
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        value(param);
        return parameterModeIn;
    }
}
