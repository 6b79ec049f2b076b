package org.storylens.eval;

import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.CoreNlpAnnotator;
import org.storylens.analyse.Span;
import org.storylens.analyse.TimeExpression;
import org.storylens.analyse.TimeResolver;
import org.storylens.clean.PublicationDate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores time expressions on TimeML gold ({@code .tml} files, such as TempEval-3's AQUAINT part): runs CoreNLP with
 * each document's creation time as document date, then scores SUTime's own values and {@link TimeResolver}'s values
 * (the creation time as publication date) for span (strict and relaxed) and value accuracy. Thread-safe when its
 * annotator is.
 */
public final class TimeEvaluation {

    /**
     * What an evaluation gave.
     *
     * @param documents   documents read
     * @param sutime      SUTime's mentions and values as CoreNLP gives them
     * @param resolved    the resolver's expressions and values
     * @param fixed       gold expressions both matched whose value the resolver gets right and SUTime wrong
     * @param broken      gold expressions both matched whose value SUTime gets right and the resolver wrong
     * @param valueErrors the resolver's wrong values on matched spans: document, text, gold value, value given, SUTime's
     *                    value and the context
     */
    public record Report(int documents, SpanScores sutime, SpanScores resolved, int fixed, int broken,
                         List<String> valueErrors) {

        public Report {
            valueErrors = List.copyOf(valueErrors);
        }
    }

    private record Found(Span span, String value) {
    }

    private static final Set<String> TIME_TAGS = Set.of("DATE", "TIME", "DURATION", "SET");

    private final CoreNlpAnnotator annotator;
    private final TimeResolver resolver;

    public TimeEvaluation(CoreNlpAnnotator annotator, TimeResolver resolver) {
        this.annotator = Objects.requireNonNull(annotator, "annotator");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Evaluates every {@code .tml} file in {@code directory}. */
    public Report evaluate(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.toString().endsWith(".tml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list TimeML directory " + directory, e);
        }
        SpanScores sutime = new SpanScores(0, 0, 0, 0, 0);
        SpanScores resolved = sutime;
        int fixed = 0;
        int broken = 0;
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            TimeMlDocument doc = TimeMlDocument.read(file);
            AnnotatedText annotated = annotator.annotate(doc.text(), doc.dct());
            PublicationDate dct = new PublicationDate(doc.dct().getYear(), doc.dct().getMonthValue(),
                    doc.dct().getDayOfMonth(), null, PublicationDate.Source.METADATA, "DCT", false);
            List<Found> fromSutime = annotated.mentions().stream().filter(m -> TIME_TAGS.contains(m.tag()))
                    .map(m -> new Found(m.span(), m.timexValue())).toList();
            List<Found> fromResolver = resolver.resolve(annotated, dct).stream()
                    .map(e -> new Found(e.span(), e.value())).toList();
            Found[] bySutime = match(doc, fromSutime);
            Found[] byResolver = match(doc, fromResolver);
            sutime = sutime.plus(score(doc, fromSutime, bySutime));
            resolved = resolved.plus(score(doc, fromResolver, byResolver));
            for (int g = 0; g < doc.gold().size(); g++) {
                TimeMlDocument.Gold gold = doc.gold().get(g);
                boolean resolverRight = right(byResolver[g], gold);
                boolean sutimeRight = right(bySutime[g], gold);
                fixed += resolverRight && !sutimeRight && bySutime[g] != null ? 1 : 0;
                broken += sutimeRight && !resolverRight && byResolver[g] != null ? 1 : 0;
                if (byResolver[g] != null && !resolverRight) {
                    errors.add(doc.id() + ": \"" + gold.text() + "\" gold " + gold.value() + ", given "
                            + byResolver[g].value() + " (SUTime " + (bySutime[g] == null ? "-" : bySutime[g].value())
                            + ") | " + context(doc.text(), gold.span()));
                }
            }
        }
        return new Report(files.size(), sutime, resolved, fixed, broken, errors);
    }

    /** For each gold expression, the found expression matched to it one to one (exact span first), or null. */
    private static Found[] match(TimeMlDocument doc, List<Found> found) {
        Found[] matched = new Found[doc.gold().size()];
        boolean[] used = new boolean[found.size()];
        for (int g = 0; g < matched.length; g++) {
            Span gold = doc.gold().get(g).span();
            int best = -1;
            for (int i = 0; i < found.size(); i++) {
                if (!used[i] && found.get(i).span().overlaps(gold) && (best < 0 || found.get(i).span().equals(gold))) {
                    best = i;
                }
            }
            if (best >= 0) {
                used[best] = true;
                matched[g] = found.get(best);
            }
        }
        return matched;
    }

    private static SpanScores score(TimeMlDocument doc, List<Found> found, Found[] matched) {
        int strict = 0;
        int relaxed = 0;
        int values = 0;
        for (int g = 0; g < matched.length; g++) {
            if (matched[g] != null) {
                relaxed++;
                strict += matched[g].span().equals(doc.gold().get(g).span()) ? 1 : 0;
                values += right(matched[g], doc.gold().get(g)) ? 1 : 0;
            }
        }
        return new SpanScores(doc.gold().size(), found.size(), strict, relaxed, values);
    }

    private static boolean right(Found found, TimeMlDocument.Gold gold) {
        return found != null && Objects.equals(normalised(found.value()), normalised(gold.value()));
    }

    /** The gold data writes some ISO weeks without their leading zero ({@code 2000-W7}). */
    private static String normalised(String value) {
        return value == null ? null : value.replaceFirst("^(\\d{4})-W(\\d)(?!\\d)", "$1-W0$2");
    }

    private static String context(String text, Span span) {
        return text.substring(Math.max(0, span.start() - 80), Math.min(text.length(), span.end() + 40))
                .replaceAll("\\s+", " ");
    }
}
