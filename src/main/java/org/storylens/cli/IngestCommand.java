package org.storylens.cli;

import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.clean.Article;
import org.storylens.ingest.PublicAddressGuard;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.Failure;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.pipeline.StoredStories;
import org.storylens.store.ArticleStore;
import org.storylens.store.Stores;
import org.storylens.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code storylens ingest PATH...}: read, clean and store articles. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads articles from files, folders (recursively) or http(s) feed URLs, cleans them and stores "
                + "them in the database. The same text is stored once: a re-run reports 0 new.",
                "Formats, told by content: plain text, HTML, RSS/Atom, JSON Lines, WARC (.gz too).",
                "New articles are analysed at the ingest tier and assigned to stories (joining a stored story or "
                        + "opening one; list them with 'storylens stories'). Stored articles in no story (left by a "
                        + "stopped run, or stored with --no-analyse) are placed first.",
                "One writer at a time: an ingest into a database another process is writing waits for it.",
                "Exit code: 0 all inputs read, 1 some inputs failed (the rest was stored), 3 database error."})
final class IngestCommand implements Callable<Integer> {

    /** Articles stored per transaction: a crash loses at most the batch in flight. */
    private static final int BATCH = ArticleIntake.BATCH;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders or http(s) URLs of feeds.")
    List<String> paths;

    @Option(names = "--db", paramLabel = "FILE|URL", defaultValue = "storylens-data/storylens.db",
            description = "SQLite database file (created when missing), or a PostgreSQL database as "
                    + "postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB or a jdbc:postgresql: URL (user and password also "
                    + "from STORYLENS_DB_USER / STORYLENS_DB_PASSWORD; the database must exist, its tables are "
                    + "created). Default: ${DEFAULT-VALUE}")
    String db;

    @picocli.CommandLine.Mixin
    ReadOptions read = new ReadOptions();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--progress", negatable = true, description = "Show a progress bar on stderr "
            + "(default: when stderr is a terminal).")
    Boolean progress;

    @Option(names = "--analyse", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Analyse new articles at the ingest tier (entities, dates, quotes, figures) and keep the "
                    + "analyses in the database, then assign them to stories (default: yes; --no-analyse only "
                    + "stores: those articles are in no story until the next analysing run places them).")
    boolean analyse;

    @Option(names = "--allow-private", description = "Fetch URLs on loopback, private and link-local addresses too "
            + "(by default storylens fetches only the public web).")
    boolean allowPrivate;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return new Ingestion(out, err, analyse, PublicAddressGuard.of(allowPrivate)).run(paths, db, read.maxBytes, threads, progress);
    }

    /** The summary line of the stored articles an earlier run left in no story and this one placed. */
    static String leftoversPlaced(long placed) {
        return "placed " + placed + (placed == 1 ? " article" : " articles") + " a stopped run left in no story";
    }

    /** The ingest run itself, shared with {@code demo}. */
    static final class Ingestion {
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean analyse;
        private final PublicAddressGuard guard;

        /** @param guard which hosts URLs named as inputs may be fetched from */
        Ingestion(PrintWriter out, PrintWriter err, boolean analyse, PublicAddressGuard guard) {
            this.out = out;
            this.err = err;
            this.analyse = analyse;
            this.guard = guard;
        }

        private void warn(String notice) {
            err.println(TerminalText.escape("warning: " + notice));
            err.flush();
        }

        int run(List<String> paths, String db, long maxBytes, Integer threads, Boolean progress) {
            long start = System.nanoTime();
            int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            boolean showProgress = progress != null ? progress : System.console() != null;
            List<Failure> failures = new ArrayList<>();
            try (ArticleStore store = Stores.open(db, System.getenv(), this::warn, Stores.LOCK_WAIT)) {
                // what a stopped run (or --no-analyse) left in no story is placed before what arrives now
                List<Article> leftovers = analyse ? store.withoutStory() : List.of();
                PipelineFactory factory = new PipelineFactory(maxBytes, guard);
                BatchResult result = factory.readAndClean(paths, cores, new ProgressBar(err, showProgress));
                failures.addAll(result.failures());
                List<Article> fresh = new ArrayList<>();
                List<Article> articles = result.articles();
                for (int i = 0; i < articles.size(); i += BATCH) {
                    for (ArticleStore.Added added : store.addAll(articles.subList(i, Math.min(articles.size(), i + BATCH)))) {
                        if (added.isNew()) {
                            fresh.add(added.article());
                        }
                    }
                }
                long analysing = System.nanoTime();
                ArticleIntake.Placement placement = new ArticleIntake.Placement(0,
                        new StoredStories.Outcome(List.of()), List.of());
                // the embedder is loaded only when something is to be placed: new articles, or some a stopped run left
                if (analyse && (!fresh.isEmpty() || !leftovers.isEmpty())) {
                    List<Article> toPlace = new ArrayList<>(leftovers);
                    toPlace.addAll(fresh);
                    try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
                        placement = new ArticleIntake(store, factory,
                                factory.storedAnalyses(store, AnalysisTier.INGEST, cores), embedder, cores, this::warn)
                                .placeStored(toPlace);
                    }
                    failures.addAll(placement.failures());
                }
                Set<String> leftoverIds = new HashSet<>();
                leftovers.forEach(a -> leftoverIds.add(a.id()));
                long leftoversPlaced = placement.assigned().assignments().stream()
                        .filter(a -> leftoverIds.contains(a.articleId())).count();
                int analysed = placement.analysed();
                StoredStories.Outcome assigned = placement.assigned();
                double analyseSeconds = (System.nanoTime() - analysing) / 1e9;
                result.warnings().forEach(w -> err.println(TerminalText.escape("warning: " + w)));
                failures.forEach(f -> err.println(TerminalText.escape("error: " + f)));
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "%d inputs, %d articles read, %d new, %d already stored, %d failed "
                                + "(%.1f s, %.1f articles/s) -> %s%n",
                        result.inputs(), articles.size(), fresh.size(), articles.size() - fresh.size(),
                        failures.size(), seconds, articles.size() / Math.max(seconds, 1e-3), Stores.describe(db));
                if (leftoversPlaced > 0) {
                    out.println(leftoversPlaced(leftoversPlaced));
                }
                if (analysed > 0) {
                    out.printf(Locale.ROOT, "%d new articles analysed at the ingest tier (%.1f s, %.1f articles/s)%n",
                            analysed, analyseSeconds, analysed / Math.max(analyseSeconds, 1e-3));
                }
                if (assigned.assigned() > 0) {
                    out.printf(Locale.ROOT, "%d articles assigned to stories: %d new stories, %d joined a story%n",
                            assigned.assigned(), assigned.opened(), assigned.joined());
                }
                out.flush();
                err.flush();
                return failures.isEmpty() ? 0 : StorylensCli.SOME_INPUTS_FAILED;
            } catch (StoreException e) {
                failures.forEach(f -> err.println(TerminalText.escape("error: " + f)));
                err.println(TerminalText.escape("error: " + e.getMessage()));
                err.flush();
                return StorylensCli.STORE_FAILED;
            }
        }
    }
}
