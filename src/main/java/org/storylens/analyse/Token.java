package org.storylens.analyse;

/**
 * A token as CoreNLP saw it: the typed view of a {@code CoreLabel} that the rule-based finders of this package work on.
 *
 * @param word          the token text
 * @param lemma         its lemma
 * @param pos           Penn Treebank part of speech
 * @param ner           coarse named-entity tag ({@code O} for none)
 * @param normalizedNer normalised value for numbers and times, or null
 * @param span          where it stands in the article
 * @param sentence      index of its sentence
 * @param index         position in its sentence, from 0
 */
public record Token(String word, String lemma, String pos, String ner, String normalizedNer, Span span, int sentence,
                    int index) {
}
