package org.storylens.store;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Articles in a PostgreSQL database, the sibling of {@link SqliteArticleStore} for a store that several machines
 * share: the same tables, rows, codecs and schema versions ({@link TableStore}, {@link SchemaMigrations}) in
 * PostgreSQL's SQL ({@link SqlDialect.Postgres}: an identity column keeps the insertion order, {@code lower()} compares
 * case aside, bytes are {@code BYTEA}), full-text search by {@code tsvector} under a GIN index ({@link TsvectorIndex}).
 * Connections come from a HikariCP pool ({@link PostgresConnections}); writes go through one of them and are
 * serialised, and across processes one writer at a time holds a transaction-scoped advisory lock
 * ({@link PostgresTransactions}), as SQLite's {@code BEGIN IMMEDIATE} does; reads take pooled connections of their own
 * and see the last commit. The database must exist; its tables are created, or upgraded, when it is opened.
 * The store it opens is thread-safe.
 */
public final class PostgresArticleStore {

    /** How long a write waits for another process's write to end before it fails (one writer at a time). */
    public static final Duration LOCK_WAIT = SqliteArticleStore.LOCK_WAIT;

    private PostgresArticleStore() {
    }

    /**
     * Opens the database that the URL names ({@code postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB} or a
     * {@code jdbc:postgresql:} URL; user and password from the URL, else from the variables {@code STORYLENS_DB_USER}
     * and {@code STORYLENS_DB_PASSWORD} of {@code env}). A URL that cannot be read, a refused connection or a failed
     * upgrade fails naming the URL without its password.
     *
     * @param notices  told when a write waits for the lock another process holds
     * @param lockWait how long a write waits for that lock before it fails
     */
    public static ArticleStore open(String url, Map<String, String> env, Consumer<String> notices,
                                    Duration lockWait) throws StoreException {
        PostgresLocation where;
        try {
            where = PostgresLocation.parse(url, env);
        } catch (IllegalArgumentException e) {
            throw new StoreException(e.getMessage(), e);
        }
        PostgresConnections connections = PostgresConnections.open(where);
        StoreJson json = new StoreJson();
        TableStore tables = new TableStore(where.shown(), connections,
                new PostgresTransactions(where.shown(), connections.writer(), notices, lockWait),
                new SqlDialect.Postgres(), json, new TsvectorIndex(json));
        try {
            tables.upgrade();
        } catch (StoreException e) {
            connections.close();
            throw e;
        }
        return tables;
    }
}
