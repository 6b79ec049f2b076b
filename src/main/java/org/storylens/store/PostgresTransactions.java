package org.storylens.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The write transactions of one PostgreSQL connection, one writer at a time across processes, as on SQLite: each
 * transaction first takes a transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}, one key for the
 * database), so that what it reads (the clusterer state, whether a text is stored) cannot be changed by another
 * writer before it writes; the lock ends with the transaction, a failed connection's too. While another writer holds
 * it the transaction waits, telling its notices once that it does, up to a bound; then it fails with a message that
 * says so. Not thread-safe: its store serialises the calls.
 */
final class PostgresTransactions implements Transactions {

    /** The advisory lock key of storylens's writers ("storylen" in ASCII). */
    static final long WRITE_LOCK = 0x73746f72796c656eL;
    /** How long a writer waits before it says that it waits. */
    static final Duration TELL_AFTER = Duration.ofSeconds(1);
    private static final long POLL_MILLIS = 50;

    private final String database;
    private final Connection connection;
    private final Consumer<String> notices;
    private final Duration lockWait;

    /**
     * @param database the database as messages name it
     * @param notices  told once per transaction when it waits for another writer
     * @param lockWait how long a transaction waits for the write lock before it fails
     */
    PostgresTransactions(String database, Connection connection, Consumer<String> notices, Duration lockWait) {
        this.database = database;
        this.connection = connection;
        this.notices = notices;
        this.lockWait = lockWait;
    }

    @Override
    public void run(String failure, Work work) throws StoreException {
        boolean committed = false;
        try {
            connection.setAutoCommit(false);
            lock(failure);
            work.run();
            connection.commit();
            committed = true;
        } catch (SQLException | IOException | IllegalArgumentException e) {
            throw new StoreException(database + ": " + failure + ": " + e.getMessage(), e);
        } finally {
            if (!committed) {
                rollback();
            }
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                // a failed connection: the next call fails naming it
            }
        }
    }

    /** Takes the write lock, waiting for another writer to finish up to the bound. */
    private void lock(String failure) throws SQLException, StoreException {
        long start = System.nanoTime();
        boolean told = false;
        try (PreparedStatement p = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            p.setLong(1, WRITE_LOCK);
            while (true) {
                try (ResultSet r = p.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) {
                        return;
                    }
                }
                long waited = System.nanoTime() - start;
                if (waited >= lockWait.toNanos()) {
                    throw new StoreException(database + ": " + failure + ": another writer has held the database lock "
                            + "for more than " + describe(lockWait) + " (storylens writes one process at a time: try "
                            + "again when the other one is done)", null);
                }
                if (!told && waited >= TELL_AFTER.toNanos()) {
                    notices.accept(database + ": waiting for the database lock held by another writer");
                    told = true;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException(database + ": " + failure + ": interrupted while waiting for the write "
                            + "lock", e);
                }
            }
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection failed: the transaction is gone with it, and the last commit stands
        }
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s >= 120 && s % 60 == 0 ? s / 60 + " minutes" : d.toMillis() < 1000 ? d.toMillis() + " ms" : s + " s";
    }
}
