package org.storylens.brief;

import java.util.List;

/**
 * An article of a story as the brief lists it.
 *
 * @param id                 article id
 * @param title              headline, or null
 * @param outlet             publisher, or null
 * @param wire               agency credited, or null
 * @param publishedAt        ISO date, or null
 * @param language           ISO 639-1 code, or null
 * @param removedBoilerplate lines the cleaner removed
 * @param copyOf             id of the earlier article of the story whose text this one copies or translates, or null
 */
public record ArticleEntry(String id, String title, String outlet, String wire, String publishedAt, String language,
                           List<String> removedBoilerplate, String copyOf) {

    public ArticleEntry {
        removedBoilerplate = List.copyOf(removedBoilerplate);
    }
}
