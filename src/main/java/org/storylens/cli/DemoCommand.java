package org.storylens.cli;

import org.apache.flink.core.execution.JobClient;
import org.storylens.clean.Article;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.serve.ServerOptions;
import org.storylens.store.ArticleStore;
import org.storylens.store.SqliteArticleStore;
import org.storylens.store.StoreException;
import org.storylens.store.StoredStory;
import org.storylens.store.Stores;
import org.storylens.stream.ArticlePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code storylens demo}: ingest the bundled sample set into a throw-away database and show what was found. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Ingests the sample articles that ship with storylens (an invented story told by several "
                + "outlets, plus unrelated articles) into a throw-away database, prints what it found and serves it "
                + "as web pages (the URL is printed; stop with Ctrl-C).",
                "--stream takes the distributed path instead, all in this process with nothing installed: a Kafka "
                        + "broker, a PostgreSQL server and the stream job in a Flink MiniCluster of two task managers; "
                        + "the samples are published, placed by the job in PostgreSQL, printed and served from there."})
final class DemoCommand implements Callable<Integer> {

    private static final String SAMPLES = "/org/storylens/demo/";
    /** How long the stream demo waits for the job to place the samples. */
    private static final Duration PLACE_TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the samples and the database "
            + "(default: a new temporary folder).")
    Path dir;

    @Option(names = "--port", defaultValue = "8080", description = "Port to serve on; when it is taken, any free "
            + "one is used. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--serve", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Serve the stories as web pages after printing them (default: yes; --no-serve only prints).")
    boolean serve;

    @Option(names = "--stream", description = "Take the distributed path: publish the samples to a Kafka broker, "
            + "let the stream job (Flink MiniCluster, two task managers) place them in PostgreSQL, print and serve "
            + "from there (broker and database are started in this process; their data is kept in the folder).")
    boolean stream;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("storylens-demo");
        Path samples = extractSamples(work.resolve("samples"));
        if (stream) {
            return streamDemo(work, samples, out, err);
        }
        Path db = work.resolve("demo.db");
        out.println("storylens demo: sample articles in " + samples);
        out.flush();
        int code = new IngestCommand.Ingestion(out, err, true, org.storylens.ingest.PublicAddressGuard.publicOnly())
                .run(List.of(samples.toString()), db.toString(), PipelineFactory.DEFAULT_MAX_BYTES, null, false);
        if (code == StorylensCli.STORE_FAILED) {
            return code;
        }
        String largest;
        try (ArticleStore store = SqliteArticleStore.open(db)) {
            largest = printFound(store, db.toString(), "ingest", true, out);
        } catch (StoreException e) {
            err.println("error: " + e.getMessage());
            return StorylensCli.STORE_FAILED;
        }
        out.flush();
        if (!serve || code != 0) {
            return code;
        }
        return serve(db.toString(), Stores.tokenBase(db.toString()), largest, out, err);
    }

    /**
     * Prints the stored articles and stories as tables, each with the command that shows them again (when
     * {@code hints}: the database outlives the demo); returns the id of the largest story, or null when there is
     * none.
     */
    private static String printFound(ArticleStore store, String db, String assignedBy, boolean hints, PrintWriter out)
            throws StoreException {
        List<Article> articles = store.list();
        out.println();
        new ArticleTable().print(articles, out);
        int removed = articles.stream().mapToInt(a -> a.removed().size()).sum();
        out.println();
        if (hints) {
            out.println("Removed " + removed + " lines of boilerplate; for each article's cleaned text and what was "
                    + "removed, run:");
            out.println("  ./storylens articles --db " + db + " --format json --details");
        } else {
            out.println("Removed " + removed + " lines of boilerplate.");
        }
        out.println();
        List<StoredStory> stories = store.stories();
        new StoryTable().print(stories, out);
        if (hints) {
            out.println("Stories as " + assignedBy + " assigned them; to list them again, run:");
            out.println("  ./storylens stories --db " + db);
        } else {
            out.println("Stories as " + assignedBy + " assigned them.");
        }
        return stories.stream().findFirst().map(StoredStory::id).orElse(null);
    }

    /**
     * The distributed path: broker, PostgreSQL and the job started here, the samples published and placed, the same
     * tables printed as the plain demo prints; then served from PostgreSQL unless {@code --no-serve}, which stops
     * everything it started before it returns.
     */
    private int streamDemo(Path work, Path samples, PrintWriter out, PrintWriter err) throws IOException {
        out.println("Starting a Kafka broker, a PostgreSQL server and a Flink MiniCluster of two task managers in this "
                + "process (their data and logs in " + work + ")...");
        out.flush();
        StreamDemo demo;
        try {
            demo = StreamDemo.start(work);
        } catch (IOException | SQLException | RuntimeException e) {
            err.println(TerminalText.escape("error: cannot start the local broker and database: " + e.getMessage()));
            err.flush();
            return StorylensCli.STORE_FAILED;
        }
        try {
            int published = demo.publish(List.of(samples.toString()), err);
            out.println(published + " articles published to Kafka at " + demo.bootstrapServers() + " topic "
                    + ArticlePublisher.DEFAULT_TOPIC);
            out.flush();
            JobClient job = demo.startJob(published);
            out.println("stream job " + job.getJobID() + " running (parallelism " + StreamDemo.PARALLELISM
                    + ") -> " + Stores.describe(demo.db()) + "; waiting until it has placed every article (the "
                    + "first time takes a minute: each task loads its models)...");
            out.flush();
            int placed = demo.awaitPlaced(published, PLACE_TIMEOUT);
            out.println(placed + " articles assigned to stories by the stream job");
            demo.stopStreaming();
            String largest;
            try (ArticleStore store = Stores.open(demo.db())) {
                // the database is there to query while the demo serves; --no-serve stops it on return
                largest = printFound(store, demo.db(), "the stream job", serve, out);
            }
            if (!serve) {
                out.println("PostgreSQL stops with the demo; its data stays in " + work.resolve("postgres") + ".");
            }
            out.flush();
            if (!serve) {
                return 0;
            }
            // until Ctrl-C: then the server's shutdown hook closes it, and PostgreSQL's own hook stops the server
            return serve(demo.db(), work.resolve("demo-postgresql"), largest, out, err);
        } catch (StoreException e) {
            err.println(TerminalText.escape("error: " + e.getMessage()));
            return StorylensCli.STORE_FAILED;
        } catch (ArticlePublisher.PublishException | IllegalStateException e) {
            err.println(TerminalText.escape("error: " + e.getMessage()));
            return StorylensCli.SOME_INPUTS_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return StorylensCli.SOME_INPUTS_FAILED;
        } catch (Exception e) {
            err.println(TerminalText.escape("error: the stream demo failed: " + e));
            return StorylensCli.SOME_INPUTS_FAILED;
        } finally {
            err.flush();
            demo.close();
        }
    }

    /** Serves the demo database until stopped, after writing the largest story's brief so its page opens at once. */
    private int serve(String db, Path tokenBase, String largest, PrintWriter out, PrintWriter err) {
        int cores = Runtime.getRuntime().availableProcessors();
        ServerRun run;
        try {
            run = startOnFreePort(db, tokenBase, cores, err);
            if (largest != null) {
                out.println();
                out.println("Writing the brief of the largest story (the first time takes a minute: deeper analysis)...");
                out.flush();
                run.library().brief(largest);
            }
        } catch (StoreException | IOException | RuntimeException e) {
            err.println("error: cannot serve the demo: " + e.getMessage());
            err.flush();
            return StorylensCli.STORE_FAILED;
        }
        out.println();
        run.announce(out);
        if (largest != null) {
            out.println("The largest story: " + run.server().url().resolve("/stories/" + largest));
            out.flush();
        }
        run.serveUntilStopped();
        return 0;
    }

    private ServerRun startOnFreePort(String db, Path tokenBase, int cores, PrintWriter err)
            throws StoreException, IOException {
        try {
            return ServerRun.start(db, tokenBase, ServerOptions.onPort(port), cores, err);
        } catch (RuntimeException e) {
            if (port == 0) {
                throw e;
            }
            err.println("warning: port " + port + " is taken (" + e.getMessage() + "); serving on a free one");
            err.flush();
            return ServerRun.start(db, tokenBase, ServerOptions.onPort(0), cores, err);
        }
    }

    static Path extractSamples(Path target) throws IOException {
        Files.createDirectories(target);
        List<String> names;
        try (InputStream index = resource("index.txt")) {
            names = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        }
        for (String name : names) {
            try (InputStream in = resource(name)) {
                Files.copy(in, target.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + name);
        if (in == null) {
            throw new IOException("sample " + name + " is missing from the storylens jar");
        }
        return in;
    }
}
