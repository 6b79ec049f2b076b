package org.storylens.brief;

import java.util.List;

/**
 * A statement of fact and how the story's sources stand on it.
 *
 * @param text          the claim, in the words of its first report
 * @param status        {@code agreed} (two or more independent sources), {@code disputed} (a source gives an
 *                      incompatible value, or a party denies what another asserts) or {@code single-source}
 * @param sources       ids of the articles that state it, oldest first
 * @param conflictsWith for a disputed claim, the texts of the claims it conflicts with (none for a claim whose
 *                      sentence reports both sides of a denial, {@code side} {@code both})
 * @param firstReported ISO publication date of its earliest source, or null when no source is dated
 * @param lastReported  ISO publication date of its latest source, or null when no source is dated
 * @param supersededBy  texts of later claims that update this one (a later report, not a contradiction)
 * @param supersedes    texts of earlier claims this one updates
 * @param support       the sentence of each source that states it, in the order of {@code sources}
 * @param side          for a claim one party denies: {@code assertion} (this claim asserts the matter),
 *                      {@code denial} (it denies it), {@code both} (its sentence reports both sides), else null
 * @param asserts       for a claim one party denies, the parties that assert the matter, as written
 * @param denies        for a claim one party denies, the parties that deny it, as written
 */
public record ClaimEntry(String text, String status, List<String> sources, List<String> conflictsWith,
                         String firstReported, String lastReported, List<String> supersededBy,
                         List<String> supersedes, List<SupportingSentence> support, String side,
                         List<String> asserts, List<String> denies) {

    public ClaimEntry {
        sources = List.copyOf(sources);
        conflictsWith = List.copyOf(conflictsWith);
        supersededBy = List.copyOf(supersededBy);
        supersedes = List.copyOf(supersedes);
        support = support == null ? List.of() : List.copyOf(support);
        asserts = asserts == null ? List.of() : List.copyOf(asserts);
        denies = denies == null ? List.of() : List.copyOf(denies);
    }

    /** A claim no party denies. */
    public ClaimEntry(String text, String status, List<String> sources, List<String> conflictsWith,
                      String firstReported, String lastReported, List<String> supersededBy, List<String> supersedes,
                      List<SupportingSentence> support) {
        this(text, status, sources, conflictsWith, firstReported, lastReported, supersededBy, supersedes, support,
                null, List.of(), List.of());
    }

    /** A claim without supporting sentences. */
    public ClaimEntry(String text, String status, List<String> sources, List<String> conflictsWith,
                      String firstReported, String lastReported, List<String> supersededBy, List<String> supersedes) {
        this(text, status, sources, conflictsWith, firstReported, lastReported, supersededBy, supersedes, List.of());
    }
}
