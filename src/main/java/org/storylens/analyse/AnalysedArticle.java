package org.storylens.analyse;

import org.storylens.clean.Article;

import java.util.List;
import java.util.Map;

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
 * @param vectors    unit-length embeddings of the article's sentences and quotes by their text (whitespace runs
 *                   made one space, trimmed: {@link #vectorKey}), or empty when the analysis did not embed them (the
 *                   ingest tier)
 */
public record AnalysedArticle(Article article, List<Sentence> sentences, List<EntityMention> entities,
                              List<TimeExpression> times, List<Quote> quotes, List<NumberMention> numbers,
                              AnnotatedText annotation, Map<String, float[]> vectors) {

    public AnalysedArticle {
        sentences = List.copyOf(sentences);
        entities = List.copyOf(entities);
        times = List.copyOf(times);
        quotes = List.copyOf(quotes);
        numbers = List.copyOf(numbers);
        vectors = vectors == null ? Map.of() : Map.copyOf(vectors);
    }

    /** An analysis without sentence vectors. */
    public AnalysedArticle(Article article, List<Sentence> sentences, List<EntityMention> entities,
                           List<TimeExpression> times, List<Quote> quotes, List<NumberMention> numbers,
                           AnnotatedText annotation) {
        this(article, sentences, entities, times, quotes, numbers, annotation, Map.of());
    }

    /** This analysis with the given embeddings of its texts. */
    public AnalysedArticle withVectors(Map<String, float[]> vectors) {
        return new AnalysedArticle(article, sentences, entities, times, quotes, numbers, annotation, vectors);
    }

    /**
     * The analysis of an article that was left unanalysed (its analysis failed or ran over its budget): no sentence,
     * nothing found. Kept in place of an analysis so that the article is not analysed again by every later run.
     */
    public static AnalysedArticle unanalysed(Article article) {
        return new AnalysedArticle(article, List.of(), List.of(), List.of(), List.of(), List.of(),
                new AnnotatedText("", List.of(), List.of(), List.of()));
    }

    /** True when no sentence was analysed: the article was left unanalysed, or holds nothing analysis reads. */
    public boolean hasNoSentences() {
        return sentences.isEmpty();
    }

    /** The key of a sentence's or quote's text in {@link #vectors}: whitespace runs made one space, trimmed. */
    public static String vectorKey(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
