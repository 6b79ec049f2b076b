package org.storylens.pipeline;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.ArticleAnalyser;
import org.storylens.clean.Article;

import java.util.ArrayList;
import java.util.List;

/** Analyses cleaned articles in parallel on a fixed number of threads; results keep input order. Thread-safe. */
public final class AnalysisPipeline {

    private final ArticleAnalyser analyser;
    private final int threads;

    public AnalysisPipeline(ArticleAnalyser analyser, int threads) {
        this.analyser = analyser;
        this.threads = Math.max(1, threads);
    }

    public List<AnalysedArticle> analyse(List<Article> articles) {
        List<AnalysedArticle> out = new ArrayList<>(articles.size());
        OrderedWorkers.forEachInOrder(articles, threads, "storylens-analyse", analyser::analyse,
                (i, article, analysed, failure) -> {
                    if (failure != null) {
                        throw new IllegalStateException(article.origin() + ": analysis failed: " + failure, failure);
                    }
                    out.add(analysed);
                });
        return out;
    }
}
