package org.storylens.cluster;

import java.time.LocalDate;

/**
 * An article as its story lists it.
 *
 * @param id        article id
 * @param outlet    publisher, or null
 * @param wire      the agency it is credited to or copied from (inherited from the article it copies), or null
 * @param published publication date, or null
 * @param copyOf    id of the earlier article of the story whose text this one copies or translates, or null
 */
public record StoryArticle(String id, String outlet, String wire, LocalDate published, String copyOf) {
}
