package org.storylens.cluster;

import org.storylens.ingest.Limits;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the clusterer knows of one article: its term counts per field, a sentence embedding of its headline and lead,
 * a MinHash signature of its wording, and the metadata that copies and sources are told by. Immutable.
 *
 * @param id        article id
 * @param outlet    who published it, or null (also when longer than {@link Limits#MAX_OUTLET_CHARS})
 * @param wire      the agency it is credited to, or null (also when longer than {@link Limits#MAX_OUTLET_CHARS})
 * @param language  ISO 639-1 code, or null (also when longer than {@link Limits#MAX_OUTLET_CHARS}: no language
 *                  code is)
 * @param published publication date, or null when unknown (the time features then stay neutral)
 * @param terms     raw term counts per field; a field may be empty. Terms longer than
 *                  {@link Limits#MAX_STATE_TERM_CHARS} are dropped and each field keeps at most
 *                  {@link Limits#MAX_STATE_TERMS_PER_FIELD} (its most frequent), so whatever the clusterer keeps of an
 *                  article is bounded however hostile its text
 * @param embedding unit-length embedding of headline and lead, or an empty array when there is none
 * @param minHash   MinHash signature of the body's word shingles
 */
public record ArticleFeatures(String id, String outlet, String wire, String language, LocalDate published,
                              Map<TermField, Map<String, Integer>> terms, float[] embedding, long[] minHash) {

    public ArticleFeatures {
        Objects.requireNonNull(id, "id");
        Map<TermField, Map<String, Integer>> copy = new EnumMap<>(TermField.class);
        for (TermField field : TermField.values()) {
            copy.put(field, bounded(terms.getOrDefault(field, Map.of())));
        }
        outlet = outlet != null && outlet.length() > Limits.MAX_OUTLET_CHARS ? null : outlet;
        wire = wire != null && wire.length() > Limits.MAX_OUTLET_CHARS ? null : wire;
        language = language != null && language.length() > Limits.MAX_OUTLET_CHARS ? null : language;
        terms = java.util.Collections.unmodifiableMap(copy);
        embedding = embedding == null ? new float[0] : embedding.clone();
        minHash = minHash == null ? new long[0] : minHash.clone();
    }

    /**
     * The terms the clusterer may keep: none longer than {@link Limits#MAX_STATE_TERM_CHARS} (a longer run of
     * characters is no word, and would be a key of the saved state), at most {@link Limits#MAX_STATE_TERMS_PER_FIELD},
     * the most frequent first (ties by term, so the same article always keeps the same terms).
     */
    private static Map<String, Integer> bounded(Map<String, Integer> counts) {
        boolean fits = counts.size() <= Limits.MAX_STATE_TERMS_PER_FIELD;
        for (String term : counts.keySet()) {
            fits &= term.length() <= Limits.MAX_STATE_TERM_CHARS;
        }
        if (fits) {
            return Map.copyOf(counts);
        }
        Map<String, Integer> kept = new HashMap<>();
        counts.entrySet().stream()
                .filter(e -> e.getKey().length() <= Limits.MAX_STATE_TERM_CHARS)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(Limits.MAX_STATE_TERMS_PER_FIELD)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return Map.copyOf(kept);
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
