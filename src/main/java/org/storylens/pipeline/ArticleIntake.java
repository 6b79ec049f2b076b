package org.storylens.pipeline;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.Embedder;
import org.storylens.clean.Article;
import org.storylens.cluster.ArticleFeatures;
import org.storylens.cluster.ClusterConfig;
import org.storylens.ingest.RawArticle;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;

import java.util.ArrayList;
import java.util.List;

/**
 * Articles arriving one batch at a time into a store, as a server or a feed watcher receives them: cleaned, stored
 * (committed before anything else happens, so an acknowledged article survives a crash), analysed at the ingest tier
 * and assigned to a story. One batch at a time (a second caller waits); thread-safe.
 */
public final class ArticleIntake {

    /**
     * Where one arrived article went.
     *
     * @param articleId   the id it is stored under (the stored one's when it was a duplicate)
     * @param isNew       false when the same text was stored before
     * @param duplicateOf the stored article with the same text, or null
     * @param storyId     the story that holds it, or null when it could not be analysed (it stays stored)
     */
    public record Placed(String articleId, boolean isNew, String duplicateOf, String storyId) {
    }

    /** What one batch gave: each article's place in arrival order, and what could not be read or analysed. */
    public record Outcome(List<Placed> placed, List<Failure> failures) {

        public Outcome {
            placed = List.copyOf(placed);
            failures = List.copyOf(failures);
        }
    }

    private final ArticleStore store;
    private final ArticlePipeline cleaning;
    private final StoredAnalyses analyses;
    private final StoredStories stories;
    private final Embedder embedder;

    /** @param embedder embeds articles for the clusterer; the caller's to close */
    public ArticleIntake(ArticleStore store, PipelineFactory factory, Embedder embedder, int threads) {
        this(store, factory, factory.storedAnalyses(store, AnalysisTier.INGEST, threads), embedder, threads);
    }

    /**
     * @param ingestAnalyses the store's analyses at the {@link AnalysisTier#INGEST ingest tier} (stories are
     *                       assigned by them)
     * @param embedder       embeds articles for the clusterer; the caller's to close
     */
    public ArticleIntake(ArticleStore store, PipelineFactory factory, StoredAnalyses ingestAnalyses,
                         Embedder embedder, int threads) {
        this.store = store;
        this.cleaning = factory.pipeline(threads);
        this.analyses = ingestAnalyses;
        this.stories = factory.storedStories(store, AnalysisTier.INGEST, ClusterConfig.DEFAULT);
        this.embedder = embedder;
    }

    /** Cleans, stores, analyses and assigns the articles; articles that cannot be cleaned become failures. */
    public synchronized Outcome accept(List<RawArticle> raw) throws StoreException {
        BatchResult cleaned = cleaning.clean(raw);
        List<Failure> failures = new ArrayList<>(cleaned.failures());
        List<ArticleStore.Added> added = store.addAll(cleaned.articles());
        List<Article> fresh = added.stream().filter(ArticleStore.Added::isNew).map(ArticleStore.Added::article).toList();
        place(fresh, failures);
        List<Placed> placed = new ArrayList<>();
        for (ArticleStore.Added a : added) {
            String id = a.isNew() ? a.article().id() : a.duplicateOf();
            placed.add(new Placed(id, a.isNew(), a.duplicateOf(), store.storyOf(id).orElse(null)));
        }
        return new Outcome(placed, failures);
    }

    /**
     * Places the stored articles that are in no story (a process stopped between storing and assigning them), as if
     * they arrived now. Returns what could not be analysed.
     */
    public synchronized List<Failure> recover() throws StoreException {
        List<Failure> failures = new ArrayList<>();
        place(store.withoutStory(), failures);
        return failures;
    }

    /** Analyses the articles (those analysed before are read back) and assigns them, with any left waiting. */
    private void place(List<Article> articles, List<Failure> failures) throws StoreException {
        List<AnalysedArticle> waiting = stories.waiting();
        if (articles.isEmpty() && waiting.isEmpty()) {
            return;
        }
        List<ArticleFeatures> arrived = new ArrayList<>(stories.features(waiting, embedder));
        if (!articles.isEmpty()) {
            try {
                arrived.addAll(stories.features(analyses.of(articles), embedder));
            } catch (IllegalStateException e) {
                failures.add(new Failure("analysis of " + articles.size() + " new articles",
                        e.getMessage() + " (the articles are stored; they are in no story yet)"));
            }
        }
        stories.assign(arrived);
    }
}
