package org.storylens.analyse;

/**
 * A named entity as written in one place of an article.
 *
 * @param text     the words as written ("President Biden", "Anthony Blink")
 * @param type     its type
 * @param span     where it stands
 * @param sentence index of its sentence
 */
public record EntityMention(String text, EntityType type, Span span, int sentence) {
}
