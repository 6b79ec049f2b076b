package org.storylens.analyse;

import org.storylens.clean.AnalysableText;
import org.storylens.clean.Article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyse stage, composed in one place: CoreNLP annotates the cleaned text once, then each finder reads the
 * typed annotation for its own kind of fact — entities, time expressions resolved against the publication date,
 * quotes with speakers (a role named after the person it introduced), figures with attribution (a figure inside a quote is its speaker's). Thread-safe; build one
 * per process.
 */
public final class CoreNlpArticleAnalyser implements ArticleAnalyser {

    private final CoreNlpAnnotator annotator;
    private final EntityFinder entities;
    private final TimeResolver times;
    private final QuoteFinder quotes;
    private final NumberFinder numbers;
    private final QuotedFigures quotedFigures = new QuotedFigures();
    private final RoleSpeakers roleSpeakers = new RoleSpeakers();

    public CoreNlpArticleAnalyser(CoreNlpAnnotator annotator, EntityFinder entities, TimeResolver times,
                                  QuoteFinder quotes, NumberFinder numbers) {
        this.annotator = annotator;
        this.entities = entities;
        this.times = times;
        this.quotes = quotes;
        this.numbers = numbers;
    }

    @Override
    public AnalysedArticle analyse(Article article) {
        LocalDate published = article.published() == null ? null : article.published().date();
        AnalysableText analysable = AnalysableText.of(article.text());
        // the cleaner gave these warnings to the articles it cleaned; an article cleaned before gets them now
        List<String> warnings = new ArrayList<>(analysable.warnings().stream()
                .filter(w -> !article.warnings().contains(w)).toList());
        AnnotatedText text = annotator.annotate(analysable.text(), published, warnings);
        List<EntityMention> named = entities.find(text);
        List<Quote> said = roleSpeakers.resolve(analysable.text(), quotes.find(text), named);
        return new AnalysedArticle(article.withMoreWarnings(warnings), text.sentences(), named,
                times.resolve(text, article.published()), said, quotedFigures.attribute(numbers.find(text), said),
                text);
    }
}
