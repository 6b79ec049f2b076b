package org.storylens.cli;

import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.serve.AccessToken;
import org.storylens.serve.BackgroundRecovery;
import org.storylens.serve.FairIntake;
import org.storylens.serve.ServerOptions;
import org.storylens.serve.StoryLibrary;
import org.storylens.serve.StorylensServer;
import org.storylens.store.ArticleStore;
import org.storylens.store.Stores;
import org.storylens.store.StoreException;
import org.storylens.store.StoryListing;
import org.storylens.store.StoryQuery;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * One running web application over a database, with everything it holds open (store, embedder, server), shared by
 * {@code serve} and {@code demo}. Closing it stops the server and closes the rest.
 */
final class ServerRun implements AutoCloseable {

    /** How many of the newest stories have their briefs written in the background at start. */
    private static final int PREPARED_AT_START = 20;
    /**
     * How long a reader of a story never briefed waits for its brief before the page says it is being written: not at
     * all (writing it takes seconds).
     */
    private static final java.time.Duration FIRST_VIEW_WAIT = java.time.Duration.ZERO;

    private final ArticleStore store;
    private final MiniLmEmbedder embedder;
    private final StoryLibrary library;
    private final StorylensServer server;
    private final AccessToken token;
    private final FairIntake intake;
    private final BackgroundRecovery recovery;
    private final PipelineFactory factory;
    private FeedWatchLoop watching;

    private ServerRun(ArticleStore store, MiniLmEmbedder embedder, StoryLibrary library, StorylensServer server,
                      AccessToken token, FairIntake intake, BackgroundRecovery recovery, PipelineFactory factory) {
        this.store = store;
        this.embedder = embedder;
        this.library = library;
        this.server = server;
        this.token = token;
        this.intake = intake;
        this.recovery = recovery;
        this.factory = factory;
    }

    /**
     * Opens the database and starts the server; articles a stopped run left in no story are then placed in the
     * background (progress in {@code /api/health}) while the server answers, and the briefs of the newest stories
     * are written in the background (those the store keeps for the stories as they are are read back instead).
     */
    static ServerRun start(String db, ServerOptions options, int threads, PrintWriter err) throws StoreException,
            IOException {
        return start(db, Stores.tokenBase(db), options, threads, err);
    }

    /** As {@link #start(String, ServerOptions, int, PrintWriter)}, the access token kept beside {@code tokenBase}. */
    static ServerRun start(String db, Path tokenBase, ServerOptions options, int threads, PrintWriter err)
            throws StoreException, IOException {
        ArticleStore store = Stores.open(db);
        MiniLmEmbedder embedder = null;
        StoryLibrary library = null;
        StorylensServer server = null;
        try {
            AccessToken token = AccessToken.besideDatabase(tokenBase);
            embedder = new MiniLmEmbedder(1);
            PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
            FairIntake intake = new FairIntake(new ArticleIntake(store, factory, embedder, threads));
            library = new StoryLibrary(store, factory.storedAnalyses(store, AnalysisTier.BRIEF, threads, embedder),
                    factory.briefWriter(embedder), 256, FIRST_VIEW_WAIT);
            StoryLibrary briefs = library;
            BackgroundRecovery recovery = new BackgroundRecovery(store, intake, warning -> {
                synchronized (err) {
                    err.println("warning: " + TerminalText.escape(warning));
                    err.flush();
                }
            }, () -> prepareNewest(store, briefs));
            server = new StorylensServer(library, intake, recovery::progress, token, options,
                    System.err).start();
            int left = recovery.start();
            if (left > 0) {
                err.println("placing " + left + " stored articles a stopped run left in no story, in the background "
                        + "(progress at /api/health)");
                err.flush();
            }
            prepareNewest(store, library);
            return new ServerRun(store, embedder, library, server, token, intake, recovery, factory);
        } catch (IOException | StoreException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            if (library != null) {
                library.close();
            }
            if (embedder != null) {
                embedder.close();
            }
            store.close();
            throw e;
        }
    }

    /**
     * Brings the briefs of the newest stories up to date in the background, so that their pages open at once: a
     * brief the store keeps for a story as it is is read back, one of a story that grew or was never briefed written.
     */
    private static void prepareNewest(ArticleStore store, StoryLibrary library) {
        try {
            library.prepare(store.stories(new StoryQuery(null, null, null, null, null, PREPARED_AT_START, 0))
                    .stream().map(StoryListing::id).toList());
        } catch (StoreException e) {
            // the briefs are written when first asked for
        }
    }

    StoryLibrary library() {
        return library;
    }

    StorylensServer server() {
        return server;
    }

    AccessToken token() {
        return token;
    }

    FairIntake intake() {
        return intake;
    }

    ArticleStore store() {
        return store;
    }

    /**
     * Polls the feeds every interval on a background thread, the articles they bring going through the same intake
     * as those POSTed; the loop stops when this run is closed.
     */
    synchronized void watch(List<String> feeds, java.time.Duration every, org.storylens.ingest.PublicAddressGuard guard,
                            PrintWriter out, PrintWriter err) {
        FeedWatchLoop.Intake briefed = raw -> {
            ArticleIntake.Outcome outcome = intake.accept(raw);
            // the stories that grew get their briefs written before anyone asks
            library.prepare(outcome.storyIds());
            return outcome;
        };
        watching = new FeedWatchLoop(factory.feedWatcher(feeds, WatchCommand.stored(store), guard), briefed, out, err);
        watching.start(every);
        out.println("watching " + feeds.size() + " feeds every " + WatchCommand.describe(every));
        out.flush();
    }

    /** Prints where the server is and, the first time, the access token. */
    void announce(PrintWriter out) {
        out.println("storylens is serving " + server.url());
        if (token.created()) {
            out.println("Access token for writes (printed once; kept in " + token.file() + "):");
            out.println("  " + token.value());
        } else {
            out.println("Access token for writes: in " + token.file());
        }
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    /** Serves until the process is interrupted or terminated. */
    void serveUntilStopped() {
        Object stop = new Object();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "storylens-shutdown"));
        synchronized (stop) {
            try {
                while (true) {
                    stop.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (watching != null) {
            watching.close();
        }
        recovery.close();
        server.close();
        library.close();
        embedder.close();
        try {
            store.close();
        } catch (StoreException e) {
            // already closed, or the connection is gone: SQLite kept every commit
        }
    }
}
