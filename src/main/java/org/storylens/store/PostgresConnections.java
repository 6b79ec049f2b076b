package org.storylens.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connections to one PostgreSQL database, from a HikariCP pool: the writing one, held for the store's life (its
 * store serialises it), and up to {@value #READERS} more lent to one read at a time. Thread-safe.
 */
final class PostgresConnections implements StoreConnections {

    /** How many pooled connections serve the reads beside the writing one. */
    static final int READERS = 4;
    /** How long opening the pool, or a read, waits for a connection before it fails. */
    static final long CONNECT_MILLIS = 10_000;

    private final PostgresLocation where;
    private final HikariDataSource pool;
    private final Connection writer;

    private PostgresConnections(PostgresLocation where, HikariDataSource pool, Connection writer) {
        this.where = where;
        this.pool = pool;
        this.writer = writer;
    }

    /** Connects, failing with a message that names the URL (never its password) and the server's answer. */
    static PostgresConnections open(PostgresLocation where) throws StoreException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(where.jdbcUrl());
        if (where.user() != null) {
            config.setUsername(where.user());
        }
        if (where.password() != null) {
            config.setPassword(where.password());
        }
        config.setPoolName("storylens");
        config.setMaximumPoolSize(1 + READERS);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_MILLIS);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(where.shown() + ": cannot connect to the database: " + rootMessage(e), e);
        }
        try {
            return new PostgresConnections(where, pool, pool.getConnection());
        } catch (SQLException e) {
            pool.close();
            throw new StoreException(where.shown() + ": cannot connect to the database: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    @Override
    public Connection writer() {
        return writer;
    }

    @Override
    public <T> T reading(ReadWork<T> work) throws StoreException {
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            throw new StoreException(where.shown() + ": no connection to read with: " + rootMessage(e), e);
        }
        try {
            return work.run(c);
        } finally {
            try {
                c.close();
            } catch (SQLException e) {
                // handing a broken connection back: the pool drops it, and the read itself is done
            }
        }
    }

    @Override
    public SQLException close() {
        SQLException failed = null;
        try {
            writer.close();
        } catch (SQLException e) {
            failed = e;
        }
        pool.close();
        return failed;
    }
}
