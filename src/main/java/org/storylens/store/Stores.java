package org.storylens.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Opens the store a {@code --db} option names: a {@code postgresql://} (or {@code postgres://}, or
 * {@code jdbc:postgresql:}) URL opens a {@link PostgresArticleStore}, anything else is the path of a SQLite file
 * ({@link SqliteArticleStore}). Stateless.
 */
public final class Stores {

    private Stores() {
    }

    /** Whether the option names a PostgreSQL database rather than a SQLite file. */
    public static boolean isPostgres(String db) {
        return PostgresLocation.isPostgres(db);
    }

    /**
     * The database as messages name it: the path of a SQLite file, a PostgreSQL URL without its password (masked
     * when the URL cannot be read).
     */
    public static String describe(String db) {
        if (!isPostgres(db)) {
            return db;
        }
        try {
            return PostgresLocation.parse(db, Map.of()).shown();
        } catch (IllegalArgumentException e) {
            return PostgresLocation.withoutPassword(db);
        }
    }

    /** Whether the option names a SQLite file that does not exist (a PostgreSQL database is never missing here). */
    public static boolean isMissingFile(String db) {
        return !isPostgres(db) && !Files.isRegularFile(Path.of(db));
    }

    /**
     * Opens the store with the process's environment (for PostgreSQL's user and password); a write waiting for
     * another process's says so on stderr, for up to {@link SqliteArticleStore#LOCK_WAIT}.
     */
    public static ArticleStore open(String db) throws StoreException {
        return open(db, System.getenv(), notice -> System.err.println("warning: " + notice),
                SqliteArticleStore.LOCK_WAIT);
    }

    /**
     * Opens the store.
     *
     * @param env      where PostgreSQL's {@code STORYLENS_DB_USER} and {@code STORYLENS_DB_PASSWORD} are read
     * @param notices  told when a write waits for the lock another process holds
     * @param lockWait how long a write waits for that lock before it fails
     */
    public static ArticleStore open(String db, Map<String, String> env, Consumer<String> notices, Duration lockWait)
            throws StoreException {
        if (isPostgres(db)) {
            return PostgresArticleStore.open(db, env, notices, lockWait);
        }
        return SqliteArticleStore.open(Path.of(db), notices, lockWait);
    }
}
