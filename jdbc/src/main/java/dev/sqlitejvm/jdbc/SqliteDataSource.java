package dev.sqlitejvm.jdbc;

import java.io.PrintWriter;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource for a {@code jdbc:sqlite:} URL and connection properties (the same names as in
 * the URL: {@code journal_mode}, {@code busy_timeout}...). User name and password are ignored:
 * SQLite has no users.
 */
public class SqliteDataSource implements DataSource, Serializable, SelfWrapper {
    private static final long serialVersionUID = 1L;

    private String url = JdbcUrl.PREFIX + ":memory:";
    private final Properties properties = new Properties();
    private transient PrintWriter logWriter;
    private int loginTimeout;

    public SqliteDataSource() {
    }

    public SqliteDataSource(String url) {
        setUrl(url);
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    /** Sets a connection property by its xerial name, such as {@code foreign_keys} or {@code journal_mode}. */
    public void setProperty(String name, String value) {
        properties.setProperty(name, value);
    }

    public String getProperty(String name) {
        return properties.getProperty(name);
    }

    public void setJournalMode(String mode) {
        setProperty(ConnectionProperty.JOURNAL_MODE.propertyName(), mode);
    }

    public void setBusyTimeout(int millis) {
        setProperty(ConnectionProperty.BUSY_TIMEOUT.propertyName(), Integer.toString(millis));
    }

    public void setEnforceForeignKeys(boolean enforce) {
        setProperty(ConnectionProperty.FOREIGN_KEYS.propertyName(), Boolean.toString(enforce));
    }

    public void setTransactionMode(String mode) {
        setProperty(ConnectionProperty.TRANSACTION_MODE.propertyName(), mode);
    }

    public void setSynchronous(String mode) {
        setProperty(ConnectionProperty.SYNCHRONOUS.propertyName(), mode);
    }

    Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return SqliteConnection.open(JdbcUrl.parse(url, properties()));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }
}
