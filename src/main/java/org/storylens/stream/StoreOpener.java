package org.storylens.stream;

import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;
import org.storylens.store.Stores;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How each task of the job opens the shared store: the job's operators run in other threads or processes, so they are
 * given the {@code --db} string, not the store, and open it in their {@code open()} through
 * {@link Stores#open(String)}, as every other command does. Either back end: a SQLite file (kept by its absolute
 * path) or a PostgreSQL URL ({@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql:}; a user or password
 * the URL lacks is read from {@code STORYLENS_DB_USER} / {@code STORYLENS_DB_PASSWORD} in the environment of the
 * process that opens it).
 *
 * @param db the database as {@code --db} names it
 */
public record StoreOpener(String db) implements Serializable {

    public StoreOpener {
        Objects.requireNonNull(db, "db");
    }

    /** The store a {@code --db} option names; a relative SQLite path is made absolute here, where it was given. */
    public static StoreOpener of(String db) {
        return new StoreOpener(Stores.isPostgres(db) ? db : Path.of(db).toAbsolutePath().toString());
    }

    /** Opens the store (its schema created or upgraded when missing or older). */
    public ArticleStore open() throws StoreException {
        return Stores.open(db);
    }

    /** The database as messages name it (a PostgreSQL URL without its password). */
    public String describe() {
        return Stores.describe(db);
    }

    @Override
    public String toString() {
        return describe();
    }
}
