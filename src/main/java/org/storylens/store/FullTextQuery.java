package org.storylens.store;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a user typed into an SQLite FTS5 query that cannot be a syntax error: every word becomes a quoted
 * phrase (so FTS5 operators and punctuation are plain text), all must occur, and the last one is a prefix.
 */
final class FullTextQuery {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private FullTextQuery() {
    }

    /** The FTS5 query for the typed text, or null when it holds no word. */
    static String of(String typed) {
        if (typed == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(typed);
        while (m.find()) {
            words.add('"' + m.group() + '"');
        }
        if (words.isEmpty()) {
            return null;
        }
        words.set(words.size() - 1, words.get(words.size() - 1) + "*");
        return String.join(" ", words);
    }
}
