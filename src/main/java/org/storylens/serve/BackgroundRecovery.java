package org.storylens.serve;

import org.storylens.clean.Article;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.pipeline.Failure;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Places, behind a server that already answers, the stored articles a stopped run left in no story: on one thread,
 * {@link #CHUNK} at a time through the {@link FairIntake}, so that articles POSTed meanwhile wait for one chunk at
 * most. {@code /api/health} reports its {@link Progress}. An article that cannot be placed stays stored, in no
 * story, with a warning; the next start tries it again. Thread-safe.
 */
public final class BackgroundRecovery implements AutoCloseable {

    /** Left-over articles placed per turn of the intake. */
    public static final int CHUNK = 100;

    /**
     * Where the recovery is.
     *
     * @param pending articles left in no story that it has not tried yet
     * @param placed  those it tried that are now in a story
     * @param failed  those it tried that could not be placed (stored, in no story; tried again on the next start)
     * @param running whether it is still at work
     */
    public record Progress(int pending, int placed, int failed, boolean running) {

        /** Nothing was left over. */
        public static final Progress NONE = new Progress(0, 0, 0, false);
    }

    private final ArticleStore store;
    private final FairIntake intake;
    private final Consumer<String> warn;
    private final Runnable whenDone;
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.NONE);
    private volatile boolean closed;
    private boolean started;
    private Thread worker;

    /**
     * @param warn     told each article or chunk that could not be placed, as one line
     * @param whenDone run on the recovery's thread once every left-over article was tried (not when closed first)
     */
    public BackgroundRecovery(ArticleStore store, FairIntake intake, Consumer<String> warn, Runnable whenDone) {
        this.store = store;
        this.intake = intake;
        this.warn = warn;
        this.whenDone = whenDone;
    }

    /**
     * Finds the articles in no story and starts placing them on a background thread; returns how many there are.
     * Progress is exact from the moment this returns.
     */
    public synchronized int start() throws StoreException {
        if (started) {
            throw new IllegalStateException("the recovery was started already");
        }
        started = true;
        // only their ids are kept: each chunk's articles are read when its turn comes
        List<String> left = store.withoutStory().stream().map(Article::id).toList();
        progress.set(new Progress(left.size(), 0, 0, !left.isEmpty()));
        if (left.isEmpty()) {
            return 0;
        }
        worker = new Thread(() -> run(left), "storylens-recovery");
        worker.setDaemon(true);
        worker.start();
        return left.size();
    }

    /** Where it is now. */
    public Progress progress() {
        return progress.get();
    }

    private void run(List<String> left) {
        int placed = 0;
        int failed = 0;
        for (int i = 0; i < left.size() && !closed; i += CHUNK) {
            List<String> chunk = left.subList(i, Math.min(left.size(), i + CHUNK));
            int nowPlaced;
            try {
                // articles analysed by the stopped run may have been placed meanwhile, with a POSTed batch
                place(inNoStory(chunk));
                nowPlaced = chunk.size() - inNoStoryCount(chunk);
            } catch (StoreException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
                if (closed) {
                    break; // the store was closed under it: what was committed is kept
                }
                warn.accept("left-over articles " + (i + 1) + "-" + (i + chunk.size()) + " of " + left.size()
                        + " could not be placed (they stay stored, in no story; the next start tries again): " + e);
                nowPlaced = 0;
            }
            placed += nowPlaced;
            failed += chunk.size() - nowPlaced;
            progress.set(new Progress(left.size() - i - chunk.size(), placed, failed, true));
        }
        Progress last = progress.get();
        progress.set(new Progress(last.pending(), last.placed(), last.failed(), false));
        if (!closed) {
            try {
                whenDone.run();
            } catch (RuntimeException e) {
                warn.accept("after placing the left-over articles: " + e);
            }
        }
    }

    /**
     * Places the articles in one turn of the intake; should one of them break it (an error its analysis does not
     * catch), they are placed one by one, so that only that one stays in no story.
     */
    private void place(List<Article> articles) throws StoreException {
        if (articles.isEmpty()) {
            return;
        }
        try {
            warnOf(intake.placeStored(articles));
            return;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (articles.size() == 1 || closed) {
                throw e;
            }
        }
        for (Article a : articles) {
            try {
                warnOf(intake.placeStored(List.of(a)));
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                if (closed) {
                    return;
                }
                warn.accept("left-over article " + a.id() + " could not be placed (it stays stored, in no story; the "
                        + "next start tries again): " + e);
            }
        }
    }

    private void warnOf(ArticleIntake.Placement placement) {
        for (Failure f : placement.failures()) {
            warn.accept("left-over articles: " + f);
        }
    }

    private int inNoStoryCount(List<String> ids) throws StoreException {
        int count = 0;
        for (String id : ids) {
            if (store.storyOf(id).isEmpty()) {
                count++;
            }
        }
        return count;
    }

    /** The articles of these ids that are in no story. */
    private List<Article> inNoStory(List<String> ids) throws StoreException {
        List<Article> unplaced = new java.util.ArrayList<>();
        for (String id : ids) {
            if (store.storyOf(id).isEmpty()) {
                store.find(id).ifPresent(unplaced::add);
            }
        }
        return unplaced;
    }

    /** Stops after the chunk in progress (what it committed is kept; the rest is placed on the next start). */
    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = worker;
        }
        if (running != null && running.isAlive()) {
            try {
                running.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
