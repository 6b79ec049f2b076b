package org.storylens.cluster;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Embedder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Clusters a batch of analysed articles the way a stream would see them: features first, then one article at a time
 * in {@link TimeOrder} into a fresh clusterer. Thread-safe (each call has its own clusterer).
 */
public final class BatchClustering {

    /**
     * The outcome of one batch.
     *
     * @param assignments  one per article, in the order the articles were given (an id given twice is assigned once
     *                     and listed twice)
     * @param stories      the stories, largest first (then by first arrival)
     * @param featureNanos time spent on features (embeddings, signatures)
     * @param clusterNanos time spent assigning, features already known
     */
    public record Result(List<StoryAssignment> assignments, List<Story> stories, long featureNanos,
                         long clusterNanos) {

        public Result {
            assignments = List.copyOf(assignments);
            stories = List.copyOf(stories);
        }
    }

    private final FeatureExtractor features;
    private final Supplier<StoryClusterer> clusterers;

    public BatchClustering(FeatureExtractor features, Supplier<StoryClusterer> clusterers) {
        this.features = features;
        this.clusterers = clusterers;
    }

    public Result cluster(List<AnalysedArticle> articles, Embedder embedder) {
        long start = System.nanoTime();
        List<ArticleFeatures> all = features.features(articles, embedder);
        long featured = System.nanoTime();
        StoryClusterer clusterer = clusterers.get();
        Map<String, StoryAssignment> byArticle = new HashMap<>();
        for (ArticleFeatures f : TimeOrder.sort(all, ArticleFeatures::published)) {
            // the same article read twice (one file named twice, a repeated record) is one article of its story
            if (!byArticle.containsKey(f.id())) {
                byArticle.put(f.id(), clusterer.assign(f));
            }
        }
        long clustered = System.nanoTime();
        List<StoryAssignment> assignments = new ArrayList<>(articles.size());
        all.forEach(f -> assignments.add(byArticle.get(f.id())));
        List<Story> stories = new ArrayList<>(clusterer.stories());
        // stable: equal sizes keep the order they were opened in
        stories.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return new Result(assignments, stories, featured - start, clustered - featured);
    }
}
