package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges the figures of a story's articles: the same value of the same quantity ({@link QuantityFacts}: the same unit
 * family, and for two articles the same thing measured) is one entry with all the articles that give it as sources, in
 * order of first report; "more than two metres" of river rise and "almost two metres" of reservoir lowered stay two
 * entries. A figure whose unit or counted noun is not known ("a mother of 12") says nothing a reader can check and is
 * left out; the entry carries the first report's own wording, unit and attribution, never another article's.
 * Thread-safe.
 */
public final class NumberTable {

    private final QuantityFacts quantities;

    NumberTable(QuantityFacts quantities) {
        this.quantities = quantities;
    }

    public NumberTable() {
        this(new QuantityFacts());
    }

    /** @param story the story's articles, oldest first */
    public List<NumberEntry> build(List<AnalysedArticle> story) {
        List<List<QuantityFacts.Figure>> groups = new ArrayList<>();
        for (AnalysedArticle a : story) {
            List<List<Token>> tokens = a.annotation() == null ? List.of() : a.annotation().tokens();
            for (Sentence s : a.sentences()) {
                List<Token> sentenceTokens = s.index() < tokens.size() ? tokens.get(s.index()) : List.of();
                for (QuantityFacts.Figure f : quantities.figures(a, s, sentenceTokens)) {
                    List<QuantityFacts.Figure> home = groups.stream().filter(g -> sameFigure(g, f)).findFirst()
                            .orElse(null);
                    if (home == null) {
                        home = new ArrayList<>();
                        groups.add(home);
                    }
                    home.add(f);
                }
            }
        }
        List<NumberEntry> entries = new ArrayList<>();
        for (List<QuantityFacts.Figure> group : groups) {
            QuantityFacts.Figure first = group.get(0);
            entries.add(new NumberEntry(whole(first.number().value()), first.number().unit(),
                    first.number().qualifier(), first.number().text(), first.number().attributedTo(),
                    group.stream().map(QuantityFacts.Figure::articleId).distinct().toList()));
        }
        return entries;
    }

    /** The same value of one unit family, from an article of the group or measuring the same thing as one of it. */
    private boolean sameFigure(List<QuantityFacts.Figure> group, QuantityFacts.Figure f) {
        QuantityFacts.Figure first = group.get(0);
        if (first.number().value() != f.number().value() || !first.quantity().unit().equals(f.quantity().unit())) {
            return false;
        }
        return group.stream().anyMatch(g -> g.articleId().equals(f.articleId()) || quantities.sameQuantity(g, f)
                || QuantityFacts.sameAge(g, f));
    }

    private static Number whole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }
}
