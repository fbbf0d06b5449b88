package dev.sqlitejvm.jdbc;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * A hook for a module that presents this driver under another API, such as the {@code org.sqlite}
 * compatibility module: it may supply the class of every connection the driver opens, and the
 * class of the exceptions raised for SQLite result codes. Found with {@link ServiceLoader}; the
 * first one found is used, and without one the driver uses its own classes.
 */
public interface DriverFlavor {
    /**
     * The connection for a database the driver has just opened and configured, usually a subclass
     * of {@link SqliteConnection} built with {@code super(opened)}; {@code null} for the driver's own.
     */
    default SqliteConnection newConnection(SqliteConnection.Opened opened) throws SQLException {
        return null;
    }

    /**
     * The exception for a SQLite result code; {@code null} for the driver's own classes.
     *
     * @param message the driver's message, such as {@code [SQLITE_BUSY] The database file is locked (database is locked)}
     * @param sqlState the SQLState the driver would use, or {@code null}
     * @param extendedCode SQLite's extended result code
     */
    default SQLException newException(String message, String sqlState, int extendedCode, Throwable cause) {
        return null;
    }

    /** The flavor in use, or {@code null}. */
    static DriverFlavor installed() {
        return Installed.FLAVOR;
    }

    /** Loaded once, on first use. */
    final class Installed {
        static final DriverFlavor FLAVOR = load();

        private Installed() {
        }

        private static DriverFlavor load() {
            Iterator<DriverFlavor> found = ServiceLoader.load(DriverFlavor.class, DriverFlavor.class.getClassLoader()).iterator();
            return found.hasNext() ? found.next() : null;
        }
    }
}
