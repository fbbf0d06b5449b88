package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.ValueType;
import java.sql.Types;
import java.util.Locale;

/** JDBC types for SQLite columns: from the declared type when there is one, else from the value. */
final class ColumnTypes {
    private ColumnTypes() {
    }

    /** The java.sql.Types constant for a declared column type (SQLite's affinity rules, refined). */
    static int fromDeclared(String declared) {
        String type = declared.toUpperCase(Locale.ROOT).trim();
        if (type.startsWith("BOOL")) {
            return Types.BOOLEAN;
        }
        if (type.startsWith("TINYINT")) {
            return Types.TINYINT;
        }
        if (type.startsWith("SMALLINT")) {
            return Types.SMALLINT;
        }
        if (type.startsWith("BIGINT")) {
            return Types.BIGINT;
        }
        if (type.contains("INT")) {
            return Types.INTEGER;
        }
        if (type.startsWith("DATETIME") || type.startsWith("TIMESTAMP")) {
            return Types.TIMESTAMP;
        }
        if (type.startsWith("DATE")) {
            return Types.DATE;
        }
        if (type.startsWith("TIME")) {
            return Types.TIME;
        }
        if (type.contains("CLOB")) {
            return Types.CLOB;
        }
        if (type.startsWith("CHAR") || type.startsWith("NCHAR") || type.startsWith("CHARACTER")
                && !type.contains("VARYING")) {
            return Types.CHAR;
        }
        if (type.contains("CHAR") || type.contains("TEXT") || type.contains("STRING")) {
            return Types.VARCHAR;
        }
        if (type.contains("BLOB") || type.contains("BINARY") || type.isEmpty()) {
            return Types.BLOB;
        }
        if (type.startsWith("DOUBLE")) {
            return Types.DOUBLE;
        }
        if (type.startsWith("FLOAT")) {
            return Types.FLOAT;
        }
        if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
            return Types.REAL;
        }
        if (type.startsWith("DECIMAL")) {
            return Types.DECIMAL;
        }
        return Types.NUMERIC;
    }

    /** The java.sql.Types constant for a value of an undeclared column (an expression). */
    static int fromValue(ValueType value) {
        switch (value) {
            case INTEGER:
                return Types.INTEGER;
            case FLOAT:
                return Types.REAL;
            case TEXT:
                return Types.VARCHAR;
            case BLOB:
                return Types.BLOB;
            default:
                return Types.NULL;
        }
    }

    /** SQLite's name for a storage class. */
    static String name(ValueType value) {
        switch (value) {
            case INTEGER:
                return "INTEGER";
            case FLOAT:
                return "REAL";
            case TEXT:
                return "TEXT";
            case BLOB:
                return "BLOB";
            default:
                return "NULL";
        }
    }

    /** The class {@link java.sql.ResultSet#getObject(int)} returns for values of this type. */
    static String className(int jdbcType) {
        switch (jdbcType) {
            case Types.BOOLEAN:
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
                return Integer.class.getName();
            case Types.BIGINT:
                return Long.class.getName();
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return Double.class.getName();
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.CLOB:
            case Types.DATE:
            case Types.TIME:
            case Types.TIMESTAMP:
                return String.class.getName();
            case Types.BLOB:
                return byte[].class.getName();
            case Types.NULL:
                return Object.class.getName();
            default:
                return Number.class.getName();
        }
    }

    /** Precision from a declared type such as {@code VARCHAR(40)} or {@code DECIMAL(10,2)}; 0 if none. */
    static int precision(String declared) {
        int[] sizes = sizes(declared);
        return sizes.length > 0 ? sizes[0] : 0;
    }

    static int scale(String declared) {
        int[] sizes = sizes(declared);
        return sizes.length > 1 ? sizes[1] : 0;
    }

    private static int[] sizes(String declared) {
        if (declared == null) {
            return new int[0];
        }
        int open = declared.indexOf('(');
        int close = declared.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return new int[0];
        }
        String[] parts = declared.substring(open + 1, close).split(",");
        int[] sizes = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                sizes[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            return new int[0];
        }
        return sizes;
    }
}
