package org.storylens.pipeline;

import org.storylens.clean.Article;
import org.storylens.clean.ArticleCleaner;
import org.storylens.clean.CleaningException;
import org.storylens.clean.PublicationYearInferrer;
import org.storylens.ingest.ArticleReader;
import org.storylens.ingest.IngestException;
import org.storylens.ingest.Input;
import org.storylens.ingest.RawArticle;
import org.storylens.ingest.ReadResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stages from input to cleaned article, wired in one place: read (ingest) → clean → infer missing years across
 * the batch. Inputs are read and cleaned in parallel; results keep input order. A failing input never stops the
 * batch. Thread-safe.
 */
public final class ArticlePipeline {

    /** Told after each input is done. */
    @FunctionalInterface
    public interface Progress {
        void inputDone(int inputsDone, int inputsTotal, int articlesSoFar);

        Progress NONE = (done, total, articles) -> { };
    }

    private final ArticleReader reader;
    private final ArticleCleaner cleaner;
    private final PublicationYearInferrer years;
    private final int threads;

    public ArticlePipeline(ArticleReader reader, ArticleCleaner cleaner, PublicationYearInferrer years, int threads) {
        this.reader = reader;
        this.cleaner = cleaner;
        this.years = years;
        this.threads = Math.max(1, threads);
    }

    private record InputOutcome(List<Article> articles, List<Failure> failures, List<String> warnings) {
    }

    public BatchResult run(List<Input> inputs, Progress progress) {
        AtomicLong readNanos = new AtomicLong();
        AtomicLong cleanNanos = new AtomicLong();
        List<InputOutcome> outcomes = new ArrayList<>();
        int[] articlesSoFar = {0};
        OrderedWorkers.forEachInOrder(inputs, threads, "storylens-ingest",
                input -> process(input, readNanos, cleanNanos),
                (i, input, done, failure) -> {
                    InputOutcome outcome = failure == null ? done : failed(input, failure);
                    outcomes.add(outcome);
                    articlesSoFar[0] += outcome.articles().size();
                    progress.inputDone(i + 1, inputs.size(), articlesSoFar[0]);
                });
        List<Article> articles = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (InputOutcome o : outcomes) {
            articles.addAll(o.articles());
            failures.addAll(o.failures());
            warnings.addAll(o.warnings());
        }
        long start = System.nanoTime();
        List<Article> dated = years.inferMissingYears(articles);
        Map<String, Long> stageMillis = new LinkedHashMap<>();
        stageMillis.put("ingest", readNanos.get() / 1_000_000);
        stageMillis.put("clean", cleanNanos.get() / 1_000_000);
        stageMillis.put("infer-years", (System.nanoTime() - start) / 1_000_000);
        return new BatchResult(inputs.size(), dated, failures, warnings, stageMillis);
    }

    /**
     * What reading a batch without cleaning gave: the raw articles in input order, and what could not be read.
     */
    public record RawBatch(int inputs, List<RawArticle> articles, List<Failure> failures) {

        public RawBatch {
            articles = List.copyOf(articles);
            failures = List.copyOf(failures);
        }
    }

    /**
     * Reads the inputs with the same readers as {@link #run} (in parallel, results in input order) and does not clean
     * them: what {@code publish} sends for a stream job to clean.
     */
    public RawBatch read(List<Input> inputs) {
        List<RawArticle> articles = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        OrderedWorkers.forEachInOrder(inputs, threads, "storylens-read", this::readOne,
                (i, input, done, failure) -> {
                    if (failure != null) {
                        failures.addAll(failed(input, failure).failures());
                    } else {
                        articles.addAll(done.articles());
                        failures.addAll(done.failures());
                    }
                });
        return new RawBatch(inputs.size(), articles, failures);
    }

    private RawBatch readOne(Input input) {
        try {
            ReadResult read = reader.read(input);
            return new RawBatch(1, read.articles(),
                    read.failures().stream().map(f -> new Failure(f.input(), f.reason())).toList());
        } catch (IngestException e) {
            return new RawBatch(1, List.of(), List.of(new Failure(e.input(), e.reason())));
        } catch (RuntimeException | OutOfMemoryError e) {
            return new RawBatch(1, List.of(), List.of(new Failure(input.name(), "cannot read: " + e)));
        }
    }

    /**
     * Cleans articles already read (a feed round, say) and infers their missing years across the batch, in their
     * order; an article that cannot be cleaned becomes a failure.
     */
    public BatchResult clean(List<RawArticle> raws) {
        List<Article> articles = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long start = System.nanoTime();
        for (RawArticle raw : raws) {
            cleanOne(raw, articles, failures, warnings);
        }
        long cleaned = System.nanoTime();
        List<Article> dated = years.inferMissingYears(articles);
        Map<String, Long> stageMillis = new LinkedHashMap<>();
        stageMillis.put("clean", (cleaned - start) / 1_000_000);
        stageMillis.put("infer-years", (System.nanoTime() - cleaned) / 1_000_000);
        return new BatchResult(raws.size(), dated, failures, warnings, stageMillis);
    }

    private void cleanOne(RawArticle raw, List<Article> articles, List<Failure> failures, List<String> warnings) {
        try {
            Article article = cleaner.clean(raw);
            articles.add(article);
            article.warnings().forEach(w -> warnings.add(raw.origin() + ": " + w));
        } catch (CleaningException e) {
            failures.add(new Failure(e.origin(), e.reason()));
        } catch (RuntimeException e) {
            failures.add(new Failure(raw.origin(), "cannot clean: " + e));
        } catch (StackOverflowError e) {
            failures.add(new Failure(raw.origin(), "cannot clean: the text is structured too deeply to read"));
        }
    }

    /** An input whose work broke outside the reader's and cleaner's own error handling (a StackOverflowError). */
    private static InputOutcome failed(Input input, Throwable failure) {
        String reason = failure instanceof InterruptedException ? "interrupted" : "unexpected error: " + failure;
        return new InputOutcome(List.of(), List.of(new Failure(input.name(), reason)), List.of());
    }

    private InputOutcome process(Input input, AtomicLong readNanos, AtomicLong cleanNanos) {
        List<Article> articles = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long t0 = System.nanoTime();
        ReadResult read;
        try {
            read = reader.read(input);
        } catch (IngestException e) {
            readNanos.addAndGet(System.nanoTime() - t0);
            return new InputOutcome(List.of(), List.of(new Failure(e.input(), e.reason())), List.of());
        } catch (RuntimeException | OutOfMemoryError e) {
            readNanos.addAndGet(System.nanoTime() - t0);
            return new InputOutcome(List.of(), List.of(new Failure(input.name(), "cannot read: " + e)), List.of());
        }
        readNanos.addAndGet(System.nanoTime() - t0);
        read.failures().forEach(f -> failures.add(new Failure(f.input(), f.reason())));
        for (RawArticle raw : read.articles()) {
            long t1 = System.nanoTime();
            cleanOne(raw, articles, failures, warnings);
            cleanNanos.addAndGet(System.nanoTime() - t1);
        }
        return new InputOutcome(articles, failures, warnings);
    }
}
