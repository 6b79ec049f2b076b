package org.storylens.pipeline;

import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.CoreNlpAnnotator;
import org.storylens.analyse.CoreNlpArticleAnalyser;
import org.storylens.analyse.Embedder;
import org.storylens.analyse.EntityFinder;
import org.storylens.analyse.EntityLinker;
import org.storylens.analyse.NumberFinder;
import org.storylens.analyse.QuoteFinder;
import org.storylens.analyse.TimeResolver;
import org.storylens.analyse.ArticleAnalyser;
import org.storylens.analyse.SentenceEmbeddingAnalyser;
import org.storylens.brief.BriefWriter;
import org.storylens.brief.ClaimFinder;
import org.storylens.brief.NumberTable;
import org.storylens.brief.OutletFramer;
import org.storylens.brief.QuoteMerger;
import org.storylens.brief.StatementGrouper;
import org.storylens.brief.StoryBriefWriter;
import org.storylens.brief.SummaryWriter;
import org.storylens.brief.TimelineBuilder;
import org.storylens.clean.OutletTable;
import org.storylens.clean.PublicationYearInferrer;
import org.storylens.cluster.BatchClustering;
import org.storylens.cluster.CentroidStoryClusterer;
import org.storylens.cluster.ClusterConfig;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.FeatureExtractor;
import org.storylens.cluster.MinHasher;
import org.storylens.cluster.StoryClusterer;
import org.storylens.clean.RuleBasedArticleCleaner;
import org.storylens.ingest.ArticleReader;
import org.storylens.ingest.FeedWatcher;
import org.storylens.ingest.FormatSniffer;
import org.storylens.ingest.InputCollector;
import org.storylens.ingest.JsoupHtmlReader;
import org.storylens.ingest.JsonLinesReader;
import org.storylens.ingest.JwarcReader;
import org.storylens.ingest.RomeFeedReader;
import org.storylens.ingest.PageFetcher;
import org.storylens.ingest.PlainTextReader;
import org.storylens.ingest.PoliteFetcher;
import org.storylens.ingest.PublicAddressGuard;
import org.storylens.ingest.SniffingArticleReader;
import org.storylens.ingest.SourceFormat;
import org.storylens.ingest.TextDecoder;
import org.storylens.store.ArticleStore;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Builds storylens's standard components once per process: the readers for every format, the cleaner with its
 * language models and tables, and the pipeline that runs them.
 */
public final class PipelineFactory {

    /** Default limit for one text or HTML document. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    private final long maxBytes;
    private final PageFetcher fetcher;

    /** A factory whose fetcher reads only the public web. */
    public PipelineFactory(long maxBytes) {
        this(maxBytes, PublicAddressGuard.publicOnly());
    }

    /** A factory whose fetcher (URLs named as inputs, feeds' entry pages) fetches the hosts {@code guard} allows. */
    public PipelineFactory(long maxBytes, PublicAddressGuard guard) {
        this.maxBytes = maxBytes;
        this.fetcher = new PageFetcher(guard);
    }

    public ArticleReader reader() {
        TextDecoder decoder = new TextDecoder();
        ArticleReader html = new JsoupHtmlReader(decoder, maxBytes);
        Map<SourceFormat, ArticleReader> readers = new EnumMap<>(SourceFormat.class);
        readers.put(SourceFormat.TEXT, new PlainTextReader(decoder, maxBytes));
        readers.put(SourceFormat.HTML, html);
        readers.put(SourceFormat.FEED, new RomeFeedReader(fetcher, html));
        readers.put(SourceFormat.JSON_LINES, new JsonLinesReader());
        readers.put(SourceFormat.WARC, new JwarcReader(html));
        return new SniffingArticleReader(new FormatSniffer(decoder), readers);
    }

    public InputCollector inputCollector() {
        return new InputCollector(fetcher);
    }

    /**
     * Watches feeds politely (robots.txt, per-host delays, conditional GETs, see {@link PoliteFetcher}) through this
     * factory's fetcher; the pages of entries without text are read as HTML. {@code alreadyStored} answers whether an
     * article with a URL is stored.
     */
    public FeedWatcher feedWatcher(List<String> feeds, Predicate<String> alreadyStored) {
        return feedWatcher(feeds, alreadyStored, fetcher);
    }

    /** As {@link #feedWatcher(List, Predicate)}, fetching the hosts {@code guard} allows. */
    public FeedWatcher feedWatcher(List<String> feeds, Predicate<String> alreadyStored, PublicAddressGuard guard) {
        return feedWatcher(feeds, alreadyStored, new PageFetcher(guard));
    }

    private FeedWatcher feedWatcher(List<String> feeds, Predicate<String> alreadyStored, PageFetcher pages) {
        PoliteFetcher polite = new PoliteFetcher(pages);
        ArticleReader html = new JsoupHtmlReader(new TextDecoder(), maxBytes);
        return new FeedWatcher(feeds, polite, new RomeFeedReader(polite, html), alreadyStored);
    }

    /** The analyse stage at a tier (loads CoreNLP's models: seconds and up to a gigabyte). */
    public AnalysisPipeline analysis(AnalysisTier tier, int threads) {
        return analysis(new CoreNlpAnnotator(tier.options()), threads);
    }

    /**
     * The analyse stage at a tier, with each sentence embedded by the given embedder (the caller's to close) when the
     * tier is {@link AnalysisTier#BRIEF}: the brief groups sentences by meaning and then only reads the vectors.
     */
    public AnalysisPipeline analysis(AnalysisTier tier, int threads, Embedder embedder) {
        ArticleAnalyser analyser = analyser(new CoreNlpAnnotator(tier.options()));
        return new AnalysisPipeline(tier == AnalysisTier.BRIEF ? new SentenceEmbeddingAnalyser(analyser, embedder)
                : analyser, threads);
    }

    /** The analyses of stored articles at a tier, read from the store or computed once and kept there. */
    public StoredAnalyses storedAnalyses(ArticleStore store, AnalysisTier tier, int threads) {
        return new StoredAnalyses(store, tier, () -> analysis(tier, threads));
    }

    /** As {@link #storedAnalyses(ArticleStore, AnalysisTier, int)}, sentences embedded at the brief tier. */
    public StoredAnalyses storedAnalyses(ArticleStore store, AnalysisTier tier, int threads, Embedder embedder) {
        return new StoredAnalyses(store, tier, () -> analysis(tier, threads, embedder));
    }

    /**
     * The analyses of stored articles at a tier, by an annotator already loaded (of that tier's options), sentences
     * embedded at the brief tier.
     */
    public StoredAnalyses storedAnalyses(ArticleStore store, AnalysisTier tier, CoreNlpAnnotator annotator, int threads,
                                         Embedder embedder) {
        return new StoredAnalyses(store, tier, () -> {
            ArticleAnalyser analyser = analyser(annotator);
            return new AnalysisPipeline(tier == AnalysisTier.BRIEF ? new SentenceEmbeddingAnalyser(analyser, embedder)
                    : analyser, threads);
        });
    }

    /** The analyse stage around an annotator already loaded. */
    public AnalysisPipeline analysis(CoreNlpAnnotator annotator, int threads) {
        return new AnalysisPipeline(analyser(annotator), threads);
    }

    private static ArticleAnalyser analyser(CoreNlpAnnotator annotator) {
        return new CoreNlpArticleAnalyser(annotator, new EntityFinder(), new TimeResolver(), new QuoteFinder(),
                new NumberFinder());
    }

    /** The brief stage; the embedder is the caller's to close. */
    public BriefWriter briefWriter(Embedder embedder) {
        return new StoryBriefWriter(new EntityLinker(), new TimelineBuilder(new PublicationYearInferrer()),
                new QuoteMerger(embedder), new NumberTable(), new StatementGrouper(embedder), new SummaryWriter(),
                new ClaimFinder(), new OutletFramer(OutletTable.load()));
    }

    /** The cluster stage's features: lemmas, entities, dates, figures, MinHash signature; embeddings by the caller's embedder. */
    public FeatureExtractor clusterFeatures() {
        return new FeatureExtractor(new MinHasher(64));
    }

    /** A fresh online story clusterer (one per stream). */
    public StoryClusterer storyClusterer(ClusterConfig config) {
        return new CentroidStoryClusterer(config);
    }

    /** A story clusterer continuing from a saved state. */
    public StoryClusterer storyClusterer(ClusterConfig config, ClusterSnapshot snapshot) {
        return CentroidStoryClusterer.restore(config, snapshot);
    }

    /** Stories of stored articles, assigned as they arrive by their analyses at a tier and kept in the store. */
    public StoredStories storedStories(ArticleStore store, AnalysisTier tier, ClusterConfig config) {
        return new StoredStories(store, tier, clusterFeatures(), () -> storyClusterer(config),
                snapshot -> storyClusterer(config, snapshot));
    }

    /** The cluster stage over a batch: features, then a fresh clusterer fed in time order. */
    public BatchClustering batchClustering(ClusterConfig config) {
        return new BatchClustering(clusterFeatures(), () -> storyClusterer(config));
    }

    /**
     * Collects the named files, folders and URLs, then reads and cleans them; names that cannot be used become
     * failures of the result.
     */
    public BatchResult readAndClean(List<String> names, int threads, ArticlePipeline.Progress progress) {
        InputCollector.Collected collected = inputCollector().collect(names);
        List<Failure> earlier = collected.failures().stream().map(f -> new Failure(f.input(), f.reason())).toList();
        BatchResult result = pipeline(threads).run(collected.inputs(), progress).withEarlierFailures(earlier);
        if (!collected.skipped().isEmpty()) {
            result = result.withEarlierWarning("skipped " + collected.skipped().size() + " SQLite database file(s), "
                    + "such as storylens's own database: " + String.join(", ", collected.skipped()));
        }
        return result;
    }

    /**
     * Collects the named files, folders and URLs and reads them as {@link #readAndClean} does, without cleaning; names
     * that cannot be used become failures of the result.
     */
    public ArticlePipeline.RawBatch readRaw(List<String> names, int threads) {
        InputCollector.Collected collected = inputCollector().collect(names);
        ArticlePipeline.RawBatch read = pipeline(threads).read(collected.inputs());
        List<Failure> failures = new java.util.ArrayList<>();
        collected.failures().forEach(f -> failures.add(new Failure(f.input(), f.reason())));
        failures.addAll(read.failures());
        return new ArticlePipeline.RawBatch(read.inputs(), read.articles(), failures);
    }

    public ArticlePipeline pipeline(int threads) {
        return new ArticlePipeline(reader(), RuleBasedArticleCleaner.withDefaults(), new PublicationYearInferrer(),
                threads);
    }
}
