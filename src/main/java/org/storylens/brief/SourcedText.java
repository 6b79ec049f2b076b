package org.storylens.brief;

import java.util.List;

/**
 * A piece of a brief and the articles that really contain it.
 *
 * @param text    the sentence, claim or statement
 * @param sources ids of the articles that state it, oldest first
 */
public record SourcedText(String text, List<String> sources) {

    public SourcedText {
        sources = List.copyOf(sources);
    }
}
