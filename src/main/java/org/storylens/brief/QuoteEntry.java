package org.storylens.brief;

import java.util.List;

/**
 * One statement, merged across the articles that report it in whatever translation or wording.
 *
 * @param speaker who made it, or null when no article says
 * @param text    its words in the first report
 * @param direct  true when at least one source quotes the words directly
 * @param sources ids of the articles that report it, oldest first
 */
public record QuoteEntry(String speaker, String text, boolean direct, List<String> sources) {

    public QuoteEntry {
        sources = List.copyOf(sources);
    }
}
