package org.sqlite;

import dev.sqlitejvm.jdbc.SqliteDriver;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * xerial's driver class name, {@code org.sqlite.JDBC}: what Spring Boot, Flyway, Liquibase and
 * jOOQ load for a {@code jdbc:sqlite:} URL. It registers itself with {@link DriverManager} and opens
 * connections through the sqlite-jvm driver; the connections are {@link SQLiteConnection}s.
 */
public class JDBC implements Driver {
    public static final String PREFIX = "jdbc:sqlite:";

    private static final SqliteDriver DRIVER = new SqliteDriver();

    static {
        try {
            DriverManager.registerDriver(new JDBC());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public int getMajorVersion() {
        return DRIVER.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return DRIVER.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public boolean acceptsURL(String url) {
        return isValidURL(url);
    }

    /** Whether {@code url} starts with {@code jdbc:sqlite:} (case-insensitive). */
    public static boolean isValidURL(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return DRIVER.getPropertyInfo(url, info);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return createConnection(url, info);
    }

    /** The part of the URL after {@code jdbc:sqlite:}. */
    static String extractAddress(String url) {
        return url.substring(PREFIX.length());
    }

    /** Opens a connection, or returns {@code null} if {@code url} is not a {@code jdbc:sqlite:} URL. */
    public static SQLiteConnection createConnection(String url, Properties prop) throws SQLException {
        if (!isValidURL(url)) {
            return null;
        }
        Connection connection = DRIVER.connect(url.trim(), prop);
        return SQLiteConnection.of(connection);
    }
}
