package org.storylens.store;

import java.time.LocalDate;

/**
 * A story as the store lists it, without its articles. Immutable.
 *
 * @param id                 the story's id
 * @param title              the headline of its latest dated article that has one (undated last), or null when none has
 * @param articles           how many articles it holds
 * @param independentSources outlets among them that are not copies of each other
 * @param firstPublished     its earliest publication date, or null when no article is dated
 * @param lastPublished      its latest publication date, or null
 */
public record StoredStory(String id, String title, int articles, int independentSources, LocalDate firstPublished,
                          LocalDate lastPublished) {
}
