package org.storylens.analyse;

import org.storylens.clean.Article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The analyse stage, composed in one place: CoreNLP annotates the cleaned text once, then each finder reads the
 * typed annotation for its own kind of fact. Thread-safe; build one per process.
 */
public final class CoreNlpArticleAnalyser implements ArticleAnalyser {

    private static final Set<String> ENTITY_TAGS = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");
    private static final Set<String> TIME_TAGS = Set.of("DATE", "TIME", "DURATION", "SET");

    private final CoreNlpAnnotator annotator;

    public CoreNlpArticleAnalyser(CoreNlpAnnotator annotator) {
        this.annotator = annotator;
    }

    @Override
    public AnalysedArticle analyse(Article article) {
        LocalDate published = article.published() == null ? null : article.published().date();
        AnnotatedText text = annotator.annotate(article.text(), published);
        List<EntityMention> entities = new ArrayList<>();
        List<TimeExpression> times = new ArrayList<>();
        for (AnnotatedText.Mention m : text.mentions()) {
            if (ENTITY_TAGS.contains(m.tag())) {
                entities.add(new EntityMention(m.text(), EntityType.valueOf(m.tag()), m.span(), m.sentence()));
            } else if (TIME_TAGS.contains(m.tag())) {
                times.add(new TimeExpression(m.text(), m.span(), m.sentence(), m.timexValue(), m.timexType(),
                        TimeExpression.Relation.UNKNOWN, false));
            }
        }
        return new AnalysedArticle(article, text.sentences(), entities, times, List.of(), List.of());
    }
}
