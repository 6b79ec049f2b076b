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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stored articles assigned to stories as they arrive: the clusterer continues from the state the store kept (or
 * starts fresh), takes the arrived articles in {@link TimeOrder} as a batch over the same articles would, and the new
 * state is saved with its assignments in one transaction, so a stored assignment always has the state that made it.
 * The state is read inside that transaction, under the store's write lock: two writers (two processes on one
 * database) take turns, each continuing from the other's state. A saved state that cannot be read (corrupt, or
 * poisoned by an older version) is rebuilt, with a warning naming the database, by replaying the stored assignments
 * in the order they were made over the features of the articles' stored analyses: the stories are kept and the
 * clusterer continues with them. Not thread-safe: one caller at a time per instance.
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

    /** Stored assignments read, analysed and replayed at a time when the state is rebuilt. */
    private static final int REBUILD_PAGE = 500;

    private final ArticleStore store;
    private final AnalysisTier tier;
    private final FeatureExtractor features;
    private final Supplier<StoryClusterer> fresh;
    private final Function<ClusterSnapshot, StoryClusterer> restore;
    private final Consumer<String> warnings;

    /** As the full constructor, warnings on stderr. */
    public StoredStories(ArticleStore store, AnalysisTier tier, FeatureExtractor features,
                         Supplier<StoryClusterer> fresh, Function<ClusterSnapshot, StoryClusterer> restore) {
        this(store, tier, features, fresh, restore, warning -> System.err.println("warning: " + warning));
    }

    /**
     * @param tier     the analyses articles are clustered by (those at other tiers are not looked at)
     * @param fresh    a clusterer for a store that has no stories yet
     * @param restore  a clusterer continuing from a saved state
     * @param warnings told when the saved state cannot be read and is rebuilt
     */
    public StoredStories(ArticleStore store, AnalysisTier tier, FeatureExtractor features,
                         Supplier<StoryClusterer> fresh, Function<ClusterSnapshot, StoryClusterer> restore,
                         Consumer<String> warnings) {
        this.store = store;
        this.tier = tier;
        this.features = features;
        this.fresh = fresh;
        this.restore = restore;
        this.warnings = warnings;
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
     * given twice, or already placed (by another writer meanwhile), is assigned once; nothing arrived, nothing is
     * written. The embedder is needed only when the saved state must be rebuilt.
     */
    public Outcome assign(List<ArticleFeatures> arrived, Embedder embedder) throws StoreException {
        if (arrived.isEmpty()) {
            return new Outcome(List.of());
        }
        List<StoryAssignment> assignments = new ArrayList<>();
        store.updateStories(saved -> {
            StoryClusterer clusterer = saved.unreadable() != null ? rebuilt(saved.unreadable(), embedder)
                    : saved.snapshot() != null ? restore.apply(saved.snapshot()) : fresh.get();
            Set<String> seen = new HashSet<>();
            for (ArticleFeatures f : TimeOrder.sort(arrived, ArticleFeatures::published)) {
                if (seen.add(f.id()) && store.storyOf(f.id()).isEmpty()) {
                    assignments.add(clusterer.assign(f));
                }
            }
            return new ArticleStore.StoryUpdate(clusterer.snapshot(), assignments);
        });
        return new Outcome(assignments);
    }

    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies"
                : noun + "s");
    }

    /**
     * A clusterer state rebuilt from what the store keeps: every stored assignment replayed in the order it was made,
     * over the features of the article's stored analysis (an article without one keeps its place in its story and
     * adds nothing to it).
     */
    private StoryClusterer rebuilt(String unreadable, Embedder embedder) throws StoreException {
        StoryClusterer clusterer = fresh.get();
        int replayed = 0;
        List<ArticleStore.Assigned> page;
        do {
            page = store.assigned(replayed, REBUILD_PAGE);
            List<Article> articles = page.stream().map(ArticleStore.Assigned::article).toList();
            Map<String, AnalysedArticle> kept = store.analyses(tier, articles);
            List<AnalysedArticle> analysed = articles.stream().map(a -> kept.get(a.id()))
                    .filter(java.util.Objects::nonNull).toList();
            Map<String, ArticleFeatures> byId = new HashMap<>();
            features(analysed, embedder).forEach(f -> byId.put(f.id(), f));
            for (ArticleStore.Assigned a : page) {
                Article article = a.article();
                ArticleFeatures f = byId.getOrDefault(article.id(), new ArticleFeatures(article.id(), article.outlet(),
                        article.wire(), article.language(), article.published() == null ? null
                        : article.published().date(), Map.of(), null, null));
                clusterer.replay(f, a.storyId());
            }
            replayed += page.size();
        } while (page.size() == REBUILD_PAGE);
        warnings.accept(unreadable + "; rebuilt it from the stored assignments: " + count(replayed, "article")
                + " in " + count(clusterer.stories().size(), "story"));
        return clusterer;
    }
}
