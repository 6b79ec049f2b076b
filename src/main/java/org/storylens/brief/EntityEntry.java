package org.storylens.brief;

import java.util.List;

/**
 * A named entity of a story, linked across its articles.
 *
 * @param name     canonical name
 * @param type     PERSON, ORGANIZATION, LOCATION or MISC
 * @param aliases  every other form the articles write it in
 * @param articles ids of the articles that mention it, oldest first
 * @param mentions how many times it is mentioned in all
 */
public record EntityEntry(String name, String type, List<String> aliases, List<String> articles, int mentions) {

    public EntityEntry {
        aliases = List.copyOf(aliases);
        articles = List.copyOf(articles);
    }
}
