package dev.sqlitejvm.replication;

/**
 * Receives each committed transaction of a captured primary, in txid order, on the committing
 * thread, while the WAL write lock is still held: no other transaction commits until it returns.
 */
@FunctionalInterface
public interface ChangeListener {
    void committed(ChangeSet changeSet) throws Exception;
}
