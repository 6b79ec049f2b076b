package org.storylens.brief;

import org.storylens.analyse.NumberFinder;
import org.storylens.analyse.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The figure that states a story as of its latest report: of the quantities whose value changed from one day's reports
 * to a later day's ({@link QuantityFacts}: the evacuees rising from 1,200 to 1,850), the one the most articles give,
 * with its value in the latest report that gives it. A value a report gives as the one a figure rose from ("up from
 * about 1,200") is not that report's value. Stateless and thread-safe.
 */
final class LatestFigure {

    /** Quantities given by fewer articles than this are not what the story is about. */
    static final int MIN_ARTICLES = 3;
    private static final Set<String> AUXILIARIES = Set.of("were", "was", "are", "is", "have", "has", "had", "been",
            "now", "already");

    /**
     * The latest value of the story's lead quantity.
     *
     * @param statement the sentence that gives it
     * @param figure    the figure in that sentence
     * @param phrase    the figure as a headline phrase from the sentence's own words ("1,850 people evacuated"), or
     *                  null when the sentence does not give it as a number, a noun and a participle
     */
    record Found(Statement statement, QuantityFacts.Figure figure, String phrase) {
    }

    private record Given(Statement statement, QuantityFacts.Figure figure) {
    }

    private static final java.util.regex.Pattern CUMULATIVE = java.util.regex.Pattern.compile(
            "\\b(so far|thus far|to date|a total of)\\b");

    private final QuantityFacts quantities;

    LatestFigure(QuantityFacts quantities) {
        this.quantities = quantities;
    }

    Optional<Found> find(List<Statement> statements) {
        List<List<Given>> byQuantity = new ArrayList<>();
        for (Statement s : statements) {
            for (QuantityFacts.Figure f : quantities.figures(s)) {
                if (NumberFinder.fromBefore(s.tokens(), f.number().span()) || s.publishedAt() == null
                        || cumulative(s)) {
                    continue;
                }
                Given given = new Given(s, f);
                List<Given> home = byQuantity.stream()
                        .filter(g -> g.stream().anyMatch(m -> quantities.sameQuantity(m.figure(), f)))
                        .findFirst().orElse(null);
                if (home == null) {
                    byQuantity.add(new ArrayList<>(List.of(given)));
                } else {
                    home.add(given);
                }
            }
        }
        List<Given> lead = null;
        int leadArticles = 0;
        for (List<Given> g : byQuantity) {
            Set<String> articles = new HashSet<>();
            g.forEach(m -> articles.add(m.statement().articleId()));
            if (articles.size() >= MIN_ARTICLES && articles.size() > leadArticles && changed(g)) {
                lead = g;
                leadArticles = articles.size();
            }
        }
        if (lead == null) {
            return Optional.empty();
        }
        Given latest = lead.stream().max(Comparator.comparing((Given m) -> m.statement().publishedAt())
                .thenComparing(m -> -m.statement().sentence().index())).orElseThrow();
        return Optional.of(new Found(latest.statement(), latest.figure(), phrase(latest)));
    }

    /**
     * "So far the patrol has seized 14 guns", "a total of 14 guns": a running total over events, not the state of the
     * one event the story tells.
     */
    private static boolean cumulative(Statement s) {
        String text = s.sentence().text() == null ? "" : s.sentence().text().toLowerCase(Locale.ROOT);
        return CUMULATIVE.matcher(text).find();
    }

    /** Whether a later day's report gives a value of the same quantity that cannot be true with an earlier day's. */
    private boolean changed(List<Given> quantity) {
        for (Given a : quantity) {
            for (Given b : quantity) {
                if (a.statement().publishedAt().compareTo(b.statement().publishedAt()) < 0
                        && quantities.sameQuantity(a.figure(), b.figure())
                        && QuantityFacts.laterDay(List.of(a.statement()), List.of(b.statement())) == 1
                        && !QuantityFacts.compatible(a.figure(), b.figure())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int first(List<Token> tokens, QuantityFacts.Figure f) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).span().end() > f.number().span().start()) {
                return i;
            }
        }
        return tokens.size();
    }

    /** "1,850 people were evacuated" → "1,850 people evacuated": the figure, its noun and its participle as written. */
    private static String phrase(Given g) {
        List<Token> tokens = g.statement().tokens();
        int i = first(tokens, g.figure());
        var sentence = g.figure().sentence();
        int start = g.figure().number().span().start() - sentence.span().start();
        int end = g.figure().number().span().end() - sentence.span().start();
        if (sentence.text() == null || start < 0 || end > sentence.text().length() || start >= end) {
            return null;
        }
        StringBuilder phrase = new StringBuilder(sentence.text().substring(start, end).replaceAll("\\s+", " "));
        while (i < tokens.size() && tokens.get(i).span().start() < g.figure().number().span().end()) {
            i++;
        }
        int nouns = 0;
        while (i < tokens.size() && (tokens.get(i).pos().equals("NNS") || tokens.get(i).pos().equals("NN"))) {
            phrase.append(' ').append(tokens.get(i).word());
            nouns++;
            i++;
        }
        while (i < tokens.size() && AUXILIARIES.contains(tokens.get(i).word().toLowerCase(Locale.ROOT))) {
            i++;
        }
        if (nouns == 0 || i >= tokens.size() || !tokens.get(i).pos().equals("VBN")) {
            return null;
        }
        return phrase.append(' ').append(tokens.get(i).word()).toString();
    }
}
