package org.sqlite;

import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * Connection settings in xerial's form: typed setters over the connection properties the driver
 * understands ({@link #toProperties()}), and {@link #createConnection(String)}.
 *
 * <p>Settings sqlite-jvm does not implement are kept in the properties and ignored by the driver:
 * the deprecated pragmas (count_changes, default_cache_size, empty_result_callbacks,
 * full_column_names, short_column_names, legacy_file_format, temp_store_directory,
 * incremental_vacuum) and SQLCipher's password/hexkey_mode. {@code shared_cache=true} and
 * {@code enable_load_extension=true} make the connection fail to open, with a message saying so.
 */
public class SQLiteConfig {
    /** xerial's default {@code date_string_format}. */
    public static final String DEFAULT_DATE_STRING_FORMAT = "yyyy-MM-dd HH:mm:ss.SSS";

    private final Properties pragmaTable;
    private int openModeFlag;
    private TransactionMode transactionMode;
    private DateClass dateClass;
    private DatePrecision datePrecision;
    private String dateStringFormat;
    private int busyTimeout;
    private boolean explicitReadOnly;
    private boolean getGeneratedKeys;

    public SQLiteConfig() {
        this(new Properties());
    }

    public SQLiteConfig(Properties prop) {
        this.pragmaTable = new Properties();
        if (prop != null) {
            for (String name : prop.stringPropertyNames()) {
                pragmaTable.setProperty(name, prop.getProperty(name));
            }
        }
        String openMode = take(Pragma.OPEN_MODE);
        openModeFlag = openMode != null ? Integer.parseInt(openMode.trim())
                : SQLiteOpenMode.READWRITE.flag | SQLiteOpenMode.CREATE.flag;
        String mode = take(Pragma.TRANSACTION_MODE);
        transactionMode = TransactionMode.getMode(mode != null ? mode : TransactionMode.DEFERRED.name());
        String dateClassName = take(Pragma.DATE_CLASS);
        dateClass = DateClass.getDateClass(dateClassName != null ? dateClassName : DateClass.INTEGER.name());
        String precision = take(Pragma.DATE_PRECISION);
        datePrecision = DatePrecision.getPrecision(precision != null ? precision : DatePrecision.MILLISECONDS.name());
        String format = take(Pragma.DATE_STRING_FORMAT);
        dateStringFormat = format != null ? format : DEFAULT_DATE_STRING_FORMAT;
        String timeout = take(Pragma.BUSY_TIMEOUT);
        busyTimeout = timeout != null ? Integer.parseInt(timeout.trim()) : 3000;
        String explicit = take(Pragma.JDBC_EXPLICIT_READONLY);
        explicitReadOnly = explicit != null && Boolean.parseBoolean(explicit.trim());
        String keys = take(Pragma.JDBC_GET_GENERATED_KEYS);
        getGeneratedKeys = keys == null || Boolean.parseBoolean(keys.trim());
    }

    /** Removes a driver setting from the pragma table, where it is kept in a typed field instead. */
    private String take(Pragma pragma) {
        String value = pragmaTable.getProperty(pragma.pragmaName);
        pragmaTable.remove(pragma.pragmaName);
        return value;
    }

    /** Opens a connection to {@code url} with these settings. */
    public SQLiteConnection createConnection(String url) throws SQLException {
        return JDBC.createConnection(url, toProperties());
    }

    /**
     * Applies the pragmas of this configuration, and its busy timeout, to an open connection.
     * Settings that only take effect when a connection opens (open mode, date handling, transaction
     * mode) are not changed.
     */
    public void apply(Connection conn) throws SQLException {
        try (Statement statement = conn.createStatement()) {
            for (Pragma pragma : Pragma.values()) {
                String value = pragmaTable.getProperty(pragma.pragmaName);
                if (value != null && pragma.sqlitePragma) {
                    statement.execute("pragma " + pragma.pragmaName + "=" + pragmaValue(pragma, value));
                }
            }
        }
        if (conn.isWrapperFor(SQLiteConnection.class)) {
            conn.unwrap(SQLiteConnection.class).setBusyTimeout(busyTimeout);
        }
    }

    private static String pragmaValue(Pragma pragma, String value) {
        if (pragma == Pragma.ENCODING) {
            return Encoding.getEncoding(value).typeName;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return "1";
            case "false":
                return "0";
            default:
                return value;
        }
    }

    /** Every setting as a connection property, under the names the driver (and xerial's) reads. */
    public Properties toProperties() {
        Properties properties = new Properties();
        properties.putAll(pragmaTable);
        properties.setProperty(Pragma.OPEN_MODE.pragmaName, Integer.toString(openModeFlag));
        properties.setProperty(Pragma.TRANSACTION_MODE.pragmaName, transactionMode.name());
        properties.setProperty(Pragma.DATE_CLASS.pragmaName, dateClass.name());
        properties.setProperty(Pragma.DATE_PRECISION.pragmaName, datePrecision.name());
        properties.setProperty(Pragma.DATE_STRING_FORMAT.pragmaName, dateStringFormat);
        properties.setProperty(Pragma.BUSY_TIMEOUT.pragmaName, Integer.toString(busyTimeout));
        properties.setProperty(Pragma.JDBC_EXPLICIT_READONLY.pragmaName, Boolean.toString(explicitReadOnly));
        properties.setProperty(Pragma.JDBC_GET_GENERATED_KEYS.pragmaName, Boolean.toString(getGeneratedKeys));
        return properties;
    }

    /** A description of every property, as {@link java.sql.Driver#getPropertyInfo} reports them. */
    public static DriverPropertyInfo[] getDriverPropertyInfo() {
        Pragma[] pragmas = Pragma.values();
        DriverPropertyInfo[] result = new DriverPropertyInfo[pragmas.length];
        for (int i = 0; i < pragmas.length; i++) {
            DriverPropertyInfo info = new DriverPropertyInfo(pragmas[i].pragmaName, null);
            info.choices = pragmas[i].choices;
            info.description = pragmas[i].description;
            info.required = false;
            result[i] = info;
        }
        return result;
    }

    // ---- generic ----

    public void setPragma(Pragma pragma, String value) {
        switch (pragma) {
            case OPEN_MODE:
                openModeFlag = Integer.parseInt(value.trim());
                break;
            case TRANSACTION_MODE:
                transactionMode = TransactionMode.getMode(value);
                break;
            case DATE_CLASS:
                dateClass = DateClass.getDateClass(value);
                break;
            case DATE_PRECISION:
                datePrecision = DatePrecision.getPrecision(value);
                break;
            case DATE_STRING_FORMAT:
                dateStringFormat = value;
                break;
            case BUSY_TIMEOUT:
                busyTimeout = Integer.parseInt(value.trim());
                break;
            case JDBC_EXPLICIT_READONLY:
                explicitReadOnly = Boolean.parseBoolean(value.trim());
                break;
            case JDBC_GET_GENERATED_KEYS:
                getGeneratedKeys = Boolean.parseBoolean(value.trim());
                break;
            default:
                pragmaTable.setProperty(pragma.pragmaName, value);
        }
    }

    private void set(Pragma pragma, boolean value) {
        setPragma(pragma, Boolean.toString(value));
    }

    private void set(Pragma pragma, int value) {
        setPragma(pragma, Integer.toString(value));
    }

    // ---- open mode ----

    public int getOpenModeFlags() {
        return openModeFlag;
    }

    public void setOpenMode(SQLiteOpenMode mode) {
        openModeFlag |= mode.flag;
    }

    public void resetOpenMode(SQLiteOpenMode mode) {
        openModeFlag &= ~mode.flag;
    }

    public void setReadOnly(boolean readOnly) {
        if (readOnly) {
            setOpenMode(SQLiteOpenMode.READONLY);
            resetOpenMode(SQLiteOpenMode.CREATE);
            resetOpenMode(SQLiteOpenMode.READWRITE);
        } else {
            setOpenMode(SQLiteOpenMode.READWRITE);
            setOpenMode(SQLiteOpenMode.CREATE);
            resetOpenMode(SQLiteOpenMode.READONLY);
        }
    }

    public void setSharedCache(boolean enable) {
        set(Pragma.SHARED_CACHE, enable);
    }

    public boolean isEnabledSharedCache() {
        return Boolean.parseBoolean(pragmaTable.getProperty(Pragma.SHARED_CACHE.pragmaName, "false"));
    }

    public void enableLoadExtension(boolean enable) {
        set(Pragma.LOAD_EXTENSION, enable);
    }

    public boolean isEnabledLoadExtension() {
        return Boolean.parseBoolean(pragmaTable.getProperty(Pragma.LOAD_EXTENSION.pragmaName, "false"));
    }

    // ---- pragmas ----

    public void setCacheSize(int numberOfPages) {
        set(Pragma.CACHE_SIZE, numberOfPages);
    }

    public void enableCaseSensitiveLike(boolean enable) {
        set(Pragma.CASE_SENSITIVE_LIKE, enable);
    }

    /** Deprecated in SQLite; kept and ignored. */
    public void enableCountChanges(boolean enable) {
        set(Pragma.COUNT_CHANGES, enable);
    }

    /** Deprecated in SQLite; kept and ignored. */
    public void setDefaultCacheSize(int numberOfPages) {
        set(Pragma.DEFAULT_CACHE_SIZE, numberOfPages);
    }

    public void deferForeignKeys(boolean enable) {
        set(Pragma.DEFER_FOREIGN_KEYS, enable);
    }

    /** Deprecated in SQLite; kept and ignored. */
    public void enableEmptyResultCallBacks(boolean enable) {
        set(Pragma.EMPTY_RESULT_CALLBACKS, enable);
    }

    public void setEncoding(Encoding encoding) {
        setPragma(Pragma.ENCODING, encoding.canonical().name());
    }

    public void enforceForeignKeys(boolean enforce) {
        set(Pragma.FOREIGN_KEYS, enforce);
    }

    /** Deprecated in SQLite; kept and ignored. */
    public void enableFullColumnNames(boolean enable) {
        set(Pragma.FULL_COLUMN_NAMES, enable);
    }

    public void enableFullSync(boolean enable) {
        set(Pragma.FULL_SYNC, enable);
    }

    /** Kept and ignored (incremental_vacuum is an action, not a setting). */
    public void incrementalVacuum(int numberOfPagesToBeRemoved) {
        set(Pragma.INCREMENTAL_VACUUM, numberOfPagesToBeRemoved);
    }

    public void setJournalMode(JournalMode mode) {
        setPragma(Pragma.JOURNAL_MODE, mode.name());
    }

    public void setJournalSizeLimit(int limit) {
        set(Pragma.JOURNAL_SIZE_LIMIT, limit);
    }

    /** Deprecated in SQLite; kept and ignored. */
    public void useLegacyFileFormat(boolean use) {
        set(Pragma.LEGACY_FILE_FORMAT, use);
    }

    public void setLegacyAlterTable(boolean flag) {
        set(Pragma.LEGACY_ALTER_TABLE, flag);
    }

    public void setLockingMode(LockingMode mode) {
        setPragma(Pragma.LOCKING_MODE, mode.name());
    }

    public void setPageSize(int numBytes) {
        set(Pragma.PAGE_SIZE, numBytes);
    }

    public void setMaxPageCount(int numPages) {
        set(Pragma.MAX_PAGE_COUNT, numPages);
    }

    public void setReadUncommited(boolean useReadUncommitedIsolationMode) {
        set(Pragma.READ_UNCOMMITTED, useReadUncommitedIsolationMode);
    }

    public void enableRecursiveTriggers(boolean enable) {
        set(Pragma.RECURSIVE_TRIGGERS, enable);
    }

    public void enableReverseUnorderedSelects(boolean enable) {
        set(Pragma.REVERSE_UNORDERED_SELECTS, enable);
    }

    /** Deprecated in SQLite; kept and ignored. */
    public void enableShortColumnNames(boolean enable) {
        set(Pragma.SHORT_COLUMN_NAMES, enable);
    }

    public void setSynchronous(SynchronousMode mode) {
        setPragma(Pragma.SYNCHRONOUS, mode.name());
    }

    /** SQLCipher only; kept and ignored. */
    public void setHexKeyMode(HexKeyMode mode) {
        setPragma(Pragma.HEXKEY_MODE, mode.name());
    }

    public void setTempStore(TempStore storeType) {
        setPragma(Pragma.TEMP_STORE, storeType.name());
    }

    /** Deprecated in SQLite; kept and ignored. */
    public void setTempStoreDirectory(String directoryName) {
        setPragma(Pragma.TEMP_STORE_DIRECTORY, "'" + directoryName + "'");
    }

    public void setUserVersion(int version) {
        set(Pragma.USER_VERSION, version);
    }

    public void setApplicationId(int id) {
        set(Pragma.APPLICATION_ID, id);
    }

    public void setSecureDelete(boolean enable) {
        setPragma(Pragma.SECURE_DELETE, enable ? "TRUE" : "FALSE");
    }

    // ---- driver settings ----

    public void setTransactionMode(TransactionMode mode) {
        transactionMode = mode;
    }

    public void setTransactionMode(String mode) {
        transactionMode = TransactionMode.getMode(mode);
    }

    public TransactionMode getTransactionMode() {
        return transactionMode;
    }

    public void setDatePrecision(String precision) {
        datePrecision = DatePrecision.getPrecision(precision);
    }

    public DatePrecision getDatePrecision() {
        return datePrecision;
    }

    public void setDateClass(String name) {
        dateClass = DateClass.getDateClass(name);
    }

    public DateClass getDateClass() {
        return dateClass;
    }

    public void setDateStringFormat(String format) {
        dateStringFormat = format;
    }

    public String getDateStringFormat() {
        return dateStringFormat;
    }

    public void setBusyTimeout(int milliseconds) {
        busyTimeout = milliseconds;
    }

    public int getBusyTimeout() {
        return busyTimeout;
    }

    public void setExplicitReadOnly(boolean readOnly) {
        explicitReadOnly = readOnly;
    }

    public boolean isExplicitReadOnly() {
        return explicitReadOnly;
    }

    public void setGetGeneratedKeys(boolean generatedKeys) {
        getGeneratedKeys = generatedKeys;
    }

    public boolean isGetGeneratedKeys() {
        return getGeneratedKeys;
    }

    // ---- enums ----

    /** A value a pragma takes. */
    public interface PragmaValue {
        String getValue();
    }

    /** Every connection property, by its property name ({@link #pragmaName}). */
    public enum Pragma {
        OPEN_MODE("open_mode", "Database open-mode flag", null, false),
        SHARED_CACHE("shared_cache", "Enable SQLite Shared-Cache mode (not available in sqlite-jvm)", OnOff.VALUES, false),
        LOAD_EXTENSION("enable_load_extension", "Enable SQLite load_extension() (not available in sqlite-jvm)", OnOff.VALUES, false),
        CACHE_SIZE("cache_size"),
        MMAP_SIZE("mmap_size"),
        CASE_SENSITIVE_LIKE("case_sensitive_like", OnOff.VALUES),
        COUNT_CHANGES("count_changes", "Deprecated; ignored", OnOff.VALUES, false),
        DEFAULT_CACHE_SIZE("default_cache_size", "Deprecated; ignored", null, false),
        DEFER_FOREIGN_KEYS("defer_foreign_keys", OnOff.VALUES),
        EMPTY_RESULT_CALLBACKS("empty_result_callbacks", "Deprecated; ignored", OnOff.VALUES, false),
        ENCODING("encoding", names(Encoding.values())),
        FOREIGN_KEYS("foreign_keys", OnOff.VALUES),
        FULL_COLUMN_NAMES("full_column_names", "Deprecated; ignored", OnOff.VALUES, false),
        FULL_SYNC("fullsync", OnOff.VALUES),
        INCREMENTAL_VACUUM("incremental_vacuum", "Ignored", null, false),
        JOURNAL_MODE("journal_mode", names(JournalMode.values())),
        JOURNAL_SIZE_LIMIT("journal_size_limit"),
        LEGACY_ALTER_TABLE("legacy_alter_table", OnOff.VALUES),
        LEGACY_FILE_FORMAT("legacy_file_format", "Deprecated; ignored", OnOff.VALUES, false),
        LOCKING_MODE("locking_mode", names(LockingMode.values())),
        PAGE_SIZE("page_size"),
        MAX_PAGE_COUNT("max_page_count"),
        READ_UNCOMMITTED("read_uncommitted", OnOff.VALUES),
        RECURSIVE_TRIGGERS("recursive_triggers", OnOff.VALUES),
        REVERSE_UNORDERED_SELECTS("reverse_unordered_selects", OnOff.VALUES),
        SECURE_DELETE("secure_delete", new String[] {"true", "false", "fast"}),
        SHORT_COLUMN_NAMES("short_column_names", "Deprecated; ignored", OnOff.VALUES, false),
        SYNCHRONOUS("synchronous", names(SynchronousMode.values())),
        TEMP_STORE("temp_store", names(TempStore.values())),
        TEMP_STORE_DIRECTORY("temp_store_directory", "Deprecated; ignored", null, false),
        USER_VERSION("user_version"),
        APPLICATION_ID("application_id"),

        LIMIT_LENGTH("limit_length", "The maximum length of a string or BLOB", null, false),
        LIMIT_SQL_LENGTH("limit_sql_length", "The maximum length of an SQL statement", null, false),
        LIMIT_COLUMN("limit_column", "The maximum number of columns", null, false),
        LIMIT_EXPR_DEPTH("limit_expr_depth", "The maximum depth of an expression tree", null, false),
        LIMIT_COMPOUND_SELECT("limit_compound_select", "The maximum number of terms in a compound SELECT", null, false),
        LIMIT_VDBE_OP("limit_vdbe_op", "The maximum number of VM instructions per statement", null, false),
        LIMIT_FUNCTION_ARG("limit_function_arg", "The maximum number of function arguments", null, false),
        LIMIT_ATTACHED("limit_attached", "The maximum number of attached databases", null, false),
        LIMIT_LIKE_PATTERN_LENGTH("limit_like_pattern_length", "The maximum length of a LIKE pattern", null, false),
        LIMIT_VARIABLE_NUMBER("limit_variable_number", "The maximum parameter number", null, false),
        LIMIT_TRIGGER_DEPTH("limit_trigger_depth", "The maximum depth of trigger recursion", null, false),
        LIMIT_WORKER_THREADS("limit_worker_threads", "The maximum number of worker threads", null, false),
        LIMIT_PAGE_COUNT("limit_page_count", "The maximum number of database pages", null, false),

        TRANSACTION_MODE("transaction_mode", "How transactions begin", names(TransactionMode.values()), false),
        DATE_PRECISION("date_precision", "Unit of INTEGER dates", names(DatePrecision.values()), false),
        DATE_CLASS("date_class", "How dates are stored", names(DateClass.values()), false),
        DATE_STRING_FORMAT("date_string_format", "Pattern of TEXT dates", null, false),
        BUSY_TIMEOUT("busy_timeout", "Milliseconds to wait for a lock", null, false),
        HEXKEY_MODE("hexkey_mode", "SQLCipher only; ignored", names(HexKeyMode.values()), false),
        PASSWORD("password", "SQLCipher only; ignored", null, false),
        JDBC_EXPLICIT_READONLY("jdbc.explicit_readonly", "Let setReadOnly switch query_only", OnOff.VALUES, false),
        JDBC_GET_GENERATED_KEYS("jdbc.get_generated_keys", "Offer generated keys", OnOff.VALUES, false);

        public final String pragmaName;
        public final String[] choices;
        public final String description;
        /** Whether {@link SQLiteConfig#apply} can set it with {@code PRAGMA name=value}. */
        final boolean sqlitePragma;

        Pragma(String pragmaName) {
            this(pragmaName, null, null, true);
        }

        Pragma(String pragmaName, String[] choices) {
            this(pragmaName, null, choices, true);
        }

        Pragma(String pragmaName, String description, String[] choices, boolean sqlitePragma) {
            this.pragmaName = pragmaName;
            this.description = description;
            this.choices = choices;
            this.sqlitePragma = sqlitePragma;
        }

        public final String getPragmaName() {
            return pragmaName;
        }
    }

    private static final class OnOff {
        static final String[] VALUES = {"true", "false"};
    }

    private static String[] names(Enum<?>[] values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i].name();
        }
        return names;
    }

    public enum Encoding implements PragmaValue {
        UTF8("'UTF-8'"),
        UTF16("'UTF-16'"),
        UTF16_LITTLE_ENDIAN("'UTF-16le'"),
        UTF16_BIG_ENDIAN("'UTF-16be'"),
        UTF_8(UTF8),
        UTF_16(UTF16),
        UTF_16LE(UTF16_LITTLE_ENDIAN),
        UTF_16BE(UTF16_BIG_ENDIAN);

        public final String typeName;
        private final Encoding alias;

        Encoding(String typeName) {
            this.typeName = typeName;
            this.alias = null;
        }

        Encoding(Encoding same) {
            this.typeName = same.typeName;
            this.alias = same;
        }

        Encoding canonical() {
            return alias != null ? alias : this;
        }

        @Override
        public String getValue() {
            return typeName;
        }

        /** The encoding for a name such as {@code UTF8}, {@code utf-16le} or {@code 'UTF-8'}. */
        public static Encoding getEncoding(String value) {
            String key = value.trim().replace("'", "").toUpperCase(Locale.ROOT);
            for (Encoding encoding : values()) {
                if (encoding.name().equals(key.replace('-', '_'))
                        || encoding.typeName.replace("'", "").toUpperCase(Locale.ROOT).equals(key)) {
                    return encoding.canonical();
                }
            }
            throw new IllegalArgumentException("unknown encoding: " + value);
        }
    }

    public enum JournalMode implements PragmaValue {
        DELETE, TRUNCATE, PERSIST, MEMORY, WAL, OFF;

        @Override
        public String getValue() {
            return name();
        }
    }

    public enum LockingMode implements PragmaValue {
        NORMAL, EXCLUSIVE;

        @Override
        public String getValue() {
            return name();
        }
    }

    public enum SynchronousMode implements PragmaValue {
        OFF, NORMAL, FULL;

        @Override
        public String getValue() {
            return name();
        }
    }

    public enum TempStore implements PragmaValue {
        DEFAULT, FILE, MEMORY;

        @Override
        public String getValue() {
            return name();
        }
    }

    public enum HexKeyMode implements PragmaValue {
        NONE, SSE, SQLCIPHER;

        @Override
        public String getValue() {
            return name();
        }
    }

    public enum TransactionMode implements PragmaValue {
        DEFERRED, IMMEDIATE, EXCLUSIVE;

        @Override
        public String getValue() {
            return name();
        }

        /** The mode for a name, case-insensitive; also accepts the misspelling {@code DEFFERED} of old releases. */
        public static TransactionMode getMode(String mode) {
            String key = mode.trim().toUpperCase(Locale.ROOT);
            return "DEFFERED".equals(key) ? DEFERRED : valueOf(key);
        }
    }

    public enum DatePrecision implements PragmaValue {
        SECONDS, MILLISECONDS;

        @Override
        public String getValue() {
            return name();
        }

        public static DatePrecision getPrecision(String precision) {
            return valueOf(precision.trim().toUpperCase(Locale.ROOT));
        }
    }

    public enum DateClass implements PragmaValue {
        INTEGER, TEXT, REAL;

        @Override
        public String getValue() {
            return name();
        }

        public static DateClass getDateClass(String dateClass) {
            return valueOf(dateClass.trim().toUpperCase(Locale.ROOT));
        }
    }
}
