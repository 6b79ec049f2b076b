package org.storylens.cli;

import org.storylens.ingest.FeedWatcher;
import org.storylens.ingest.IngestException;
import org.storylens.ingest.RawArticle;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.pipeline.Failure;
import org.storylens.store.StoreException;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The loop of {@code storylens watch} and {@code serve --watch}: rounds of polling the feeds ({@link FeedWatcher})
 * and handing the new articles to the intake ({@link ArticleIntake#accept}: cleaned, stored, analysed, assigned to
 * stories), one line per round on {@code out} and one {@code error:} line per failure on {@code err}.
 *
 * <p>{@link #runRound()} runs one round on the caller's thread; {@link #start} runs rounds on a thread of the loop's
 * own, the first at once and each next one {@code every} after the one before ended, until {@link #close()}, which
 * interrupts a round in progress (a fetch or a wait for a host ends at once; the articles of the round are then
 * handed in or, failing that, read again next time). Nothing a round throws ends the loop: a feed or an entry that
 * fails (errors such as {@link StackOverflowError} included) fails alone inside the round, and anything that escapes
 * a round ({@link OutOfMemoryError} in the intake, say) is reported on {@code err} and the next round comes as
 * planned. Thread-safe.
 */
public final class FeedWatchLoop implements AutoCloseable {

    /** Where a round's new articles go; in storylens {@code intake::accept} of an {@link ArticleIntake}. */
    @FunctionalInterface
    public interface Intake {
        ArticleIntake.Outcome accept(List<RawArticle> raw) throws StoreException;
    }

    /**
     * What one round did.
     *
     * @param round         its number, from 1
     * @param polled        feeds polled
     * @param unchanged     feeds that answered 304 Not Modified
     * @param entriesRead   articles read from new entries
     * @param newArticles   of those, articles stored for the first time
     * @param waiting       new entries left for later rounds (over the per-feed limit of a round, or to be retried)
     * @param failures      feeds and entries that could not be read, articles that could not be cleaned or analysed
     * @param storeFailure  why the articles could not be stored, or null
     */
    public record RoundReport(int round, int polled, int unchanged, int entriesRead, int newArticles, int waiting,
                              List<String> failures, String storeFailure) {

        public RoundReport {
            failures = List.copyOf(failures);
        }

        /** The line printed for the round. */
        public String summary() {
            return String.format(Locale.ROOT, "round %d: %d feeds polled, %d new articles (%d entries read), "
                            + "%d unchanged (304), %d failed%s%s",
                    round, polled, newArticles, entriesRead, unchanged, failures.size(),
                    waiting == 0 ? "" : "; " + waiting + " entries wait for later rounds",
                    storeFailure == null ? "" : "; not stored: " + storeFailure);
        }
    }

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final FeedWatcher watcher;
    private final Intake intake;
    private final PrintWriter out;
    private final PrintWriter err;
    private int rounds;
    private ScheduledExecutorService executor;

    public FeedWatchLoop(FeedWatcher watcher, Intake intake, PrintWriter out, PrintWriter err) {
        this.watcher = Objects.requireNonNull(watcher, "watcher");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Polls the feeds once, hands the new articles in and prints the round's line. */
    public RoundReport runRound() {
        int number;
        synchronized (this) {
            number = ++rounds;
        }
        List<String> failures = new ArrayList<>();
        FeedWatcher.Round round;
        try {
            round = watcher.poll();
        } catch (RuntimeException | Error e) {
            // alreadyStored could not ask the store (the watcher catches everything else per feed and per entry)
            return report(new RoundReport(number, 0, 0, 0, 0, 0, List.of(), describe(e)));
        }
        round.failures().stream().map(IngestException::getMessage).forEach(failures::add);
        int fresh = 0;
        String storeFailure = null;
        if (!round.articles().isEmpty()) {
            try {
                ArticleIntake.Outcome outcome = intake.accept(round.articles());
                fresh = (int) outcome.placed().stream().filter(ArticleIntake.Placed::isNew).count();
                outcome.failures().stream().map(Failure::toString).forEach(failures::add);
            } catch (StoreException | RuntimeException | Error e) {
                // an Error too (out of memory in analysis, say): the round is reported and the loop goes on
                storeFailure = describe(e);
                // what was read is read again next round, where it is not stored by then
                watcher.forgetSeen();
            }
        }
        return report(new RoundReport(number, round.polled(), round.unchanged(), round.articles().size(), fresh,
                round.waiting(), failures, storeFailure));
    }

    /**
     * Starts running rounds on the loop's own (daemon) thread: the first now, each next one {@code every} after the
     * one before ended. A round that fails is reported and the next one comes as planned.
     *
     * @throws IllegalStateException when already started
     */
    public synchronized void start(Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive: " + every);
        }
        if (executor != null) {
            throw new IllegalStateException("the watch loop is already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "storylens-watch");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runRoundReportingErrors, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the loop is closed (by another thread, or a shutdown hook). */
    public void awaitClose() throws InterruptedException {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
        }
        if (running != null) {
            while (!running.awaitTermination(1, TimeUnit.HOURS)) {
                // watching goes on
            }
        }
    }

    /** Stops the rounds: a round in progress is interrupted and waited for (up to 30 s). Idempotent. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
        }
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            running.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A round for the scheduler: it must not throw, for a scheduled task that throws is never run again (silently).
     * Anything a round throws, errors included, is reported and the next round comes as planned.
     */
    private void runRoundReportingErrors() {
        try {
            runRound();
        } catch (Throwable e) {
            try {
                synchronized (err) {
                    err.println(TerminalText.escape("error: watch round failed: " + describe(e) + "; the next round comes as planned"));
                    err.flush();
                }
            } catch (Throwable reportFailed) {
                // nothing left to report with; the loop still goes on
            }
        }
    }

    private RoundReport report(RoundReport report) {
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        synchronized (err) {
            report.failures().forEach(f -> err.println(TerminalText.escape("error: " + f)));
            if (report.storeFailure() != null) {
                err.println(TerminalText.escape("error: " + report.storeFailure()));
            }
            err.flush();
        }
        synchronized (out) {
            out.println(time + " " + report.summary());
            out.flush();
        }
        return report;
    }

    private static String describe(Throwable e) {
        if (e instanceof Error) {
            return e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
