package org.storylens.analyse;

import org.storylens.clean.Article;

import java.util.List;

/**
 * An article with the facts the analyse stage found in it. Immutable.
 *
 * @param article   the cleaned article
 * @param sentences its sentences, in order
 * @param entities  named-entity mentions, in order
 * @param times     time expressions, in order
 * @param quotes    direct and reported statements, in order
 * @param numbers   figures, in order
 * @param annotation the typed CoreNLP annotation the facts were read from (tokens for later stages' rules)
 */
public record AnalysedArticle(Article article, List<Sentence> sentences, List<EntityMention> entities,
                              List<TimeExpression> times, List<Quote> quotes, List<NumberMention> numbers,
                              AnnotatedText annotation) {

    public AnalysedArticle {
        sentences = List.copyOf(sentences);
        entities = List.copyOf(entities);
        times = List.copyOf(times);
        quotes = List.copyOf(quotes);
        numbers = List.copyOf(numbers);
    }
}
