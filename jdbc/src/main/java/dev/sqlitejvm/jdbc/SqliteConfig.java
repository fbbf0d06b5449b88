package dev.sqlitejvm.jdbc;

import dev.sqlitejvm.runtime.Database;
import dev.sqlitejvm.runtime.SqliteException;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The validated connection properties of one connection. Unknown property names are ignored (as
 * JDBC callers pass {@code user}, {@code password} and pool settings); a known property with a
 * value it cannot take fails with a message naming it.
 */
public final class SqliteConfig {
    private final Map<ConnectionProperty, String> values = new EnumMap<>(ConnectionProperty.class);

    public SqliteConfig(Properties properties) throws SQLException {
        if (properties != null) {
            for (String name : properties.stringPropertyNames()) {
                ConnectionProperty property = ConnectionProperty.byName(name);
                if (property != null) {
                    values.put(property, normalize(property, properties.getProperty(name)));
                }
            }
        }
        for (ConnectionProperty property : new ConnectionProperty[] {
            ConnectionProperty.SHARED_CACHE, ConnectionProperty.ENABLE_LOAD_EXTENSION}) {
            if ("true".equals(values.get(property))) {
                throw new SQLException(property.propertyName + "=true is not supported by sqlite-jvm");
            }
        }
    }

    public SqliteConfig() throws SQLException {
        this(null);
    }

    private static String normalize(ConnectionProperty property, String raw) throws SQLException {
        String value = raw == null ? "" : raw.trim();
        if (value.isEmpty()) {
            throw new SQLException("Please specify a value for property " + property.propertyName);
        }
        switch (property.kind) {
            case INTEGER:
                try {
                    return Long.toString(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw invalid(property, raw, "an integer");
                }
            case BOOLEAN:
                switch (value.toLowerCase(Locale.ROOT)) {
                    case "true": case "on": case "yes": case "1":
                        return "true";
                    case "false": case "off": case "no": case "0":
                        return "false";
                    default:
                        throw invalid(property, raw, "true or false");
                }
            case CHOICE:
                for (String choice : property.choices) {
                    if (choice.equalsIgnoreCase(value)) {
                        return choice;
                    }
                }
                throw invalid(property, raw, "one of " + property.choices);
            default:
                return value;
        }
    }

    private static SQLException invalid(ConnectionProperty property, String value, String expected) {
        return new SQLException("Invalid value '" + value + "' for property " + property.propertyName
                + ": expected " + expected);
    }

    /** The value given, or the driver's default; {@code null} for a pragma left to SQLite. */
    public String get(ConnectionProperty property) {
        String value = values.get(property);
        return value != null ? value : property.defaultValue;
    }

    int openFlags() {
        return Integer.parseInt(get(ConnectionProperty.OPEN_MODE));
    }

    int busyTimeout() {
        return Integer.parseInt(get(ConnectionProperty.BUSY_TIMEOUT));
    }

    String transactionMode() {
        return get(ConnectionProperty.TRANSACTION_MODE);
    }

    boolean explicitReadOnly() {
        return Boolean.parseBoolean(get(ConnectionProperty.EXPLICIT_READONLY));
    }

    boolean generatedKeys() {
        return Boolean.parseBoolean(get(ConnectionProperty.GET_GENERATED_KEYS));
    }

    DateCodec dateCodec() throws SQLException {
        return new DateCodec(get(ConnectionProperty.DATE_CLASS), get(ConnectionProperty.DATE_PRECISION),
                get(ConnectionProperty.DATE_STRING_FORMAT));
    }

    /** Sets the busy timeout, the pragmas and the limits on a newly opened database. */
    void applyTo(Database database) throws SQLException {
        try {
            database.busyTimeout(busyTimeout());
            for (Map.Entry<ConnectionProperty, String> entry : values.entrySet()) {
                ConnectionProperty property = entry.getKey();
                if (property.applied == ConnectionProperty.Applied.PRAGMA) {
                    database.exec("PRAGMA " + property.pragmaName() + " = " + pragmaValue(property, entry.getValue()));
                } else if (property.applied == ConnectionProperty.Applied.LIMIT) {
                    database.limit(property.limit, Integer.parseInt(entry.getValue()));
                }
            }
        } catch (SqliteException e) {
            throw Errors.from(e);
        }
    }

    private static String pragmaValue(ConnectionProperty property, String value) {
        switch (property) {
            case ENCODING:
                return "'" + value.replace("_LITTLE_ENDIAN", "le").replace("_BIG_ENDIAN", "be")
                        .replace("UTF8", "UTF-8").replace("UTF16", "UTF-16") + "'";
            case SECURE_DELETE:
                return value.equals("TRUE") ? "1" : value.equals("FALSE") ? "0" : value;
            default:
                if (property.kind == ConnectionProperty.Kind.BOOLEAN) {
                    return value.equals("true") ? "1" : "0";
                }
                return value;
        }
    }

    /** The properties as given, for {@link java.sql.Connection#getClientInfo()}-style reporting. */
    Properties toProperties() {
        Properties properties = new Properties();
        for (ConnectionProperty property : ConnectionProperty.values()) {
            String value = get(property);
            if (value != null) {
                properties.setProperty(property.propertyName, value);
            }
        }
        return properties;
    }
}
