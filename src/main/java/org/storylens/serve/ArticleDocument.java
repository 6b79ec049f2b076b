package org.storylens.serve;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.NumberMention;
import org.storylens.analyse.Quote;
import org.storylens.analyse.TimeExpression;
import org.storylens.clean.Article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One article as {@code GET /api/articles/{id}} answers it: the cleaned article and what its ingest-tier analysis
 * found, with character offsets into {@code text}; the token annotations the finders read are left out.
 */
record ArticleDocument(String id, String title, String outlet, String wire, String publishedAt, String language,
                       String url, String text, List<String> removedBoilerplate, String storyId, Findings findings) {

    /** What the analysis found; null in the document when the article was stored without analysis. */
    record Findings(String tier, List<EntityFinding> entities, List<TimeFinding> times, List<QuoteFinding> quotes,
                    List<NumberFinding> numbers) {
    }

    /** One named entity of the article with where it is mentioned, by name as written (case aside). */
    record EntityFinding(String name, String type, int mentions, List<Offsets> spans) {
    }

    /** A time expression and the calendar value it was resolved to (null when it could not be placed). */
    record TimeFinding(String text, String value, String type, String relation, boolean inferred, int start,
                       int end) {
    }

    /** A direct or reported statement and its speaker (null when it cannot be told). */
    record QuoteFinding(String speaker, String text, boolean direct, int start, int end) {
    }

    /** A figure: its value (whole numbers without a fraction), qualifier, unit and attribution. */
    record NumberFinding(Number value, String qualifier, String unit, String attributedTo, String text, int start,
                         int end) {
    }

    /** Character offsets into the article's text. */
    record Offsets(int start, int end) {
    }

    static ArticleDocument of(StoryLibrary.ArticleView view) {
        Article a = view.article();
        return new ArticleDocument(a.id(), a.title(), a.outlet(), a.wire(), a.publishedAt(), a.language(), a.url(),
                a.text(), a.removedBoilerplate(), view.storyId(),
                view.analysis() == null ? null : findings(view.analysis()));
    }

    private static Findings findings(AnalysedArticle analysis) {
        return new Findings("ingest", entities(analysis.entities()),
                analysis.times().stream().map(ArticleDocument::time).toList(),
                analysis.quotes().stream().map(ArticleDocument::quote).toList(),
                analysis.numbers().stream().map(ArticleDocument::number).toList());
    }

    /** Mentions grouped by name (case and spacing aside), most mentioned first, then in order of first mention. */
    private static List<EntityFinding> entities(List<EntityMention> mentions) {
        Map<String, List<EntityMention>> byName = new LinkedHashMap<>();
        for (EntityMention m : mentions) {
            String key = m.text().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) + "\u0000" + m.type();
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        List<EntityFinding> out = new ArrayList<>();
        for (List<EntityMention> group : byName.values()) {
            EntityMention first = group.get(0);
            out.add(new EntityFinding(first.text().strip().replaceAll("\\s+", " "), first.type().name(), group.size(),
                    group.stream().map(m -> new Offsets(m.span().start(), m.span().end())).toList()));
        }
        out.sort(Comparator.comparingInt(EntityFinding::mentions).reversed()); // stable: first mention breaks ties
        return out;
    }

    private static TimeFinding time(TimeExpression t) {
        return new TimeFinding(t.text(), t.value(), t.type(), t.relation() == null ? null : t.relation().name(),
                t.inferred(), t.span().start(), t.span().end());
    }

    private static QuoteFinding quote(Quote q) {
        return new QuoteFinding(q.speaker(), q.text(), q.direct(), q.span().start(), q.span().end());
    }

    private static NumberFinding number(NumberMention n) {
        double v = n.value();
        Number value = v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
        return new NumberFinding(value, n.qualifier(), n.unit(), n.attributedTo(), n.text(), n.span().start(),
                n.span().end());
    }
}
