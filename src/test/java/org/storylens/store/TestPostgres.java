package org.storylens.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries, started in-process on first use and stopped by
 * its shutdown hook), and a fresh empty database on it for each caller. The holder is the one piece of static state
 * the tests keep: starting the server costs seconds, a database a fraction of one.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;
    private static long startMillis;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            long start = System.nanoTime();
            try {
                server = EmbeddedPostgres.builder()
                        // a test server: durability is not what is tested
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            startMillis = (System.nanoTime() - start) / 1_000_000;
            System.err.println("embedded PostgreSQL " + "started in " + startMillis + " ms on port " + server.getPort());
        }
        return server;
    }

    /** How long the server took to start, in milliseconds (0 before it was). */
    public static synchronized long startMillis() {
        return startMillis;
    }

    /** A new empty database, as {@code --db} names it: {@code postgresql://postgres@localhost:PORT/NAME}. */
    public static String newDatabase() {
        EmbeddedPostgres pg = server();
        String name = "storylens_test_" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return "postgresql://postgres@localhost:" + pg.getPort() + "/" + name;
    }
}
