package org.storylens.store;

import java.time.LocalDate;

/**
 * Which stories to list: every condition given must hold; null means "any". Immutable.
 *
 * @param text   words that one of the story's articles contains in its title or text (full-text search; every word
 *               must occur, the last one as a prefix)
 * @param from   the story has an article published on or after this day
 * @param to     the story has an article published on or before this day
 * @param outlet one of its articles is by this outlet (case-insensitive)
 * @param entity one of its articles names this entity (case-insensitive, as the analysis found it)
 * @param limit  at most this many stories
 * @param offset skip this many first
 */
public record StoryQuery(String text, LocalDate from, LocalDate to, String outlet, String entity, int limit,
                         int offset) {

    public static final int DEFAULT_LIMIT = 50;

    public StoryQuery {
        text = blankToNull(text);
        outlet = blankToNull(outlet);
        entity = blankToNull(entity);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, not " + offset);
        }
    }

    /** Every story, the first {@link #DEFAULT_LIMIT}. */
    public static StoryQuery all() {
        return new StoryQuery(null, null, null, null, null, DEFAULT_LIMIT, 0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
