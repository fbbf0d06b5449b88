package dev.sqlitejvm.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/** Result column metadata; column types come from each column's declared type. */
final class SqliteResultSetMetaData implements ResultSetMetaData, SelfWrapper {
    private final ColumnInfo[] columns;

    SqliteResultSetMetaData(ColumnInfo[] columns) {
        this.columns = columns;
    }

    private ColumnInfo column(int index) throws SQLException {
        if (index < 1 || index > columns.length) {
            throw new SQLException("column " + index + " out of bounds [1," + columns.length + "]");
        }
        return columns[index - 1];
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        return column(column).autoIncrement;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        int type = getColumnType(column);
        return type == Types.VARCHAR || type == Types.CHAR || type == Types.CLOB;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return column(column).nullable;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        switch (getColumnType(column)) {
            case Types.TINYINT: case Types.SMALLINT: case Types.INTEGER: case Types.BIGINT:
            case Types.REAL: case Types.FLOAT: case Types.DOUBLE: case Types.NUMERIC: case Types.DECIMAL:
                return true;
            default:
                return false;
        }
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        int precision = getPrecision(column);
        return precision > 0 ? precision : Integer.MAX_VALUE;
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).label;
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        ColumnInfo info = column(column);
        return info.name != null ? info.name : info.label;
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return ColumnTypes.precision(column(column).declaredType);
    }

    @Override
    public int getScale(int column) throws SQLException {
        return ColumnTypes.scale(column(column).declaredType);
    }

    @Override
    public String getTableName(int column) throws SQLException {
        String table = column(column).table;
        return table == null ? "" : table;
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        String schema = column(column).schema;
        return schema == null ? "" : schema;
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return column(column).jdbcType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return column(column).typeName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return column(column).table != null;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return ColumnTypes.className(getColumnType(column));
    }
}
