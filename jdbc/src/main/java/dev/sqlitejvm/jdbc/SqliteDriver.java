package dev.sqlitejvm.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/** The JDBC driver for {@code jdbc:sqlite:} URLs. Registers itself with {@link DriverManager}. */
public final class SqliteDriver implements Driver {
    static final int MAJOR_VERSION = 3;
    static final int MINOR_VERSION = 54;
    static final String VERSION = "3.54.1";

    static {
        try {
            DriverManager.registerDriver(new SqliteDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // JDBC: let DriverManager try the next driver
        }
        return SqliteConnection.open(JdbcUrl.parse(url, info));
    }

    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Properties given = url != null && acceptsURL(url) ? JdbcUrl.parse(url, info).properties
                : info == null ? new Properties() : info;
        ConnectionProperty[] all = ConnectionProperty.values();
        DriverPropertyInfo[] result = new DriverPropertyInfo[all.length];
        for (int i = 0; i < all.length; i++) {
            ConnectionProperty property = all[i];
            String value = given.getProperty(property.propertyName, property.defaultValue);
            DriverPropertyInfo entry = new DriverPropertyInfo(property.propertyName, value);
            entry.description = property.description;
            entry.required = false;
            entry.choices = property.choices.isEmpty() ? null : property.choices.toArray(new String[0]);
            result[i] = entry;
        }
        return result;
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** Not fully compliant: SQLite lacks parts of SQL-92 entry level that JDBC compliance requires. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }
}
