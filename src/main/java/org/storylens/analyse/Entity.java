package org.storylens.analyse;

import java.util.List;
import java.util.Map;

/**
 * One person, organisation, place or other named thing of a story, with every way its articles write it.
 *
 * @param name     the name storylens shows: the longest full form the articles agree on ("Antony Blinken"), or
 *                 the listed name of an organisation or place with several names ("NATO")
 * @param type     the type most of its mentions have
 * @param aliases  every other form written, most frequent first ("Blinken", "Anthony Blink")
 * @param articles ids of the articles that mention it, in the order the articles were given
 * @param mentions how many times it is mentioned in all
 * @param mentionsByArticle how many times each of its articles mentions it, by article id
 */
public record Entity(String name, EntityType type, List<String> aliases, List<String> articles, int mentions,
                     Map<String, Integer> mentionsByArticle) {

    public Entity {
        aliases = List.copyOf(aliases);
        articles = List.copyOf(articles);
        mentionsByArticle = Map.copyOf(mentionsByArticle);
    }
}
