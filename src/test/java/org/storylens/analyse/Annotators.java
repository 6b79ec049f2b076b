package org.storylens.analyse;

/**
 * One CoreNLP annotator per tier for every test class in the JVM: their models take seconds and up to a gigabyte to
 * load. Tests use the ingest tier, the one every article goes through; the brief tier is loaded only by the tests
 * that check it.
 */
public final class Annotators {

    private static CoreNlpAnnotator ingest;
    private static CoreNlpAnnotator brief;

    private Annotators() {
    }

    /** The ingest tier. */
    public static synchronized CoreNlpAnnotator shared() {
        if (ingest == null) {
            ingest = new CoreNlpAnnotator(AnalysisTier.INGEST.options());
        }
        return ingest;
    }

    /** The brief tier. */
    public static synchronized CoreNlpAnnotator brief() {
        if (brief == null) {
            brief = new CoreNlpAnnotator(AnalysisTier.BRIEF.options());
        }
        return brief;
    }
}
