package org.storylens.analyse;

/**
 * The two depths of analysis. The ingest tier runs on every article as it arrives; the brief tier runs only on the
 * articles of a story being briefed, and its results are kept so that it runs once per article.
 */
public enum AnalysisTier {
    /** CoNLL 4-class NER, SUTime on cued windows: about three times as fast as {@link #BRIEF}. */
    INGEST(CoreNlpAnnotator.Options.INGEST),
    /** CoreNLP's three NER models and SUTime on every sentence: the most accurate entities. */
    BRIEF(CoreNlpAnnotator.Options.BRIEF);

    private final CoreNlpAnnotator.Options options;

    AnalysisTier(CoreNlpAnnotator.Options options) {
        this.options = options;
    }

    /** The CoreNLP set-up of this tier. */
    public CoreNlpAnnotator.Options options() {
        return options;
    }
}
