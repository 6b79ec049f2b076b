package org.storylens.stream;

import org.storylens.store.ArticleStore;
import org.storylens.store.SqliteArticleStore;
import org.storylens.store.StoreException;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * How each task of the job opens the shared store (the job's operators run in other threads or processes, so they are
 * given the way to the store, not the store). Serializable.
 */
@FunctionalInterface
public interface StoreOpener extends Serializable {

    ArticleStore open() throws StoreException;

    /** What the store is, for messages. */
    default String describe() {
        return toString();
    }

    /** A SQLite database file (one machine). */
    static StoreOpener sqlite(Path file) {
        return new Sqlite(file.toAbsolutePath().toString());
    }

    /** A SQLite database, by its file's absolute path. */
    record Sqlite(String file) implements StoreOpener {

        @Override
        public ArticleStore open() throws StoreException {
            return SqliteArticleStore.open(Path.of(file), notice -> System.err.println("warning: " + notice),
                    SqliteArticleStore.LOCK_WAIT);
        }

        @Override
        public String describe() {
            return file;
        }
    }
}
