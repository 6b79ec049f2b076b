package org.storylens.analyse;

/**
 * A sentence of an article.
 *
 * @param index position in the article, from 0
 * @param span  where it stands in the cleaned text
 * @param text  the sentence
 */
public record Sentence(int index, Span span, String text) {
}
