package org.storylens.serve;

import org.storylens.clean.Article;
import org.storylens.ingest.RawArticle;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.store.StoreException;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The intake shared by the API, the feed watcher and the background recovery, taken in turns in the order they ask
 * (a fair lock): a POST that arrives while the recovery places a chunk of left-over articles waits for that chunk
 * only, never for the whole recovery. Thread-safe.
 */
public final class FairIntake {

    private final ArticleIntake intake;
    private final ReentrantLock turns = new ReentrantLock(true);

    public FairIntake(ArticleIntake intake) {
        this.intake = intake;
    }

    /** {@link ArticleIntake#accept} in its turn. */
    public ArticleIntake.Outcome accept(List<RawArticle> raw) throws StoreException {
        turns.lock();
        try {
            return intake.accept(raw);
        } finally {
            turns.unlock();
        }
    }

    /** {@link ArticleIntake#placeStored} in its turn. */
    public ArticleIntake.Placement placeStored(List<Article> articles) throws StoreException {
        turns.lock();
        try {
            return intake.placeStored(articles);
        } finally {
            turns.unlock();
        }
    }
}
