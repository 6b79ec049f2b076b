package org.storylens.stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server started from the binaries inside the storylens jar (zonky's embedded PostgreSQL), for
 * {@code demo --stream}: its data in a folder of the caller's (kept when it stops, and used again when started on
 * it again), its log in {@code postgres.log} beside that folder, listening on a free port of the loopback interface.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts the server on {@code dataDir}, initialising it when it is new. */
    public static LocalPostgres start(Path dataDir) throws IOException {
        Path parent = dataDir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Redirect log = Redirect.appendTo(parent.resolve("postgres.log").toFile());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toAbsolutePath())
                .setCleanDataDirectory(false)
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
        return new LocalPostgres(server);
    }

    /**
     * The database {@code name} as {@code --db} names it ({@code postgresql://postgres@localhost:PORT/NAME}), created
     * when missing.
     *
     * @throws IllegalArgumentException when the name is not a plain lower-case identifier
     */
    public String database(String name) throws SQLException {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        }
        return "postgresql://postgres@localhost:" + server.getPort() + "/" + name;
    }

    /** Stops the server; its data stays in the folder. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
