package org.storylens.eval;

import org.storylens.analyse.AttributedQuote;
import org.storylens.analyse.CoreNlpAnnotator;
import org.storylens.analyse.QuoteFinder;
import org.storylens.analyse.Span;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores {@link QuoteFinder} against PolNeAR-style gold attributions: a folder with {@code text/NAME.txt} and
 * {@code attributions/NAME.ann} or {@code attributions/NAME_ANNOTATOR.ann} (brat); a text annotated by several
 * annotators is scored against each of their files, every one counting as a document. A predicted quote matches a gold content span when they overlap; a predicted
 * speaker mention matches a gold source span when they overlap. Speaker accuracy counts, over the predicted quotes that
 * match a gold content, those whose speaker mention overlaps that attribution's source or whose speaker name shares a
 * word with the source's text. Not thread-safe per call; one instance may be reused.
 */
public final class QuoteEvaluation {

    /** Precision and recall counts for one kind of span. */
    public record Score(int predicted, int predictedMatched, int gold, int goldMatched) {

        public double precision() {
            return predicted == 0 ? 0 : (double) predictedMatched / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) goldMatched / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Score plus(Score o) {
            return new Score(predicted + o.predicted, predictedMatched + o.predictedMatched, gold + o.gold,
                    goldMatched + o.goldMatched);
        }
    }

    /**
     * The figures over a whole folder.
     *
     * @param texts           texts read
     * @param documents       annotation files scored (a text may have several annotators)
     * @param source          speaker mentions against gold Source spans
     * @param content         quotes against gold Content spans
     * @param matchedQuotes   predicted quotes that overlap a gold content
     * @param correctSpeakers of those, the ones whose speaker matches the gold source
     */
    public record Report(int texts, int documents, Score source, Score content, int matchedQuotes, int correctSpeakers) {

        public double speakerAccuracy() {
            return matchedQuotes == 0 ? 0 : (double) correctSpeakers / matchedQuotes;
        }

        /** A few lines for a terminal. */
        public String summary() {
            return String.format(Locale.ROOT, """
                    texts %d, annotation files %d
                    source  P %.3f R %.3f F1 %.3f (predicted %d, gold %d)
                    content P %.3f R %.3f F1 %.3f (predicted %d, gold %d)
                    speaker accuracy %.3f (%d of %d matched quotes)
                    """, texts, documents, source.precision(), source.recall(), source.f1(), source.predicted(), source.gold(),
                    content.precision(), content.recall(), content.f1(), content.predicted(), content.gold(),
                    speakerAccuracy(), correctSpeakers, matchedQuotes);
        }
    }

    private static final Set<String> STOPWORDS = Set.of("the", "a", "an", "of", "to", "for", "and", "in", "at", "on",
            "said", "says", "mr", "mrs", "ms", "mr.", "mrs.", "ms.");

    private final CoreNlpAnnotator annotator;
    private final QuoteFinder finder;

    public QuoteEvaluation(CoreNlpAnnotator annotator, QuoteFinder finder) {
        this.annotator = annotator;
        this.finder = finder;
    }

    public Report evaluate(Path folder) {
        Path texts = folder.resolve("text");
        List<Path> files;
        try (Stream<Path> list = Files.list(texts)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list evaluation texts in " + texts, e);
        }
        Score source = new Score(0, 0, 0, 0);
        Score content = new Score(0, 0, 0, 0);
        int matched = 0;
        int correct = 0;
        int documents = 0;
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
            String text = read(file);
            List<AttributedQuote> predicted = null;
            for (Path ann : annotations(folder.resolve("attributions"), name)) {
                if (predicted == null) {
                    predicted = finder.findAttributed(annotator.annotate(text, null));
                }
                List<BratAttributions.Gold> gold = BratAttributions.read(ann);
                documents++;
                source = source.plus(sourceScore(gold, predicted));
                content = content.plus(contentScore(gold, predicted));
                for (AttributedQuote q : predicted) {
                    BratAttributions.Gold best = bestMatch(q.quote().span(), gold);
                    if (best != null) {
                        matched++;
                        if (speakerMatches(text, q, best)) {
                            correct++;
                        }
                    }
                }
            }
        }
        return new Report(files.size(), documents, source, content, matched, correct);
    }

    private static List<Path> annotations(Path folder, String name) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> {
                String f = p.getFileName().toString();
                return f.equals(name + ".ann") || f.startsWith(name + "_") && f.endsWith(".ann")
                        && f.substring(name.length() + 1).indexOf('_') < 0;
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list attributions in " + folder, e);
        }
    }

    private static Score sourceScore(List<BratAttributions.Gold> gold, List<AttributedQuote> predicted) {
        Set<List<Span>> goldSources = new LinkedHashSet<>();
        gold.stream().filter(g -> !g.source().isEmpty()).forEach(g -> goldSources.add(g.source()));
        Set<Span> predictedSources = new LinkedHashSet<>();
        predicted.stream().map(AttributedQuote::speakerSpan).filter(s -> s != null).forEach(predictedSources::add);
        int predictedMatched = (int) predictedSources.stream()
                .filter(p -> goldSources.stream().anyMatch(g -> overlaps(g, p))).count();
        int goldMatched = (int) goldSources.stream()
                .filter(g -> predictedSources.stream().anyMatch(p -> overlaps(g, p))).count();
        return new Score(predictedSources.size(), predictedMatched, goldSources.size(), goldMatched);
    }

    private static Score contentScore(List<BratAttributions.Gold> gold, List<AttributedQuote> predicted) {
        List<List<Span>> contents = gold.stream().map(BratAttributions.Gold::content).filter(c -> !c.isEmpty())
                .distinct().toList();
        int predictedMatched = (int) predicted.stream()
                .filter(q -> contents.stream().anyMatch(c -> overlaps(c, q.quote().span()))).count();
        int goldMatched = (int) contents.stream()
                .filter(c -> predicted.stream().anyMatch(q -> overlaps(c, q.quote().span()))).count();
        return new Score(predicted.size(), predictedMatched, contents.size(), goldMatched);
    }

    private static BratAttributions.Gold bestMatch(Span span, List<BratAttributions.Gold> gold) {
        BratAttributions.Gold best = null;
        int bestOverlap = 0;
        for (BratAttributions.Gold g : gold) {
            int overlap = 0;
            for (Span c : g.content()) {
                overlap += Math.max(0, Math.min(c.end(), span.end()) - Math.max(c.start(), span.start()));
            }
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                best = g;
            }
        }
        return best;
    }

    private static boolean speakerMatches(String text, AttributedQuote q, BratAttributions.Gold gold) {
        if (gold.source().isEmpty()) {
            return false;
        }
        if (q.speakerSpan() != null && overlaps(gold.source(), q.speakerSpan())) {
            return true;
        }
        if (q.quote().speaker() == null) {
            return false;
        }
        Set<String> sourceWords = new LinkedHashSet<>();
        for (Span s : gold.source()) {
            sourceWords.addAll(words(text.substring(s.start(), Math.min(s.end(), text.length()))));
        }
        return words(q.quote().speaker()).stream().anyMatch(sourceWords::contains);
    }

    private static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}.]+")) {
            if (w.length() > 1 && !STOPWORDS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static boolean overlaps(List<Span> spans, Span span) {
        return spans.stream().anyMatch(s -> s.overlaps(span));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evaluation text " + file, e);
        }
    }
}
