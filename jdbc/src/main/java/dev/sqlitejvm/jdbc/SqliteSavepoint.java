package dev.sqlitejvm.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/** A savepoint: named by the caller, or numbered by the connection. */
final class SqliteSavepoint implements Savepoint {
    private final int id;
    private final String name;

    SqliteSavepoint(int id, String name) {
        this.id = id;
        this.name = name;
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw new SQLException("a named savepoint has no id");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw new SQLException("an unnamed savepoint has no name");
        }
        return name;
    }

    /** The identifier used in SQL. */
    String sqlName() {
        return name != null ? '"' + name.replace("\"", "\"\"") + '"' : "sqlite_jvm_savepoint_" + id;
    }
}
