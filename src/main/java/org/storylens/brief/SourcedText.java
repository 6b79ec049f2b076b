package org.storylens.brief;

import java.util.List;

/**
 * A piece of a brief and the articles that really contain it.
 *
 * @param text    the sentence, claim or statement
 * @param sources ids of the articles that state it, oldest first
 * @param support the sentence of each source that states it, in the order of {@code sources} (empty when the brief
 *                was not built from sentences)
 */
public record SourcedText(String text, List<String> sources, List<SupportingSentence> support) {

    public SourcedText {
        sources = List.copyOf(sources);
        support = support == null ? List.of() : List.copyOf(support);
    }

    /** A piece without supporting sentences. */
    public SourcedText(String text, List<String> sources) {
        this(text, sources, List.of());
    }
}
