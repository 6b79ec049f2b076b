package org.storylens.cli;

import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.ingest.FeedWatcher;
import org.storylens.ingest.PublicAddressGuard;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.store.ArticleStore;
import org.storylens.store.Stores;
import org.storylens.store.StoreException;
import org.storylens.stream.ArticlePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** {@code storylens watch FEED_URL...}: poll feeds and ingest their new articles until stopped. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Polls RSS/Atom feeds and ingests their new articles (cleaned, stored, analysed at the ingest "
                + "tier, assigned to stories), round after round until stopped (Ctrl-C); with --kafka, publishes "
                + "them to Kafka for 'storylens stream' instead.",
                "Only the public web is fetched (loopback, private and link-local addresses are refused, at every "
                        + "redirect too) unless --allow-private is given.",
                "Politely: robots.txt is obeyed, one request at a time per host at least 1 s apart (or the site's "
                        + "Crawl-delay, up to 60 s), feeds fetched with conditional GETs, entries already seen or "
                        + "stored never fetched again.",
                "One line per round: feeds polled, new articles, unchanged feeds (304), failures; each failure "
                        + "on stderr.",
                "Exit code (--once): 0 all feeds read, 1 some feeds or entries failed, 3 database error (or, with "
                        + "--kafka, the broker did not take the articles)."})
final class WatchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FEED_URL", arity = "1..*", description = "http(s) URLs of RSS or Atom feeds.")
    List<String> feeds;

    @Option(names = "--db", paramLabel = "FILE|URL", defaultValue = "storylens-data/storylens.db",
            description = "SQLite database file (created when missing), or a PostgreSQL database as "
                    + "postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB or a jdbc:postgresql: URL (user and password also "
                    + "from STORYLENS_DB_USER / STORYLENS_DB_PASSWORD). Default: ${DEFAULT-VALUE}")
    String db;

    @Option(names = "--every", paramLabel = "INTERVAL", defaultValue = "10m", converter = PollInterval.class,
            description = "Time between the end of one round and the start of the next: 30s, 10m, 1h; at least "
                    + "10s. Default: ${DEFAULT-VALUE}")
    Duration every;

    @Option(names = "--once", description = "Poll once and exit.")
    boolean once;

    @picocli.CommandLine.Mixin
    ReadOptions read = new ReadOptions();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--allow-private", description = "Fetch feeds and pages on loopback, private and link-local "
            + "addresses too (by default only the public web is fetched: a feed entry cannot make storylens read "
            + "the machine it runs on or its network).")
    boolean allowPrivate;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Publish the new entries' articles to Kafka for 'storylens stream' instead of ingesting them "
                    + "(raw, keyed by content hash, as 'publish' does); with --db given as well, entries whose link "
                    + "that database holds are skipped.")
    String kafka;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = ArticlePublisher.DEFAULT_TOPIC,
            description = "With --kafka: the topic to publish to. Default: ${DEFAULT-VALUE}")
    String topic;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!feedUrlsValid(feeds, err)) {
            return StorylensCli.USAGE;
        }
        if (kafka != null) {
            return publishing(out, err);
        }
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        try (ArticleStore store = Stores.open(db); MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
            PipelineFactory factory = new PipelineFactory(read.maxBytes);
            ArticleIntake intake = new ArticleIntake(store, factory, embedder, cores);
            placeLeftovers(intake, out, err);
            FeedWatcher watcher = factory.feedWatcher(feeds, stored(store), PublicAddressGuard.of(allowPrivate));
            return run(watcher, intake::accept, Stores.describe(db), out);
        } catch (StoreException e) {
            err.println(TerminalText.escape("error: " + e.getMessage()));
            err.flush();
            return StorylensCli.STORE_FAILED;
        }
    }

    /**
     * {@code --kafka}: each round's new articles are published raw to the topic (an article counts as new when
     * published); a round whose articles the broker does not take is reported and read again next round.
     */
    private int publishing(PrintWriter out, PrintWriter err) {
        boolean withStore = spec.commandLine().getParseResult().hasMatchedOption("--db");
        try (ArticleStore store = withStore ? Stores.open(db) : null;
             ArticlePublisher publisher = new ArticlePublisher(kafka, topic)) {
            Predicate<String> alreadyStored = store != null ? stored(store) : url -> false;
            FeedWatcher watcher = new PipelineFactory(read.maxBytes).feedWatcher(feeds, alreadyStored,
                    PublicAddressGuard.of(allowPrivate));
            FeedWatchLoop.Intake publish = raw -> {
                try {
                    publisher.publish(raw);
                } catch (ArticlePublisher.PublishException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                return new ArticleIntake.Outcome(raw.stream()
                        .map(a -> new ArticleIntake.Placed(ArticlePublisher.keyOf(a), true, null, null)).toList(),
                        List.of());
            };
            return run(watcher, publish, "Kafka " + kafka + " topic " + topic, out);
        } catch (StoreException e) {
            err.println(TerminalText.escape("error: " + e.getMessage()));
            err.flush();
            return StorylensCli.STORE_FAILED;
        } catch (org.apache.kafka.common.KafkaException e) {
            err.println(TerminalText.escape("error: " + kafka + ": " + e.getMessage()));
            err.flush();
            return StorylensCli.STORE_FAILED;
        }
    }

    /** Runs one round ({@code --once}) or rounds until stopped; returns the exit code. */
    private int run(FeedWatcher watcher, FeedWatchLoop.Intake intake, String target, PrintWriter out) {
        try (FeedWatchLoop loop = new FeedWatchLoop(watcher, intake, out, spec.commandLine().getErr())) {
            if (once) {
                FeedWatchLoop.RoundReport report = loop.runRound();
                return report.storeFailure() != null ? StorylensCli.STORE_FAILED
                        : report.failures().isEmpty() ? 0 : StorylensCli.SOME_INPUTS_FAILED;
            }
            out.println("watching " + feeds.size() + " feeds every " + describe(every) + " -> " + target
                    + " (Ctrl-C stops)");
            out.flush();
            // Ctrl-C: the round in progress is interrupted and waited for, so that its transaction ends cleanly
            Thread stopper = new Thread(loop::close, "storylens-watch-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            loop.start(every);
            try {
                loop.awaitClose();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    /**
     * Places what a stopped run (or {@code ingest --no-analyse}) left in no story before the first round, and says
     * so; a batch that cannot be analysed is a warning (its articles stay stored and are tried again next start).
     */
    static void placeLeftovers(ArticleIntake intake, PrintWriter out, PrintWriter err) throws StoreException {
        ArticleIntake.Placement placed = intake.placeLeftovers();
        placed.failures().forEach(f -> err.println(TerminalText.escape("warning: " + f)));
        if (placed.assigned().assigned() > 0) {
            out.println(IngestCommand.leftoversPlaced(placed.assigned().assigned()));
        }
        out.flush();
        err.flush();
    }

    /** Whether every feed is an http(s) URL; says which is not. */
    static boolean feedUrlsValid(List<String> feeds, PrintWriter err) {
        for (String feed : feeds) {
            if (!feed.matches("(?i)https?://[^/?#\\s]+.*")) {
                err.println(TerminalText.escape("error: " + feed + ": not an http(s) feed URL"));
                err.flush();
                return false;
            }
        }
        return true;
    }

    /** The store's answer to "is an article with this URL stored?"; a store failure ends the round. */
    static Predicate<String> stored(ArticleStore store) {
        return url -> {
            try {
                return store.hasUrl(url);
            } catch (StoreException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + "h" : s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
