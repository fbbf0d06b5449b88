package dev.sqlitejvm.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/** {@link Wrapper} for driver objects that wrap nothing: they unwrap only to their own types. */
interface SelfWrapper extends Wrapper {

    @Override
    default <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    default boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
