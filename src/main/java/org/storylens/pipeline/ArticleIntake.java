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
 * and assigned to a story; {@code storylens ingest} places what it stored through {@link #placeStored} too. One batch
 * at a time (a second caller waits); thread-safe.
 */
public final class ArticleIntake {

    /** Articles stored per transaction and analysed per step: a crash loses at most the batch in flight. */
    public static final int BATCH = 500;

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

        /** The stories the batch's articles are in, each once, in arrival order. */
        public List<String> storyIds() {
            return placed.stream().map(Placed::storyId).filter(java.util.Objects::nonNull).distinct().toList();
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
        this(store, factory, ingestAnalyses, embedder, threads, warning -> System.err.println("warning: " + warning));
    }

    /**
     * @param ingestAnalyses the store's analyses at the {@link AnalysisTier#INGEST ingest tier} (stories are
     *                       assigned by them)
     * @param embedder       embeds articles for the clusterer; the caller's to close
     * @param warnings       told when the store's clusterer state cannot be read and is rebuilt
     */
    public ArticleIntake(ArticleStore store, PipelineFactory factory, StoredAnalyses ingestAnalyses,
                         Embedder embedder, int threads, java.util.function.Consumer<String> warnings) {
        this.store = store;
        this.cleaning = factory.pipeline(threads);
        this.analyses = ingestAnalyses;
        this.stories = new StoredStories(store, AnalysisTier.INGEST, factory.clusterFeatures(),
                () -> factory.storyClusterer(ClusterConfig.DEFAULT),
                snapshot -> factory.storyClusterer(ClusterConfig.DEFAULT, snapshot), warnings);
        this.embedder = embedder;
    }

    /**
     * What placing stored articles did.
     *
     * @param analysed how many were analysed now (those analysed before are read back, not counted)
     * @param assigned the story assignments made, those of articles left waiting by a stopped run first
     * @param failures articles that could not be analysed (they stay stored, in no story)
     */
    public record Placement(int analysed, StoredStories.Outcome assigned, List<Failure> failures) {

        public Placement {
            failures = List.copyOf(failures);
        }
    }

    /**
     * Cleans, stores (in transactions of {@link #BATCH}), analyses and assigns the articles; articles that cannot be
     * cleaned become failures.
     */
    public synchronized Outcome accept(List<RawArticle> raw) throws StoreException {
        BatchResult cleaned = cleaning.clean(raw);
        List<Failure> failures = new ArrayList<>(cleaned.failures());
        List<ArticleStore.Added> added = new ArrayList<>();
        List<Article> articles = cleaned.articles();
        for (int i = 0; i < articles.size(); i += BATCH) {
            added.addAll(store.addAll(articles.subList(i, Math.min(articles.size(), i + BATCH))));
        }
        List<Article> fresh = added.stream().filter(ArticleStore.Added::isNew).map(ArticleStore.Added::article).toList();
        failures.addAll(placeStored(fresh).failures());
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
        return placeLeftovers().failures();
    }

    /**
     * Places the stored articles that are in no story — those a stopped run stored but never assigned, and those
     * stored with {@code ingest --no-analyse} — as if they arrived now: every analysing run finishes what an earlier
     * one left. Returns what it did; the assignments are all of leftovers.
     */
    public synchronized Placement placeLeftovers() throws StoreException {
        return placeStored(store.withoutStory());
    }

    /**
     * Analyses stored articles {@link #BATCH} at a time (those analysed before are read back; only one batch's
     * analyses are held at once) and assigns them to stories in one step, after any a stopped run left analysed but
     * unassigned: they arrived first. An article that cannot be analysed stays stored, in no story, and is reported;
     * it is not analysed again.
     */
    public synchronized Placement placeStored(List<Article> articles) throws StoreException {
        List<AnalysedArticle> analysedBefore = stories.waiting();
        if (!analysedBefore.isEmpty()) {
            // read back with the waiting ones, not analysed again
            java.util.Set<String> waitingIds = new java.util.HashSet<>();
            analysedBefore.forEach(a -> waitingIds.add(a.article().id()));
            articles = articles.stream().filter(a -> !waitingIds.contains(a.id())).toList();
        }
        // an article left unanalysed (its analysis failed) stays in no story: it is not placed again and again
        List<AnalysedArticle> waiting = analysedBefore.stream().filter(a -> !a.hasNoSentences()).toList();
        if (articles.isEmpty() && waiting.isEmpty()) {
            return new Placement(0, new StoredStories.Outcome(List.of()), List.of());
        }
        List<ArticleFeatures> arrived = new ArrayList<>(stories.features(waiting, embedder));
        List<Failure> failures = new ArrayList<>();
        int analysed = 0;
        for (int i = 0; i < articles.size(); i += BATCH) {
            List<Article> batch = articles.subList(i, Math.min(articles.size(), i + BATCH));
            try {
                StoredAnalyses.Found found = analyses.find(batch);
                failures.addAll(found.failures());
                arrived.addAll(stories.features(
                        found.analyses().stream().filter(a -> !a.hasNoSentences()).toList(), embedder));
                analysed += batch.size() - found.failures().size();
            } catch (IllegalStateException e) {
                // the message names the article that failed
                failures.add(new Failure("analysis of " + batch.size() + " new articles",
                        e.getMessage() + " (the articles are stored; they are in no story yet)"));
            }
        }
        return new Placement(analysed, stories.assign(arrived, embedder), failures);
    }
}
