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

    /**
     * What the analyses of a batch of stored articles gave.
     *
     * @param analyses the analyses, in the articles' order; an article whose analysis failed (now or in an earlier
     *                 run) has an {@linkplain AnalysedArticle#unanalysed unanalysed} one
     * @param failures the articles whose analysis failed now, naming them
     * @param warnings what analysis cut from the articles it analysed now, each prefixed with the article's origin
     */
    public record Found(List<AnalysedArticle> analyses, List<Failure> failures, List<String> warnings) {

        public Found {
            analyses = List.copyOf(analyses);
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The analyses of the given stored articles, in their order; one whose analysis fails or runs over its budget
     * gets an {@linkplain AnalysedArticle#unanalysed unanalysed} analysis, kept so that it is not tried again.
     *
     * @throws IllegalStateException when the calling thread was interrupted meanwhile: then nothing is kept
     */
    public List<AnalysedArticle> of(List<Article> articles) throws StoreException {
        return find(articles).analyses();
    }

    /** As {@link #of}, with the failures and warnings of the analyses made now. */
    public Found find(List<Article> articles) throws StoreException {
        Map<String, AnalysedArticle> kept = store.analyses(tier, articles);
        List<Article> missing = articles.stream().filter(a -> !kept.containsKey(a.id())).toList();
        List<Failure> failures = List.of();
        List<String> warnings = List.of();
        if (!missing.isEmpty()) {
            AnalysisPipeline.Result fresh = pipeline().analyseEach(missing);
            if (Thread.currentThread().isInterrupted()) {
                // stopped, not failed (a stream job cancelled): nothing is marked unanalysable, a later run analyses it
                throw new IllegalStateException("analysis of " + missing.size() + " articles interrupted (first: "
                        + missing.get(0).origin() + "); they stay stored, unanalysed, for a later run");
            }
            List<AnalysedArticle> keep = new ArrayList<>(fresh.analysed());
            fresh.failed().forEach(a -> keep.add(AnalysedArticle.unanalysed(a)));
            store.putAnalyses(tier, keep);
            keep.forEach(a -> kept.put(a.article().id(), a));
            failures = fresh.failures();
            warnings = fresh.warnings();
        }
        List<AnalysedArticle> out = new ArrayList<>(articles.size());
        articles.forEach(a -> out.add(kept.get(a.id())));
        return new Found(out, failures, warnings);
    }

    private synchronized AnalysisPipeline pipeline() {
        if (loaded == null) {
            loaded = pipeline.get();
        }
        return loaded;
    }
}
