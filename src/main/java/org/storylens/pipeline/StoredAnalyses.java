package org.storylens.pipeline;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.clean.Article;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The analyses of stored articles at one tier, each computed once: what the store kept is read back, what it lacks is
 * analysed (the analysis pipeline is only built, and its models loaded, when something is missing) and kept.
 * Thread-safe when the store is.
 */
public final class StoredAnalyses {

    private final ArticleStore store;
    private final AnalysisTier tier;
    private final Supplier<AnalysisPipeline> pipeline;
    private AnalysisPipeline loaded;

    public StoredAnalyses(ArticleStore store, AnalysisTier tier, Supplier<AnalysisPipeline> pipeline) {
        this.store = store;
        this.tier = tier;
        this.pipeline = pipeline;
    }

    /** The analyses of the given stored articles, in their order. */
    public List<AnalysedArticle> of(List<Article> articles) throws StoreException {
        Map<String, AnalysedArticle> kept = store.analyses(tier, articles);
        List<Article> missing = articles.stream().filter(a -> !kept.containsKey(a.id())).toList();
        if (!missing.isEmpty()) {
            List<AnalysedArticle> fresh = pipeline().analyse(missing);
            store.putAnalyses(tier, fresh);
            fresh.forEach(a -> kept.put(a.article().id(), a));
        }
        List<AnalysedArticle> out = new ArrayList<>(articles.size());
        articles.forEach(a -> out.add(kept.get(a.id())));
        return out;
    }

    private synchronized AnalysisPipeline pipeline() {
        if (loaded == null) {
            loaded = pipeline.get();
        }
        return loaded;
    }
}
