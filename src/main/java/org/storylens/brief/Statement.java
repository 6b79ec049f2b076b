package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.NumberMention;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.TimeExpression;
import org.storylens.analyse.Token;

import java.util.List;
import java.util.Set;

/**
 * One sentence of one article of a story, as the summary and claim steps see it.
 *
 * @param index        position among the story's statements (the row of the similarity matrix)
 * @param article      the article it comes from
 * @param articleOrder position of that article in the story, oldest first
 * @param sentence     the sentence
 * @param tokens       its tokens
 * @param text         its text, whitespace collapsed
 * @param contentWords its content words ({@link SupportCheck#contentWords})
 */
record Statement(int index, AnalysedArticle article, int articleOrder, Sentence sentence, List<Token> tokens,
                 String text, Set<String> contentWords) {

    String articleId() {
        return article.article().id();
    }

    String publishedAt() {
        return article.article().publishedAt();
    }

    List<EntityMention> entities() {
        return article.entities().stream().filter(e -> e.sentence() == sentence.index()).toList();
    }

    List<TimeExpression> times() {
        return article.times().stream().filter(t -> t.sentence() == sentence.index()).toList();
    }

    List<NumberMention> numbers() {
        return article.numbers().stream().filter(n -> n.sentence() == sentence.index()).toList();
    }
}
