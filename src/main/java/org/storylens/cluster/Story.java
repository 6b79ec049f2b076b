package org.storylens.cluster;

import java.time.LocalDate;
import java.util.List;

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
}
