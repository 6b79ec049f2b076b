package org.storylens.cluster;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One real-world event and its direct developments, as the clusterer grouped it. Immutable.
 *
 * @param id                 stable id (from the story's first article)
 * @param articles           its articles in arrival order
 * @param independentSources outlets that are not copies of each other: an article that copies another, or carries
 *                           the same wire as another, is not counted again
 * @param firstPublished     earliest publication date among its articles, or null when none is dated
 * @param lastPublished      latest publication date, or null
 */
public record Story(String id, List<StoryArticle> articles, int independentSources, LocalDate firstPublished,
                   LocalDate lastPublished) {

    public Story {
        articles = List.copyOf(articles);
    }

    public int size() {
        return articles.size();
    }

    /**
     * Outlets that are not copies of each other: a copy counts as its original, an article credited to a wire as
     * that wire, an article of unknown outlet as itself.
     */
    public static int countIndependentSources(List<StoryArticle> articles) {
        return new HashSet<>(sourceKeys(articles).values()).size();
    }

    /**
     * The source each article stands for, by article id: a copy stands for its original, an article credited to a
     * wire for that wire (lower-cased), else its outlet; an article of unknown outlet for itself.
     */
    public static Map<String, String> sourceKeys(List<StoryArticle> articles) {
        Map<String, StoryArticle> byId = new HashMap<>();
        articles.forEach(m -> byId.put(m.id(), m));
        Map<String, String> keys = new HashMap<>();
        for (StoryArticle m : articles) {
            StoryArticle root = m;
            for (int hops = 0; root.copyOf() != null && byId.containsKey(root.copyOf()) && hops < articles.size();
                 hops++) {
                root = byId.get(root.copyOf());
            }
            String source = root.wire() != null ? root.wire() : root.outlet();
            keys.put(m.id(), source == null ? "#" + root.id() : source.toLowerCase(Locale.ROOT).strip());
        }
        return keys;
    }
}
