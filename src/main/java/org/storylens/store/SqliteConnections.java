package org.storylens.store;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The connections to one SQLite database file: the writing one (WAL mode, foreign keys on, a busy timeout of one lock
 * attempt) and {@value #READERS} read-only ones, each lent to one read at a time, so that reads run beside each other
 * and beside a write (WAL: a reader sees the last commit). Creates a missing file readable by its owner only.
 * Thread-safe; the writing connection is the caller's to serialise.
 */
final class SqliteConnections implements StoreConnections {

    /** How many read-only connections serve the reads beside the writing one. */
    static final int READERS = 4;

    private final Path file;
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();

    private SqliteConnections(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
    }

    /**
     * Opens the writing connection, creating the database (readable by its owner only) and its folder when missing;
     * the readers are opened by {@link #openReaders} once the schema is in place.
     */
    static SqliteConnections open(Path file, Duration lockWait) throws StoreException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            createOwnerOnly(file);
        } catch (IOException e) {
            throw new StoreException(file + ": cannot create the database: " + e.getMessage(), e);
        }
        try {
            Connection c = DriverManager.getConnection(url(file));
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout="
                        + Math.max(1, Math.min(WriteTransactions.ATTEMPT.toMillis(), lockWait.toMillis())));
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new SqliteConnections(file, c);
        } catch (SQLException e) {
            throw new StoreException(file + ": cannot open the database: " + e.getMessage(), e);
        }
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /**
     * Creates a missing database file readable and writable by its owner only, before SQLite opens it: SQLite gives
     * its -wal and -shm files the database file's permissions. (No-op where the file system has no POSIX permissions.)
     */
    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: SQLite creates the file with what the system gives
        } catch (FileAlreadyExistsException e) {
            // another process created it meanwhile: it opens what that one made
        }
    }

    @Override
    public Connection writer() {
        return writer;
    }

    void openReaders() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        for (int i = 0; i < READERS; i++) {
            Connection reader = DriverManager.getConnection(url(file), config.toProperties());
            allReaders.add(reader);
            readers.add(reader);
        }
    }

    /** Reads through one of the read-only connections, waiting for one to be free. */
    @Override
    public <T> T reading(ReadWork<T> work) throws StoreException {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(file + ": interrupted while waiting to read", e);
        }
        try {
            return work.run(c);
        } finally {
            readers.add(c);
        }
    }

    /** Closes the readers, then the writing connection; returns the first failure, or null. */
    @Override
    public SQLException close() {
        SQLException failed = null;
        for (Connection c : allReaders) {
            try {
                c.close();
            } catch (SQLException e) {
                failed = failed == null ? e : failed;
            }
        }
        try {
            writer.close();
        } catch (SQLException e) {
            failed = failed == null ? e : failed;
        }
        return failed;
    }
}
