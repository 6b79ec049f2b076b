package org.storylens.cli;

import org.storylens.ingest.PublicAddressGuard;
import org.storylens.serve.ServerOptions;
import org.storylens.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code storylens serve}: the web application and REST API over a database. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the stories of a database as web pages (stories, each story's brief, articles) and a "
                + "REST API under /api (OpenAPI at /api/openapi.json). Articles POSTed to /api/articles are cleaned, "
                + "stored, analysed and assigned to stories on arrival.",
                "Writes need the access token generated on the first start (kept beside the database as DB.token)."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE|URL", defaultValue = "storylens-data/storylens.db",
            description = "SQLite database file (created when missing), or a PostgreSQL database as "
                    + "postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB or a jdbc:postgresql: URL (user and password also "
                    + "from STORYLENS_DB_USER / STORYLENS_DB_PASSWORD). Default: ${DEFAULT-VALUE}")
    String db;

    @Option(names = "--port", defaultValue = "8080", description = "Port (0: any free one). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (0.0.0.0: every interface). Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--allowed-host", paramLabel = "NAME", description = "A name requests may give as their Host "
            + "besides localhost, 127.0.0.1, [::1] and the --host address (repeatable; others get 421: a guard against "
            + "DNS rebinding).")
    List<String> allowedHosts = List.of();

    @Option(names = "--read-token", description = "Reads need the access token too (default: reads are open).")
    boolean readToken;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest request body accepted. "
            + "Default: 33554432 (32 MiB)")
    long maxBody = ServerOptions.DEFAULT_MAX_BODY_BYTES;

    @Option(names = "--threads", paramLabel = "N", description = "Analysis threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--watch", paramLabel = "FEED_URL", split = ",", description = "Also poll these RSS/Atom feeds "
            + "(as 'storylens watch' does: robots.txt, conditional GET, per-host delay) and take in what they bring.")
    List<String> watch = List.of();

    @Option(names = "--every", paramLabel = "INTERVAL", defaultValue = "10m", converter = PollInterval.class,
            description = "How often --watch polls: 30s, 10m, 1h (at least 10s). Default: ${DEFAULT-VALUE}")
    Duration every;

    @Option(names = "--allow-private", description = "Let --watch fetch feeds and pages on loopback, private and "
            + "link-local addresses too (by default only the public web is fetched).")
    boolean allowPrivate;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerOptions options;
        try {
            options = new ServerOptions(host, port, maxBody, readToken).withAllowedHosts(allowedHosts);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return StorylensCli.USAGE;
        }
        if (!WatchCommand.feedUrlsValid(watch, err)) {
            return StorylensCli.USAGE;
        }
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ServerRun run;
        try {
            run = ServerRun.start(db, options, cores, err);
        } catch (StoreException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return StorylensCli.STORE_FAILED;
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot start the server on " + host + ":" + port + ": " + e.getMessage());
            err.flush();
            return StorylensCli.USAGE;
        }
        run.announce(out);
        if (!watch.isEmpty()) {
            run.watch(watch, every, PublicAddressGuard.of(allowPrivate), out, err);
        }
        run.serveUntilStopped();
        return 0;
    }
}
