package org.storylens.pipeline;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.ArticleAnalyser;
import org.storylens.clean.Article;
import org.storylens.ingest.Limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Analyses cleaned articles in parallel, a fixed number at a time, each on a thread of its own; results keep input
 * order. Each article has a time budget: one whose analysis runs over it, or fails (an exception, a stack overflow,
 * running out of memory), is left unanalysed with a failure naming it, and the others go on. An article over budget is
 * interrupted and its thread abandoned (CoreNLP does not always stop when interrupted; it ends on its own, the text
 * being bounded): its place goes to the next article. Thread-safe.
 */
public final class AnalysisPipeline {

    /**
     * What analysing a batch gave.
     *
     * @param analysed the analyses, in input order; an article that failed is left out
     * @param failed   the articles that failed, in input order
     * @param failures why each failed, naming it
     * @param warnings what analysis cut from the articles it read (each prefixed with the article's origin)
     */
    public record Result(List<AnalysedArticle> analysed, List<Article> failed, List<Failure> failures,
                         List<String> warnings) {

        public Result {
            analysed = List.copyOf(analysed);
            failed = List.copyOf(failed);
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }
    }

    private final ArticleAnalyser analyser;
    private final int threads;
    private final Duration budget;

    /** With the time budget of {@link Limits#ANALYSIS_BUDGET} per article. */
    public AnalysisPipeline(ArticleAnalyser analyser, int threads) {
        this(analyser, threads, Limits.ANALYSIS_BUDGET);
    }

    /** @param budget the most time one article's analysis may take */
    public AnalysisPipeline(ArticleAnalyser analyser, int threads, Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the analysis budget must be positive: " + budget);
        }
        this.analyser = analyser;
        this.threads = Math.max(1, threads);
        this.budget = budget;
    }

    /**
     * The analyses of the articles, in their order.
     *
     * @throws IllegalStateException naming the first article whose analysis failed or ran over its budget (use
     *                               {@link #analyseEach} to go on without it)
     */
    public List<AnalysedArticle> analyse(List<Article> articles) {
        Result result = analyseEach(articles);
        if (!result.failures().isEmpty()) {
            throw new IllegalStateException(result.failures().get(0).toString());
        }
        return result.analysed();
    }

    /** Analyses each article within its budget; a failing article fails alone. */
    public Result analyseEach(List<Article> articles) {
        List<CompletableFuture<AnalysedArticle>> results = new ArrayList<>(articles.size());
        Semaphore running = new Semaphore(threads);
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "storylens-analysis-watchdog");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Article article : articles) {
                running.acquireUninterruptibly();
                CompletableFuture<AnalysedArticle> result = new CompletableFuture<>();
                results.add(result);
                start(article, result, running, watchdog);
            }
            return collect(articles, results);
        } finally {
            watchdog.shutdownNow();
        }
    }

    /** Analyses one article on a thread of its own, which gives its place up when done or when over budget. */
    private void start(Article article, CompletableFuture<AnalysedArticle> result, Semaphore running,
                       ScheduledExecutorService watchdog) {
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                running.release();
            }
        };
        Thread worker = new Thread(() -> {
            try {
                result.complete(analyser.analyse(article));
            } catch (Throwable e) { // an OutOfMemoryError or StackOverflowError fails this article alone
                result.completeExceptionally(e);
            } finally {
                release.run();
            }
        }, "storylens-analyse");
        worker.setDaemon(true);
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            if (result.completeExceptionally(new OverBudget())) {
                worker.interrupt();
                release.run();
            }
        }, budget.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((done, failure) -> alarm.cancel(false));
        worker.start();
    }

    private Result collect(List<Article> articles, List<CompletableFuture<AnalysedArticle>> results) {
        List<AnalysedArticle> analysed = new ArrayList<>();
        List<Article> failed = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            try {
                AnalysedArticle done = results.get(i).get();
                analysed.add(done);
                done.article().warnings().stream().skip(article.warnings().size())
                        .forEach(w -> warnings.add(article.origin() + ": " + w));
            } catch (ExecutionException e) {
                failed.add(article);
                failures.add(new Failure(article.origin(), reason(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                for (int j = i; j < articles.size(); j++) {
                    failed.add(articles.get(j));
                    failures.add(new Failure(articles.get(j).origin(), "analysis interrupted"));
                }
                break;
            }
        }
        return new Result(analysed, failed, failures, warnings);
    }

    private String reason(Throwable failure) {
        String why;
        if (failure instanceof OverBudget) {
            why = String.format(Locale.ROOT, "analysis took longer than its budget of %s", readable(budget));
        } else if (failure instanceof StackOverflowError) {
            why = "analysis failed: the text is structured too deeply (stack overflow)";
        } else if (failure instanceof OutOfMemoryError) {
            why = "analysis failed: out of memory";
        } else {
            why = "analysis failed: " + failure;
        }
        return why + "; the article is stored unanalysed, in no story";
    }

    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The watchdog's verdict on an article that ran over its budget. */
    private static final class OverBudget extends Exception {
        OverBudget() {
            super("over budget", null, false, false);
        }
    }
}
