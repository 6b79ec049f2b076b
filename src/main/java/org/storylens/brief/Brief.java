package org.storylens.brief;

import java.util.List;

/**
 * A brief of one or more stories: the top-level object of the output contract.
 *
 * @param generatedAt ISO instant of writing
 * @param stories     stories, largest first
 */
public record Brief(String generatedAt, List<StoryBrief> stories) {

    public Brief {
        stories = List.copyOf(stories);
    }
}
