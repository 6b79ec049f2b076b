package org.storylens.analyse;

import java.util.List;

/** Turns sentences into unit-length vectors whose dot product measures similarity of meaning. Thread-safe. */
public interface Embedder {

    List<float[]> embed(List<String> sentences);

    /** Cosine similarity of two unit-length vectors. */
    static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
