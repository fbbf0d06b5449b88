package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.Limit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every connection property the driver understands, under xerial sqlite-jdbc's names and with its
 * defaults. Most are SQLite pragmas applied when a connection opens; the rest configure the
 * driver. Pragmas are applied in declaration order, so the ones that must precede any page
 * access (page_size, encoding) come first.
 */
public enum ConnectionProperty {
    OPEN_MODE("open_mode", Kind.INTEGER, Applied.DRIVER, "6",
            "SQLite open flags (SQLITE_OPEN_*): 1 read-only, 2 read-write, 4 create"),
    BUSY_TIMEOUT("busy_timeout", Kind.INTEGER, Applied.DRIVER, "3000",
            "Milliseconds to retry while another connection holds a lock"),
    TRANSACTION_MODE("transaction_mode", Kind.CHOICE, Applied.DRIVER, "DEFERRED",
            "How transactions begin when auto-commit is off", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"),
    DATE_CLASS("date_class", Kind.CHOICE, Applied.DRIVER, "INTEGER",
            "How java.sql dates are stored: INTEGER (epoch time), TEXT (date_string_format), REAL (Julian day)",
            "INTEGER", "TEXT", "REAL"),
    DATE_PRECISION("date_precision", Kind.CHOICE, Applied.DRIVER, "MILLISECONDS",
            "Unit of INTEGER dates", "SECONDS", "MILLISECONDS"),
    DATE_STRING_FORMAT("date_string_format", Kind.TEXT, Applied.DRIVER, "yyyy-MM-dd HH:mm:ss.SSS",
            "Pattern for TEXT dates"),
    EXPLICIT_READONLY("jdbc.explicit_readonly", Kind.BOOLEAN, Applied.DRIVER, "false",
            "Let Connection.setReadOnly switch the connection to query-only"),
    GET_GENERATED_KEYS("jdbc.get_generated_keys", Kind.BOOLEAN, Applied.DRIVER, "true",
            "Offer generated keys through Statement.getGeneratedKeys"),
    SHARED_CACHE("shared_cache", Kind.BOOLEAN, Applied.DRIVER, "false",
            "Shared-cache mode; not available in this build, only false is accepted"),
    ENABLE_LOAD_EXTENSION("enable_load_extension", Kind.BOOLEAN, Applied.DRIVER, "false",
            "Native extensions cannot load into a JVM-bytecode SQLite; only false is accepted"),

    PAGE_SIZE("page_size", Kind.INTEGER, Applied.PRAGMA, null, "Database page size in bytes (new databases)"),
    ENCODING("encoding", Kind.CHOICE, Applied.PRAGMA, null, "Text encoding of a new database",
            "UTF8", "UTF-8", "UTF16", "UTF-16", "UTF16_LITTLE_ENDIAN", "UTF-16le", "UTF16_BIG_ENDIAN", "UTF-16be"),
    LOCKING_MODE("locking_mode", Kind.CHOICE, Applied.PRAGMA, null, "Database locking mode", "NORMAL", "EXCLUSIVE"),
    JOURNAL_MODE("journal_mode", Kind.CHOICE, Applied.PRAGMA, null, "Journal mode",
            "DELETE", "TRUNCATE", "PERSIST", "MEMORY", "WAL", "OFF"),
    SYNCHRONOUS("synchronous", Kind.CHOICE, Applied.PRAGMA, null, "Synchronous mode",
            "OFF", "NORMAL", "FULL", "EXTRA"),
    FOREIGN_KEYS("foreign_keys", Kind.BOOLEAN, Applied.PRAGMA, null, "Enforce foreign keys (off by default)"),
    CACHE_SIZE("cache_size", Kind.INTEGER, Applied.PRAGMA, null, "Page cache size (pages, or KiB if negative)"),
    MMAP_SIZE("mmap_size", Kind.INTEGER, Applied.PRAGMA, null, "Memory-mapped I/O size (always 0 in this build)"),
    TEMP_STORE("temp_store", Kind.CHOICE, Applied.PRAGMA, null, "Where temporary tables live",
            "DEFAULT", "FILE", "MEMORY"),
    CASE_SENSITIVE_LIKE("case_sensitive_like", Kind.BOOLEAN, Applied.PRAGMA, null, "LIKE is case sensitive"),
    RECURSIVE_TRIGGERS("recursive_triggers", Kind.BOOLEAN, Applied.PRAGMA, null, "Triggers may fire recursively"),
    SECURE_DELETE("secure_delete", Kind.CHOICE, Applied.PRAGMA, null, "Overwrite deleted content",
            "TRUE", "FALSE", "FAST", "ON", "OFF", "1", "0"),
    DEFER_FOREIGN_KEYS("defer_foreign_keys", Kind.BOOLEAN, Applied.PRAGMA, null, "Defer foreign key checks to commit"),
    LEGACY_ALTER_TABLE("legacy_alter_table", Kind.BOOLEAN, Applied.PRAGMA, null, "Legacy ALTER TABLE RENAME behaviour"),
    REVERSE_UNORDERED_SELECTS("reverse_unordered_selects", Kind.BOOLEAN, Applied.PRAGMA, null,
            "Reverse the order of unordered SELECTs"),
    FULL_SYNC("fullsync", Kind.BOOLEAN, Applied.PRAGMA, null, "F_FULLFSYNC on macOS (no effect here)"),
    MAX_PAGE_COUNT("max_page_count", Kind.INTEGER, Applied.PRAGMA, null, "Maximum number of database pages"),
    USER_VERSION("user_version", Kind.INTEGER, Applied.PRAGMA, null, "The user version stored in the header"),
    APPLICATION_ID("application_id", Kind.INTEGER, Applied.PRAGMA, null, "The application id stored in the header"),
    WAL_AUTOCHECKPOINT("wal_autocheckpoint", Kind.INTEGER, Applied.PRAGMA, null, "WAL pages between checkpoints"),
    JOURNAL_SIZE_LIMIT("journal_size_limit", Kind.INTEGER, Applied.PRAGMA, null, "Journal size limit in bytes"),
    READ_UNCOMMITTED("read_uncommitted", Kind.BOOLEAN, Applied.PRAGMA, null, "READ UNCOMMITTED isolation"),

    LIMIT_LENGTH("limit_length", Limit.LENGTH),
    LIMIT_SQL_LENGTH("limit_sql_length", Limit.SQL_LENGTH),
    LIMIT_COLUMN("limit_column", Limit.COLUMN),
    LIMIT_EXPR_DEPTH("limit_expr_depth", Limit.EXPR_DEPTH),
    LIMIT_COMPOUND_SELECT("limit_compound_select", Limit.COMPOUND_SELECT),
    LIMIT_VDBE_OP("limit_vdbe_op", Limit.VDBE_OP),
    LIMIT_FUNCTION_ARG("limit_function_arg", Limit.FUNCTION_ARG),
    LIMIT_ATTACHED("limit_attached", Limit.ATTACHED),
    LIMIT_LIKE_PATTERN_LENGTH("limit_like_pattern_length", Limit.LIKE_PATTERN_LENGTH),
    LIMIT_VARIABLE_NUMBER("limit_variable_number", Limit.VARIABLE_NUMBER),
    LIMIT_TRIGGER_DEPTH("limit_trigger_depth", Limit.TRIGGER_DEPTH),
    LIMIT_WORKER_THREADS("limit_worker_threads", Limit.WORKER_THREADS),
    LIMIT_PAGE_COUNT("limit_page_count", Kind.INTEGER, Applied.PRAGMA, null,
            "Maximum number of database pages (PRAGMA max_page_count)");

    enum Kind { INTEGER, BOOLEAN, CHOICE, TEXT }

    enum Applied { DRIVER, PRAGMA, LIMIT }

    private static final Map<String, ConnectionProperty> BY_NAME = new HashMap<>();

    static {
        for (ConnectionProperty property : values()) {
            BY_NAME.put(property.propertyName, property);
        }
    }

    final String propertyName;
    final Kind kind;
    final Applied applied;
    final String defaultValue;
    final String description;
    final List<String> choices;
    final Limit limit;

    ConnectionProperty(String name, Kind kind, Applied applied, String defaultValue, String description,
                       String... choices) {
        this.propertyName = name;
        this.kind = kind;
        this.applied = applied;
        this.defaultValue = defaultValue;
        this.description = description;
        this.choices = kind == Kind.BOOLEAN ? List.of("true", "false") : List.of(choices);
        this.limit = null;
    }

    ConnectionProperty(String name, Limit limit) {
        this.propertyName = name;
        this.kind = Kind.INTEGER;
        this.applied = Applied.LIMIT;
        this.defaultValue = null;
        this.description = "sqlite3_limit(SQLITE_LIMIT_" + limit.name() + ")";
        this.choices = List.of();
        this.limit = limit;
    }

    /** The property's name as it appears in URLs and {@link java.util.Properties}. */
    public String propertyName() {
        return propertyName;
    }

    /** The property of that name (case-insensitive), or {@code null}. */
    public static ConnectionProperty byName(String name) {
        return name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /** The pragma this property sets; {@code limit_page_count} is SQLite's max_page_count. */
    String pragmaName() {
        return this == LIMIT_PAGE_COUNT ? "max_page_count" : propertyName;
    }
}
