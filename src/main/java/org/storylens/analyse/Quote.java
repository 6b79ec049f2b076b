package org.storylens.analyse;

/**
 * A statement attributed to someone in an article.
 *
 * @param text     the quoted words (direct) or the reported clause (indirect)
 * @param span     where the quoted words stand
 * @param sentence index of the sentence it starts in
 * @param speaker  who said it, as the article names them (the full name found in the article when the attribution
 *                 is a pronoun or a short form), or null when it cannot be told
 * @param direct   true for quoted words, false for reported speech ("Peskov said the call would ...")
 */
public record Quote(String text, Span span, int sentence, String speaker, boolean direct) {
}
