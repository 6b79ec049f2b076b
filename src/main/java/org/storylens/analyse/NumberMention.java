package org.storylens.analyse;

/**
 * A figure given in an article, with what it counts and whom the article attributes it to.
 *
 * @param text         the sentence or clause giving the figure
 * @param span         where the number itself stands
 * @param sentence     index of its sentence
 * @param value        the normalised value (175,000 → 175000)
 * @param qualifier    "more than", "about", "up to", ... or null
 * @param unit         the unit or counted noun ("soldiers", "battalions", "dead"), or null
 * @param attributedTo who the article says gave the figure ("The Washington Post", "Ukrainian officials"), or null
 */
public record NumberMention(String text, Span span, int sentence, double value, String qualifier, String unit,
                            String attributedTo) {
}
