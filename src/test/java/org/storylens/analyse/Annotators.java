package org.storylens.analyse;

/** One CoreNLP annotator for every test class in the JVM: its models take seconds and a gigabyte to load. */
public final class Annotators {

    private static CoreNlpAnnotator shared;

    private Annotators() {
    }

    public static synchronized CoreNlpAnnotator shared() {
        if (shared == null) {
            shared = new CoreNlpAnnotator();
        }
        return shared;
    }
}
