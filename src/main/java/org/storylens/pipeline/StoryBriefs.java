package org.storylens.pipeline;

import org.storylens.analyse.AnalysisTier;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.brief.BriefWriter;
import org.storylens.brief.StoryBrief;
import org.storylens.clean.Article;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;
import org.storylens.store.StoredBrief;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the stored brief of each story up to date: a story that holds more articles than its kept brief was written
 * for (or that has none) is briefed again from the {@link AnalysisTier#BRIEF brief-tier} analyses of its articles (only
 * articles never analysed at that tier are analysed) and the new brief is kept in the store; a current one is read
 * back as it is. Used by the server, and by whatever else keeps briefs current as stories grow. Thread-safe: in one
 * process, one brief of a story is written at a time; across processes the store keeps the brief of the most articles.
 */
public final class StoryBriefs {

    private static final int LOCK_STRIPES = 64;

    private final ArticleStore store;
    private final StoredAnalyses briefAnalyses;
    private final BriefWriter writer;
    private final Object[] locks = new Object[LOCK_STRIPES];

    /** @param briefAnalyses the store's analyses at the {@link AnalysisTier#BRIEF brief tier} */
    public StoryBriefs(ArticleStore store, StoredAnalyses briefAnalyses, BriefWriter writer) {
        this.store = store;
        this.briefAnalyses = briefAnalyses;
        this.writer = writer;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** The brief kept for the story, current or not (see {@link StoredBrief#isCurrentFor}); never writes one. */
    public Optional<StoredBrief> kept(String storyId) throws StoreException {
        return store.brief(storyId);
    }

    /**
     * The brief of the stored story as it is now, written and kept when the kept one is older or missing; empty when
     * there is no such story.
     */
    public Optional<StoredBrief> update(String storyId) throws StoreException {
        Optional<Story> story = store.story(storyId);
        return story.isEmpty() ? Optional.empty() : Optional.of(update(story.get()));
    }

    /**
     * The brief of the story as given (read from the store), written and kept when the kept one covers fewer of its
     * articles; a kept brief of as many or more articles (another writer saw the story later) is returned as it is.
     *
     * @throws StoreException when an article the story names is not stored, or the store fails
     */
    public StoredBrief update(Story story) throws StoreException {
        synchronized (locks[Math.floorMod(story.id().hashCode(), locks.length)]) {
            Optional<StoredBrief> kept = store.brief(story.id());
            if (kept.isPresent() && kept.get().articles() >= story.size()) {
                return kept.get();
            }
            List<Article> articles = new ArrayList<>();
            for (StoryArticle a : story.articles()) {
                articles.add(store.find(a.id()).orElseThrow(() -> new StoreException(
                        "story " + story.id() + " names article " + a.id() + ", which is not stored", null)));
            }
            StoryBrief brief = writer.write(briefAnalyses.of(articles), story);
            java.util.Map<String, String> dates = new java.util.HashMap<>();
            for (StoryArticle a : story.articles()) {
                if (a.published() != null) {
                    dates.put(a.id(), a.published().toString()); // the days the stories list gives the story
                }
            }
            StoredBrief written = new StoredBrief(story.id(), story.size(), Instant.now(), brief,
                    ArticleFallbacks.of(articles).withReportDates(dates));
            store.putBrief(written);
            return written;
        }
    }
}
