package org.storylens.pipeline;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.Embedder;
import org.storylens.cluster.ArticleFeatures;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.FeatureExtractor;
import org.storylens.cluster.StoryAssignment;
import org.storylens.cluster.StoryClusterer;
import org.storylens.cluster.TimeOrder;
import org.storylens.clean.Article;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stored articles assigned to stories as they arrive: the clusterer continues from the state the store kept (or
 * starts fresh), takes the arrived articles in {@link TimeOrder} as a batch over the same articles would, and the new
 * state is saved with its assignments in one transaction, so a stored assignment always has the state that made it.
 * Not thread-safe: one ingest at a time per store.
 */
public final class StoredStories {

    /**
     * What one call to {@link #assign} did.
     *
     * @param assignments one per article assigned, in the order they were fed to the clusterer
     */
    public record Outcome(List<StoryAssignment> assignments) {

        public Outcome {
            assignments = List.copyOf(assignments);
        }

        public int assigned() {
            return assignments.size();
        }

        /** How many articles opened a story. */
        public int opened() {
            return (int) assignments.stream().filter(StoryAssignment::opened).count();
        }

        /** How many articles joined a story (one opened before, or earlier in the same call). */
        public int joined() {
            return assigned() - opened();
        }
    }

    private final ArticleStore store;
    private final AnalysisTier tier;
    private final FeatureExtractor features;
    private final Supplier<StoryClusterer> fresh;
    private final Function<ClusterSnapshot, StoryClusterer> restore;

    /**
     * @param tier     the analyses articles are clustered by (those at other tiers are not looked at)
     * @param fresh    a clusterer for a store that has no stories yet
     * @param restore  a clusterer continuing from a saved state
     */
    public StoredStories(ArticleStore store, AnalysisTier tier, FeatureExtractor features,
                         Supplier<StoryClusterer> fresh, Function<ClusterSnapshot, StoryClusterer> restore) {
        this.store = store;
        this.tier = tier;
        this.features = features;
        this.fresh = fresh;
        this.restore = restore;
    }

    /**
     * The kept analyses of stored articles that are in no story yet: those of a run that stopped between analysing
     * and assigning. They arrived before anything read now, so they go first.
     */
    public List<AnalysedArticle> waiting() throws StoreException {
        List<Article> articles = store.analysedWithoutStory(tier);
        if (articles.isEmpty()) {
            return List.of();
        }
        return List.copyOf(store.analyses(tier, articles).values());
    }

    /** The cluster features of analysed articles (embeddings by the caller's embedder). */
    public List<ArticleFeatures> features(List<AnalysedArticle> analysed, Embedder embedder) {
        return features.features(analysed, embedder);
    }

    /**
     * Assigns the arrived articles to stories and saves the assignments with the clusterer's new state. An article
     * given twice is assigned once; nothing arrived, nothing is written.
     */
    public Outcome assign(List<ArticleFeatures> arrived) throws StoreException {
        if (arrived.isEmpty()) {
            return new Outcome(List.of());
        }
        StoryClusterer clusterer = store.clusterState().map(restore).orElseGet(fresh);
        Set<String> seen = new HashSet<>();
        List<StoryAssignment> assignments = new ArrayList<>();
        for (ArticleFeatures f : TimeOrder.sort(arrived, ArticleFeatures::published)) {
            if (seen.add(f.id())) {
                assignments.add(clusterer.assign(f));
            }
        }
        store.saveStories(clusterer.snapshot(), assignments);
        return new Outcome(assignments);
    }
}
