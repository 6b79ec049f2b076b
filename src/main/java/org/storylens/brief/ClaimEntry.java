package org.storylens.brief;

import java.util.List;

/**
 * A statement of fact and how the story's sources stand on it.
 *
 * @param text          the claim
 * @param status        {@code agreed}, {@code disputed} or {@code single-source}
 * @param sources       ids of the articles that state it
 * @param conflictsWith for a disputed claim, the texts of the claims it conflicts with
 */
public record ClaimEntry(String text, String status, List<String> sources, List<String> conflictsWith) {

    public ClaimEntry {
        sources = List.copyOf(sources);
        conflictsWith = List.copyOf(conflictsWith);
    }
}
