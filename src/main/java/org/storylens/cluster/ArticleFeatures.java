package org.storylens.cluster;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the clusterer knows of one article: its term counts per field, a sentence embedding of its headline and lead,
 * a MinHash signature of its wording, and the metadata that copies and sources are told by. Immutable.
 *
 * @param id        article id
 * @param outlet    who published it, or null
 * @param wire      the agency it is credited to, or null
 * @param language  ISO 639-1 code, or null
 * @param published publication date, or null when unknown (the time features then stay neutral)
 * @param terms     raw term counts per field; a field may be empty
 * @param embedding unit-length embedding of headline and lead, or an empty array when there is none
 * @param minHash   MinHash signature of the body's word shingles
 */
public record ArticleFeatures(String id, String outlet, String wire, String language, LocalDate published,
                              Map<TermField, Map<String, Integer>> terms, float[] embedding, long[] minHash) {

    public ArticleFeatures {
        Objects.requireNonNull(id, "id");
        Map<TermField, Map<String, Integer>> copy = new EnumMap<>(TermField.class);
        for (TermField field : TermField.values()) {
            copy.put(field, Map.copyOf(terms.getOrDefault(field, Map.of())));
        }
        terms = java.util.Collections.unmodifiableMap(copy);
        embedding = embedding == null ? new float[0] : embedding.clone();
        minHash = minHash == null ? new long[0] : minHash.clone();
    }

    public Map<String, Integer> terms(TermField field) {
        return terms.get(field);
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }

    @Override
    public long[] minHash() {
        return minHash.clone();
    }

    /** The embedding without a defensive copy, for the clusterer's inner loop. */
    float[] embeddingView() {
        return embedding;
    }

    long[] minHashView() {
        return minHash;
    }
}
