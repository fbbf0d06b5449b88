package org.sqlite;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * xerial's DataSource: a {@code jdbc:sqlite:} URL and an {@link SQLiteConfig}, with a setter for
 * each setting (the names frameworks set by reflection, such as {@code setJournalMode}).
 */
public class SQLiteDataSource implements DataSource {
    private SQLiteConfig config;
    private transient PrintWriter logger;
    private int loginTimeout = 1;
    private String url = JDBC.PREFIX;
    private String databaseName = "";

    public SQLiteDataSource() {
        this(new SQLiteConfig());
    }

    public SQLiteDataSource(SQLiteConfig config) {
        this.config = config;
    }

    public void setConfig(SQLiteConfig config) {
        this.config = config;
    }

    public SQLiteConfig getConfig() {
        return config;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setDatabaseName(String databaseName) {
        this.databaseName = databaseName;
    }

    public String getDatabaseName() {
        return databaseName;
    }

    // ---- settings, forwarded to the config ----

    public void setSharedCache(boolean enable) {
        config.setSharedCache(enable);
    }

    public void setLoadExtension(boolean enable) {
        config.enableLoadExtension(enable);
    }

    public void setReadOnly(boolean readOnly) {
        config.setReadOnly(readOnly);
    }

    public void setBusyTimeout(int milliseconds) {
        config.setBusyTimeout(milliseconds);
    }

    public void setCacheSize(int numberOfPages) {
        config.setCacheSize(numberOfPages);
    }

    public void setCaseSensitiveLike(boolean enable) {
        config.enableCaseSensitiveLike(enable);
    }

    public void setCountChanges(boolean enable) {
        config.enableCountChanges(enable);
    }

    public void setDefaultCacheSize(int numberOfPages) {
        config.setDefaultCacheSize(numberOfPages);
    }

    public void setEncoding(String encoding) {
        config.setEncoding(SQLiteConfig.Encoding.getEncoding(encoding));
    }

    public void setEnforceForeignKeys(boolean enforce) {
        config.enforceForeignKeys(enforce);
    }

    public void setFullColumnNames(boolean enable) {
        config.enableFullColumnNames(enable);
    }

    public void setFullSync(boolean enable) {
        config.enableFullSync(enable);
    }

    public void setIncrementalVacuum(int numberOfPagesToBeRemoved) {
        config.incrementalVacuum(numberOfPagesToBeRemoved);
    }

    public void setJournalMode(String mode) {
        config.setJournalMode(SQLiteConfig.JournalMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    public void setJournalSizeLimit(int limit) {
        config.setJournalSizeLimit(limit);
    }

    public void setLegacyFileFormat(boolean use) {
        config.useLegacyFileFormat(use);
    }

    public void setLegacyAlterTable(boolean flag) {
        config.setLegacyAlterTable(flag);
    }

    public void setLockingMode(String mode) {
        config.setLockingMode(SQLiteConfig.LockingMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    public void setPageSize(int numBytes) {
        config.setPageSize(numBytes);
    }

    public void setMaxPageCount(int numPages) {
        config.setMaxPageCount(numPages);
    }

    public void setReadUncommited(boolean useReadUncommitedIsolationMode) {
        config.setReadUncommited(useReadUncommitedIsolationMode);
    }

    public void setRecursiveTriggers(boolean enable) {
        config.enableRecursiveTriggers(enable);
    }

    public void setReverseUnorderedSelects(boolean enable) {
        config.enableReverseUnorderedSelects(enable);
    }

    public void setShortColumnNames(boolean enable) {
        config.enableShortColumnNames(enable);
    }

    public void setSynchronous(String mode) {
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    public void setTempStore(String storeType) {
        config.setTempStore(SQLiteConfig.TempStore.valueOf(storeType.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    public void setTempStoreDirectory(String directoryName) {
        config.setTempStoreDirectory(directoryName);
    }

    public void setTransactionMode(String transactionMode) {
        config.setTransactionMode(transactionMode);
    }

    public void setUserVersion(int version) {
        config.setUserVersion(version);
    }

    public void setGetGeneratedKeys(boolean generatedKeys) {
        config.setGetGeneratedKeys(generatedKeys);
    }

    // ---- DataSource ----

    @Override
    public SQLiteConnection getConnection() throws SQLException {
        return getConnection(null, null);
    }

    /** User name and password mean nothing to SQLite; they are passed on as properties, as xerial does. */
    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        Properties properties = config.toProperties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("pass", password);
        }
        return JDBC.createConnection(url, properties);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logger;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logger = out;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
