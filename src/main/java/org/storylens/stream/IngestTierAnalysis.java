package org.storylens.stream;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.cluster.FeatureExtractor;
import org.storylens.ingest.RawArticle;
import org.storylens.pipeline.AnalysisPipeline;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.BatchResult;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.pipeline.StoredAnalyses;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;

import java.util.List;

/**
 * The job's parallel stage: one published article cleaned, stored, analysed at the ingest tier (the analysis kept in
 * the store) and turned into cluster features, by the same stage classes {@code ingest} wires. CoreNLP, the cleaner's
 * models and the embedder are loaded once per task, in {@link #open}. Idempotent: an article whose text is stored is
 * not stored again and its kept analysis is read back, so a record read twice after a restore writes nothing twice.
 * A record that cannot be read or cleaned is reported on stderr, naming it, and skipped; a store failure fails the
 * task (the job restarts from its last checkpoint).
 */
final class IngestTierAnalysis extends RichFlatMapFunction<PublishedArticle, ArrivedFeatures> {

    private static final long serialVersionUID = 1L;

    private final StoreOpener storeOpener;
    private final long maxBytes;

    private transient ArticleStore store;
    private transient ArticlePipeline cleaning;
    private transient StoredAnalyses analyses;
    private transient FeatureExtractor features;
    private transient MiniLmEmbedder embedder;
    private transient RawArticleJson json;
    private transient ArticleFeaturesJson featuresJson;

    IngestTierAnalysis(StoreOpener storeOpener, long maxBytes) {
        this.storeOpener = storeOpener;
        this.maxBytes = maxBytes;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        PipelineFactory factory = new PipelineFactory(maxBytes);
        store = storeOpener.open();
        cleaning = factory.pipeline(1);
        AnalysisPipeline analysis = factory.analysis(AnalysisTier.INGEST, 1);
        analyses = new StoredAnalyses(store, AnalysisTier.INGEST, () -> analysis);
        features = factory.clusterFeatures();
        embedder = new MiniLmEmbedder(1);
        json = new RawArticleJson();
        featuresJson = new ArticleFeaturesJson();
    }

    @Override
    public void flatMap(PublishedArticle record, Collector<ArrivedFeatures> out) throws StoreException {
        RawArticleJson.Decoded decoded;
        try {
            decoded = json.decode(record.value(), record.where());
        } catch (IllegalArgumentException e) {
            report(e.getMessage());
            return;
        }
        RawArticle raw = decoded.article();
        BatchResult cleaned = cleaning.clean(List.of(raw));
        cleaned.failures().forEach(f -> report(record.where() + ": " + f));
        if (cleaned.articles().isEmpty()) {
            return;
        }
        Article article = withInferredYear(cleaned.articles().get(0), decoded.inferredYear());
        ArticleStore.Added added = store.addAll(List.of(article)).get(0);
        Article stored = added.isNew() ? added.article() : store.find(added.duplicateOf())
                .orElseThrow(() -> new StoreException(storeOpener.describe() + ": article " + added.duplicateOf()
                        + " was reported stored but cannot be found", null));
        StoredAnalyses.Found found = analyses.find(List.of(stored));
        found.failures().forEach(f -> report(record.where() + ": " + f));
        AnalysedArticle analysed = found.analyses().get(0);
        if (analysed.hasNoSentences()) {
            // as in ingest: an article that cannot be analysed stays stored, in no story
            return;
        }
        out.collect(new ArrivedFeatures(stored.id(), record.timestamp(), record.partition(), record.offset(),
                featuresJson.write(features.features(List.of(analysed), embedder).get(0))));
    }

    /**
     * The article with the year inferred for it at publishing, when its date lacks one (cleaned alone here, it had
     * none of the articles published with it to infer a year from).
     */
    private static Article withInferredYear(Article article, Integer year) {
        PublicationDate date = article.published();
        if (year == null || date == null || date.year() != null) {
            return article;
        }
        return article.withPublished(date.withInferredYear(year));
    }

    private static void report(String problem) {
        System.err.println("error: " + problem);
    }

    @Override
    public void close() throws Exception {
        if (embedder != null) {
            embedder.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
