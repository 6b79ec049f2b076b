package org.storylens.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The write transactions of one SQLite connection, one writer at a time across processes. Each begins
 * {@code IMMEDIATE}: it takes the database's write lock before it reads anything, so that what it reads cannot be
 * changed by another writer before it writes (a deferred transaction that upgrades to a write fails at once with
 * {@code SQLITE_BUSY} when another process committed meanwhile, the busy timeout notwithstanding). While another
 * writer holds the lock the transaction waits, telling its notices once that it does, up to a bound; then it fails
 * with a message that says so. Not thread-safe: its store serialises the calls.
 */
final class WriteTransactions implements Transactions {

    /**
     * How long one attempt to take the lock waits (the connection's busy timeout): a waiting writer says so after
     * this, then tries again until the bound.
     */
    static final Duration ATTEMPT = Duration.ofSeconds(1);

    /** SQLite's primary result codes for a lock held by another connection. */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private final Path file;
    private final Connection connection;
    private final Consumer<String> notices;
    private final Duration lockWait;

    /**
     * @param notices  told once per transaction when it waits for another writer
     * @param lockWait how long a transaction waits for the write lock before it fails
     */
    WriteTransactions(Path file, Connection connection, Consumer<String> notices, Duration lockWait) {
        this.file = file;
        this.connection = connection;
        this.notices = notices;
        this.lockWait = lockWait;
    }

    @Override
    public void run(String failure, Work work) throws StoreException {
        try {
            begin(failure);
        } catch (SQLException e) {
            throw new StoreException(file + ": " + failure + ": " + e.getMessage(), e);
        }
        boolean committed = false;
        try {
            work.run();
            execute("COMMIT");
            committed = true;
        } catch (SQLException | IOException | IllegalArgumentException e) {
            throw new StoreException(file + ": " + failure + ": " + e.getMessage(), e);
        } finally {
            if (!committed) {
                rollback();
            }
        }
    }

    /** Takes the write lock, waiting for another writer to finish up to the bound. */
    private void begin(String failure) throws SQLException, StoreException {
        long deadline = System.nanoTime() + lockWait.toNanos();
        boolean told = false;
        while (true) {
            try {
                execute("BEGIN IMMEDIATE");
                return;
            } catch (SQLException e) {
                if (!isLocked(e)) {
                    throw e;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new StoreException(file + ": " + failure + ": another writer has held the database lock "
                            + "for more than " + describe(lockWait) + " (storylens writes one process at a time: try "
                            + "again when the other one is done)", e);
                }
                if (!told) {
                    notices.accept(file + ": waiting for the database lock held by another writer");
                    told = true;
                }
            }
        }
    }

    /** Whether the failure is another connection holding the lock (the busy timeout ran out). */
    static boolean isLocked(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLITE_BUSY || code == SQLITE_LOCKED;
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private void rollback() {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite ended the transaction itself, or it is gone with a failed connection: the last commit stands
        }
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s >= 120 && s % 60 == 0 ? s / 60 + " minutes" : s + " s";
    }
}
