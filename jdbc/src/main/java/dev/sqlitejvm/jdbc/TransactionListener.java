package dev.sqlitejvm.jdbc;

/** Told when a transaction on the connection commits or rolls back. */
public interface TransactionListener {
    default void onCommit() {
    }

    default void onRollback() {
    }
}
