package org.storylens.cluster;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The whole state of a {@link CentroidStoryClusterer}, as plain records a store can persist (JSON or columns) and
 * {@link CentroidStoryClusterer#restore} continues from exactly where it stopped. Immutable.
 *
 * @param articles            how many articles were assigned
 * @param clock               the latest publication date seen, or null
 * @param documentFrequencies per field, in how many articles each term occurred
 * @param stories             every story, open ones with their centroids
 * @param index               the candidate index: per key, story ids from least to most recently updated
 */
public record ClusterSnapshot(long articles, LocalDate clock, Map<TermField, Map<String, Integer>> documentFrequencies,
                              List<StoryState> stories, Map<String, List<String>> index) {

    public ClusterSnapshot {
        documentFrequencies = Map.copyOf(documentFrequencies);
        stories = List.copyOf(stories);
        index = Map.copyOf(index);
    }

    /**
     * One story's state.
     *
     * @param story        the story as listed
     * @param open         whether it still accepts articles; a closed story keeps no centroid
     * @param lastActivity the latest date it grew on (its latest article's, or the stream's date when an undated
     *                     article joined), or null
     * @param centroid     per field, the sum of its articles' unit term vectors (empty when closed)
     * @param embeddingSum the sum of its articles' embeddings (empty when closed)
     * @param members      what copies are told by, for its first articles (empty when closed)
     * @param years        the years its articles name or were published in (empty when closed)
     */
    public record StoryState(Story story, boolean open, LocalDate lastActivity,
                             Map<TermField, Map<String, Double>> centroid, float[] embeddingSum,
                             List<Member> members, List<String> years) {

        public StoryState {
            centroid = Map.copyOf(centroid);
            members = List.copyOf(members);
            years = List.copyOf(years);
        }
    }

    /**
     * The fingerprint of one article of an open story.
     *
     * @param id        article id
     * @param language  ISO 639-1 code, or null
     * @param minHash   MinHash signature of its wording
     * @param embedding its embedding
     */
    public record Member(String id, String language, long[] minHash, float[] embedding) {
    }
}
