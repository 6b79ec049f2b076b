package org.storylens.brief;

import java.util.List;

/**
 * A figure a story's sources give, merged across the articles that give the same value for the same thing.
 *
 * @param value        the normalised value: a whole number when it is one (175000, not 175000.0)
 * @param unit         what it counts or measures, or null
 * @param qualifier    "more than", "about", ... as the first report words it, or null
 * @param text         the sentence giving it in its first report
 * @param attributedTo who the first report attributes it to, or null
 * @param sources      ids of the articles that give it, oldest first
 */
public record NumberEntry(Number value, String unit, String qualifier, String text, String attributedTo,
                          List<String> sources) {

    public NumberEntry {
        sources = List.copyOf(sources);
    }
}
