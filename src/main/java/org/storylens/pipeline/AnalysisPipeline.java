package org.storylens.pipeline;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.ArticleAnalyser;
import org.storylens.clean.Article;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Analyses cleaned articles in parallel on a fixed number of threads; results keep input order. Thread-safe. */
public final class AnalysisPipeline {

    private final ArticleAnalyser analyser;
    private final int threads;

    public AnalysisPipeline(ArticleAnalyser analyser, int threads) {
        this.analyser = analyser;
        this.threads = Math.max(1, threads);
    }

    public List<AnalysedArticle> analyse(List<Article> articles) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "storylens-analyse");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<AnalysedArticle>> futures = new ArrayList<>();
            for (Article a : articles) {
                futures.add(pool.submit(() -> analyser.analyse(a)));
            }
            List<AnalysedArticle> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(articles.get(i).origin() + ": analysis failed: " + e.getCause(),
                            e.getCause());
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
