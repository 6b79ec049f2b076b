package org.storylens.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The databases the store's test suite runs on, each a parameter of the same tests: a SQLite file in the test's
 * folder, or a fresh database on the test JVM's embedded PostgreSQL ({@link TestPostgres}).
 */
public enum Backend {

    SQLITE {
        @Override
        public String newDatabase(Path dir, String name) {
            return dir.resolve(name).toString();
        }

        @Override
        public Connection connect(String db) throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + Path.of(db).toAbsolutePath());
        }

        @Override
        public void beginWrite(Statement s) throws SQLException {
            s.execute("BEGIN IMMEDIATE");
        }
    },

    POSTGRESQL {
        @Override
        public String newDatabase(Path dir, String name) {
            return TestPostgres.newDatabase();
        }

        @Override
        public Connection connect(String db) throws SQLException {
            PostgresLocation where = PostgresLocation.parse(db, Map.of());
            return DriverManager.getConnection(where.jdbcUrl(), where.user(), where.password());
        }

        @Override
        public void beginWrite(Statement s) throws SQLException {
            s.execute("BEGIN");
            s.execute("SELECT pg_advisory_xact_lock(" + PostgresTransactions.WRITE_LOCK + ")");
        }
    };

    /** A new database as {@code --db} names it; {@code name} is the file's name on SQLite. */
    public abstract String newDatabase(Path dir, String name);

    /** A plain JDBC connection to the database, beside the store (to break what a store wrote, as a crash could). */
    public abstract Connection connect(String db) throws SQLException;

    /** Begins a transaction that holds the write lock a store's writers take, as another process's writer would. */
    public abstract void beginWrite(Statement s) throws SQLException;

    public ArticleStore open(String db) throws StoreException {
        return Stores.open(db, Map.of(), notice -> { }, SqliteArticleStore.LOCK_WAIT);
    }

    public ArticleStore open(String db, Consumer<String> notices, Duration lockWait) throws StoreException {
        return Stores.open(db, Map.of(), notices, lockWait);
    }
}
