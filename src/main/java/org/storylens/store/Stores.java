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

    /** How long a write waits for another process's write to end before it fails (one writer at a time). */
    public static final Duration LOCK_WAIT = SqliteArticleStore.LOCK_WAIT;

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

    /**
     * Where files that belong with the database are kept, named as the database with a suffix (a server's access
     * token): the SQLite file itself, or for PostgreSQL {@code storylens-data/HOST-PORT-DB.pg} under the working
     * folder (the folder created when missing).
     */
    public static Path tokenBase(String db) throws java.io.IOException {
        if (!isPostgres(db)) {
            return Path.of(db);
        }
        PostgresLocation where = PostgresLocation.parse(db, Map.of());
        String name = where.jdbcUrl().substring("jdbc:postgresql://".length()).replaceAll("\\?.*", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-");
        Path folder = Files.createDirectories(Path.of("storylens-data"));
        return folder.resolve(name + ".pg");
    }

    /** Whether the option names a SQLite file that does not exist (a PostgreSQL database is never missing here). */
    public static boolean isMissingFile(String db) {
        return !isPostgres(db) && !Files.isRegularFile(Path.of(db));
    }

    /**
     * Opens the store with the process's environment (for PostgreSQL's user and password); a write waiting for
     * another process's says so on stderr, for up to {@link #LOCK_WAIT}.
     */
    public static ArticleStore open(String db) throws StoreException {
        return open(db, System.getenv(), notice -> System.err.println("warning: " + notice), LOCK_WAIT);
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
