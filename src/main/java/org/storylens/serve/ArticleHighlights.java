package org.storylens.serve;

import org.jsoup.nodes.Element;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.NumberMention;
import org.storylens.analyse.Quote;
import org.storylens.analyse.Span;
import org.storylens.analyse.TimeExpression;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Marks an article's text with what its analysis found: quotes, and within them entities, dates and figures, as
 * nested {@code <mark>} elements. Spans that cross one kept before them (in the order quotes, entities, dates,
 * figures) are left out rather than broken, so the marks always nest and the element's text is the article's text,
 * character for character. Stateless.
 */
final class ArticleHighlights {

    /**
     * One thing to mark.
     *
     * @param span     where it stands in the text
     * @param priority lower is kept first when spans cross, and is the outer one when spans are equal
     * @param classes  the mark's classes ({@code entity person}, {@code date}, …)
     * @param title    the mark's tooltip
     */
    record Highlight(Span span, int priority, String classes, String title) {
    }

    /** The highlights of an analysis, in no particular order. */
    List<Highlight> of(AnalysedArticle analysis) {
        List<Highlight> all = new ArrayList<>();
        for (Quote q : analysis.quotes()) {
            String who = q.speaker() == null || q.speaker().isBlank() ? "speaker not named" : q.speaker();
            all.add(new Highlight(q.span(), 0, "quote" + (q.direct() ? "" : " reported"),
                    (q.direct() ? "quote of " : "reported speech of ") + who));
        }
        for (EntityMention e : analysis.entities()) {
            String type = e.type() == null ? "misc" : e.type().name().toLowerCase(Locale.ROOT);
            all.add(new Highlight(e.span(), 1, "entity " + type, type));
        }
        for (TimeExpression t : analysis.times()) {
            all.add(new Highlight(t.span(), 2, "date", t.value() == null ? "time expression"
                    : "date: " + t.value() + (t.inferred() ? " (year inferred)" : "")));
        }
        for (NumberMention n : analysis.numbers()) {
            StringBuilder title = new StringBuilder("figure: ").append(figure(n.value()));
            if (n.unit() != null) {
                title.append(' ').append(n.unit());
            }
            if (n.attributedTo() != null) {
                title.append(", according to ").append(n.attributedTo());
            }
            all.add(new Highlight(n.span(), 3, "number", title.toString()));
        }
        return all;
    }

    /** Appends {@code text} to {@code parent} with the highlights that nest and lie within it as marks. */
    void render(Element parent, String text, List<Highlight> highlights) {
        List<Highlight> kept = nesting(text.length(), highlights);
        kept.sort(Comparator.comparingInt((Highlight h) -> h.span().start())
                .thenComparing(h -> -h.span().end()).thenComparingInt(Highlight::priority));
        Deque<Element> open = new ArrayDeque<>();
        Deque<Integer> ends = new ArrayDeque<>();
        open.push(parent);
        ends.push(text.length());
        int at = 0;
        for (Highlight h : kept) {
            while (h.span().start() >= ends.peek() && open.size() > 1) {
                at = close(open, ends, text, at);
            }
            if (h.span().start() > at) {
                open.peek().appendText(text.substring(at, h.span().start()));
                at = h.span().start();
            }
            Element mark = open.peek().appendElement("mark");
            for (String c : h.classes().split(" ")) {
                mark.addClass(c);
            }
            mark.attr("title", h.title());
            open.push(mark);
            ends.push(h.span().end());
        }
        while (open.size() > 1) {
            at = close(open, ends, text, at);
        }
        if (at < text.length()) {
            parent.appendText(text.substring(at));
        }
    }

    private static int close(Deque<Element> open, Deque<Integer> ends, String text, int at) {
        int end = ends.pop();
        if (end > at) {
            open.peek().appendText(text.substring(at, end));
            at = end;
        }
        open.pop();
        return at;
    }

    /** The non-empty highlights within the text that nest with every one kept before them, by priority. */
    static List<Highlight> nesting(int length, List<Highlight> highlights) {
        List<Highlight> byPriority = new ArrayList<>(highlights);
        byPriority.sort(Comparator.comparingInt(Highlight::priority)
                .thenComparingInt(h -> h.span().start()).thenComparingInt(h -> -h.span().end()));
        List<Highlight> kept = new ArrayList<>();
        for (Highlight h : byPriority) {
            Span s = h.span();
            if (s.end() > length || s.start() == s.end()) {
                continue;
            }
            boolean nests = kept.stream().map(Highlight::span)
                    .allMatch(k -> !k.overlaps(s) || k.contains(s) || s.contains(k));
            if (nests) {
                kept.add(h);
            }
        }
        return kept;
    }

    private static String figure(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ENGLISH, "%,d", (long) value)
                : String.format(Locale.ENGLISH, "%,.2f", value);
    }
}
