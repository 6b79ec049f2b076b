package org.storylens.brief;

import java.util.Objects;

/**
 * The sentence of one source article that states a summary sentence or claim: what a reader checks the brief against.
 *
 * @param articleId the source article
 * @param sentence  its sentence, as cleaned, whitespace runs made one space
 */
public record SupportingSentence(String articleId, String sentence) {

    public SupportingSentence {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(sentence, "sentence");
    }

    static java.util.List<SupportingSentence> of(java.util.List<Statement> statements) {
        return statements.stream().map(s -> new SupportingSentence(s.articleId(), s.text())).toList();
    }
}
