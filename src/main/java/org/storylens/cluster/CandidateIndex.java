package org.storylens.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An inverted index from terms and entities to the stories that contain them. Each key keeps only its most recently
 * updated stories (a bounded posting list), so finding candidates costs the same however many stories exist.
 */
final class CandidateIndex {

    private final int postingLimit;
    private final Map<String, LinkedHashSet<String>> postings = new HashMap<>();

    CandidateIndex(int postingLimit) {
        this.postingLimit = postingLimit;
    }

    /** Records that the story now contains these keys (moves it to the most recent end of each posting list). */
    void add(String storyId, Iterable<String> keys) {
        for (String key : keys) {
            LinkedHashSet<String> stories = postings.computeIfAbsent(key, k -> new LinkedHashSet<>());
            stories.remove(storyId);
            stories.add(storyId);
            if (stories.size() > postingLimit) {
                Iterator<String> eldest = stories.iterator();
                eldest.next();
                eldest.remove();
            }
        }
    }

    /**
     * The stories sharing the weighted keys, with the summed weight of the keys they share, best first, at most
     * {@code limit}; stories that are no longer {@code open} are dropped from the index on the way.
     */
    List<String> candidates(Map<String, Double> keyWeights, Predicate<String> open, int limit) {
        Map<String, Double> hits = new HashMap<>();
        for (Map.Entry<String, Double> k : keyWeights.entrySet()) {
            LinkedHashSet<String> stories = postings.get(k.getKey());
            if (stories == null) {
                continue;
            }
            for (Iterator<String> it = stories.iterator(); it.hasNext(); ) {
                String story = it.next();
                if (!open.test(story)) {
                    it.remove();
                } else {
                    hits.merge(story, k.getValue(), Double::sum);
                }
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(hits.entrySet());
        // ties by id: the same input always gives the same candidates
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>(Math.min(limit, ranked.size()));
        for (int i = 0; i < ranked.size() && i < limit; i++) {
            out.add(ranked.get(i).getKey());
        }
        return out;
    }

    Map<String, List<String>> snapshot() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        postings.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    void restore(Map<String, List<String>> saved) {
        postings.clear();
        saved.forEach((k, v) -> postings.put(k, new LinkedHashSet<>(v)));
    }
}
