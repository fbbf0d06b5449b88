package dev.sqlitejvm.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A {@code jdbc:sqlite:} URL taken apart the way xerial sqlite-jdbc does: the name SQLite opens,
 * and the connection properties found in its query string.
 *
 * <ul>
 *   <li>{@code jdbc:sqlite:} (empty): a private temporary database;</li>
 *   <li>{@code jdbc:sqlite::memory:}: a private in-memory database;</li>
 *   <li>{@code jdbc:sqlite:path/to.db}: a file, made absolute;</li>
 *   <li>{@code jdbc:sqlite:file:...?mode=ro&cache=private}: a SQLite URI;</li>
 *   <li>{@code jdbc:sqlite::resource:db/x.db}: a class-path resource or URL, copied to a temporary file.</li>
 * </ul>
 * Query parameters named like a {@link ConnectionProperty} become properties (the last one in
 * the URL wins, and properties passed to the driver win over the URL); the others stay in the
 * name for SQLite.
 */
final class JdbcUrl {
    static final String PREFIX = "jdbc:sqlite:";
    private static final String RESOURCE = ":resource:";
    /** Resources already copied in this JVM: location to temporary file. */
    private static final java.util.Map<String, String> EXTRACTED = new java.util.concurrent.ConcurrentHashMap<>();

    final String url;
    final String filename;
    final Properties properties;

    private JdbcUrl(String url, String filename, Properties properties) {
        this.url = url;
        this.filename = filename;
        this.properties = properties;
    }

    static boolean accepts(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    static JdbcUrl parse(String url, Properties given) throws SQLException {
        if (!accepts(url)) {
            throw new SQLException("Not a SQLite JDBC URL (expected " + PREFIX + "...): " + url);
        }
        Properties properties = new Properties();
        if (given != null) {
            for (String name : given.stringPropertyNames()) {
                properties.setProperty(name, given.getProperty(name));
            }
        }
        String name = extractProperties(url, url.substring(PREFIX.length()).trim(), properties);
        return new JdbcUrl(url, resolve(name), properties);
    }

    /** Moves known properties from the query string into {@code properties}; returns the rest. */
    private static String extractProperties(String url, String name, Properties properties) throws SQLException {
        int query = name.indexOf('?');
        if (query < 0) {
            return name;
        }
        String[] parameters = name.substring(query + 1).split("&");
        List<String> kept = new ArrayList<>();
        Properties fromUrl = new Properties();
        for (String parameter : parameters) {
            if (parameter.isBlank()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String key = (equals < 0 ? parameter : parameter.substring(0, equals)).trim();
            ConnectionProperty property = ConnectionProperty.byName(key);
            if (property == null) {
                kept.add(parameter);
                continue;
            }
            String value = equals < 0 ? "" : parameter.substring(equals + 1).trim();
            if (value.isEmpty()) {
                throw new SQLException("Please specify a value for property " + property.propertyName()
                        + " in URL " + url);
            }
            fromUrl.setProperty(property.propertyName(), value); // a later duplicate replaces an earlier one
        }
        for (String key : fromUrl.stringPropertyNames()) {
            if (!containsIgnoreCase(properties, key)) {
                properties.setProperty(key, fromUrl.getProperty(key));
            }
        }
        String base = name.substring(0, query);
        return kept.isEmpty() ? base : base + "?" + String.join("&", kept);
    }

    private static boolean containsIgnoreCase(Properties properties, String key) {
        for (String name : properties.stringPropertyNames()) {
            if (name.trim().equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    private static String resolve(String name) throws SQLException {
        if (name.isEmpty() || name.equals(":memory:") || name.startsWith("file:")) {
            return name;
        }
        if (name.startsWith(RESOURCE)) {
            return extractResource(name.substring(RESOURCE.length()));
        }
        return Paths.get(name).toAbsolutePath().toString();
    }

    /**
     * Copies a class-path resource (or any URL) to a temporary file, once per JVM run, and
     * returns that file's path.
     */
    private static String extractResource(String location) throws SQLException {
        String cached = EXTRACTED.get(location);
        if (cached != null && Files.exists(Paths.get(cached))) {
            return cached; // connections already open on the copy must keep seeing the same file
        }
        synchronized (EXTRACTED) {
            cached = EXTRACTED.get(location);
            if (cached == null || !Files.exists(Paths.get(cached))) {
                cached = copyResource(location);
                EXTRACTED.put(location, cached);
            }
            return cached;
        }
    }

    private static String copyResource(String location) throws SQLException {
        URL resource = findResource(location);
        if (resource == null) {
            throw new SQLException("Resource not found: " + location);
        }
        try {
            Path target = Paths.get(System.getProperty("java.io.tmpdir"), "sqlite-jvm-resource-" + hash(resource.toString()) + ".db");
            try (InputStream in = resource.openStream()) {
                Path partial = Files.createTempFile(target.getParent(), "sqlite-jvm-resource", ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            target.toFile().deleteOnExit();
            return target.toString();
        } catch (IOException e) {
            throw new SQLException("Cannot copy resource " + location + " to a temporary file: " + e.getMessage(), e);
        }
    }

    private static URL findResource(String location) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL found = loader == null ? null : loader.getResource(location);
        if (found == null) {
            found = JdbcUrl.class.getClassLoader().getResource(location);
        }
        if (found == null) {
            try {
                found = new URL(location);
            } catch (MalformedURLException e) {
                return null;
            }
        }
        return found;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            return Integer.toHexString(text.hashCode());
        }
    }
}
