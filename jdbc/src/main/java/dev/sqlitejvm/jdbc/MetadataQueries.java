package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.ColumnMetadata;
import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import dev.sqlitejvm.runtime.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs the schema queries behind {@link SqliteDatabaseMetaData}, under the connection's lock. */
final class MetadataQueries {
    private final SqliteConnection connection;

    MetadataQueries(SqliteConnection connection) {
        this.connection = connection;
    }

    /** Every row of a query with text parameters, as Long/Double/String/byte[]/null values. */
    List<Object[]> rows(String sql, String... parameters) throws SQLException {
        synchronized (connection.lock) {
            connection.checkOpen();
            Database database = connection.database();
            try (Statement statement = database.prepare(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.bindText(i + 1, parameters[i]);
                }
                int columns = statement.columnCount();
                List<Object[]> rows = new ArrayList<>();
                while (statement.step()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        switch (statement.columnType(c)) {
                            case INTEGER:
                                row[c] = statement.columnLong(c);
                                break;
                            case FLOAT:
                                row[c] = statement.columnDouble(c);
                                break;
                            case NULL:
                                row[c] = null;
                                break;
                            case BLOB:
                                row[c] = statement.columnBlob(c);
                                break;
                            default:
                                row[c] = statement.columnText(c);
                        }
                    }
                    rows.add(row);
                }
                return rows;
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }

    /** Tables and views whose name matches a JDBC pattern: rows of (name, type, sql). */
    List<Object[]> tables(String namePattern) throws SQLException {
        return rows("SELECT name, type, sql FROM sqlite_schema WHERE type IN ('table', 'view') "
                + "AND name LIKE ? ESCAPE '\\' ORDER BY name", pattern(namePattern));
    }

    ColumnMetadata column(String table, String column) throws SQLException {
        synchronized (connection.lock) {
            try {
                return connection.database().columnMetadata("main", table, column);
            } catch (SqliteException e) {
                throw Errors.from(e);
            }
        }
    }

    static String pattern(String jdbcPattern) {
        return jdbcPattern == null || jdbcPattern.isEmpty() ? "%" : jdbcPattern;
    }

    /** A table name used as a LIKE pattern that matches only itself. */
    static String exact(String name) {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
