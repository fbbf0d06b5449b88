package org.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A user-defined collating sequence in xerial's style: subclass, implement {@link #xCompare}, and
 * register with {@link #create}; SQL then uses it as {@code COLLATE name}.
 */
public abstract class Collation {
    public static void create(Connection conn, String name, Collation f) throws SQLException {
        if (name == null || name.length() > 255) {
            throw new SQLException("invalid collation name: '" + name + "'");
        }
        if (f == null) {
            throw new SQLException("collation is null");
        }
        SQLiteConnection.of(conn).extensions().createCollation(name, f::xCompare);
    }

    public static void destroy(Connection conn, String name) throws SQLException {
        SQLiteConnection.of(conn).extensions().createCollation(name, null);
    }

    /** Negative, zero or positive as {@code str1} sorts before, equal to or after {@code str2}. */
    protected abstract int xCompare(String str1, String str2);
}
