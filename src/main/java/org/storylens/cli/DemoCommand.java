package org.storylens.cli;

import org.storylens.clean.Article;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.serve.ServerOptions;
import org.storylens.store.ArticleStore;
import org.storylens.store.SqliteArticleStore;
import org.storylens.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code storylens demo}: ingest the bundled sample set into a throw-away database and show what was found. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Ingests the sample articles that ship with storylens (an invented story told by several "
                + "outlets, plus unrelated articles) into a throw-away database, prints what it found and serves it "
                + "as web pages (the URL is printed; stop with Ctrl-C).")
final class DemoCommand implements Callable<Integer> {

    private static final String SAMPLES = "/org/storylens/demo/";

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the samples and the database "
            + "(default: a new temporary folder).")
    Path dir;

    @Option(names = "--port", defaultValue = "8080", description = "Port to serve on; when it is taken, any free "
            + "one is used. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--serve", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Serve the stories as web pages after printing them (default: yes; --no-serve only prints).")
    boolean serve;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("storylens-demo");
        Path samples = extractSamples(work.resolve("samples"));
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
            List<Article> articles = store.list();
            out.println();
            new ArticleTable().print(articles, out);
            int removed = articles.stream().mapToInt(a -> a.removed().size()).sum();
            out.println();
            out.println("Removed " + removed + " lines of boilerplate; for each article's cleaned text and what was "
                    + "removed, run:");
            out.println("  ./storylens articles --db " + db + " --format json --details");
            out.println();
            new StoryTable().print(store.stories(), out);
            out.println("Stories as ingest assigned them; to list them again, run:");
            out.println("  ./storylens stories --db " + db);
            largest = store.stories().stream().findFirst().map(s -> s.id()).orElse(null);
        } catch (StoreException e) {
            err.println("error: " + e.getMessage());
            return StorylensCli.STORE_FAILED;
        }
        out.flush();
        if (!serve || code != 0) {
            return code;
        }
        return serve(db, largest, out, err);
    }

    /** Serves the demo database until stopped, after writing the largest story's brief so its page opens at once. */
    private int serve(Path db, String largest, PrintWriter out, PrintWriter err) {
        int cores = Runtime.getRuntime().availableProcessors();
        ServerRun run;
        try {
            run = startOnFreePort(db, cores, err);
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

    private ServerRun startOnFreePort(Path db, int cores, PrintWriter err) throws StoreException, IOException {
        try {
            return ServerRun.start(db.toString(), ServerOptions.onPort(port), cores, err);
        } catch (RuntimeException e) {
            if (port == 0) {
                throw e;
            }
            err.println("warning: port " + port + " is taken (" + e.getMessage() + "); serving on a free one");
            err.flush();
            return ServerRun.start(db.toString(), ServerOptions.onPort(0), cores, err);
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
