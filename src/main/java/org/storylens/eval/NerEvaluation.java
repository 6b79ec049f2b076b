package org.storylens.eval;

import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.CoreNlpAnnotator;
import org.storylens.analyse.EntityFinder;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.Token;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a {@link CoreNlpAnnotator}'s named entities against a CoNLL-2003 file (token and IOB tag per line,
 * {@code -DOCSTART-} between documents) and times it. Each document's tokens are rejoined with spaces, its sentences
 * with blank lines, and annotated as one text; CoreNLP's PERSON, ORGANIZATION, LOCATION and MISC become PER, ORG,
 * LOC and MISC, every other tag (numbers, dates) O. Entities are scored the conlleval way: exact span and type,
 * micro-averaged, and per type. Given an {@link EntityFinder}, its mended mentions are scored instead of CoreNLP's
 * token tags. Thread-safe.
 */
public final class NerEvaluation {

    /**
     * What one evaluation found.
     *
     * @param overall    micro-averaged counts over all types
     * @param byType     counts per CoNLL type (LOC, MISC, ORG, PER)
     * @param documents  documents annotated
     * @param tokens     gold tokens
     * @param words      gold tokens that hold a letter or digit (what a word count of an article counts)
     * @param annotating wall-clock time spent inside the annotator
     * @param cpu        CPU time the annotating thread used: the pace one free core would give, less disturbed by
     *                   other work on a shared machine
     */
    public record Report(NerScore overall, Map<String, NerScore> byType, int documents, int tokens, int words,
                         Duration annotating, Duration cpu) {

        public Report {
            byType = Map.copyOf(byType);
        }

        public double documentsPerSecond() {
            return documents / seconds();
        }

        /** How many articles of {@code wordsPerArticle} words the annotator gets through per second at this pace. */
        public double articlesPerSecond(int wordsPerArticle) {
            return words / seconds() / wordsPerArticle;
        }

        /** Articles of {@code wordsPerArticle} words per second of one core's CPU time. */
        public double articlesPerCpuSecond(int wordsPerArticle) {
            return words / (Math.max(cpu.toNanos(), 1) / 1e9) / wordsPerArticle;
        }

        private double seconds() {
            return Math.max(annotating.toNanos(), 1) / 1e9;
        }

        public String describe() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "F1 %.2f (P %.2f, R %.2f) on %d documents, %d tokens; %.1f docs/s, 600-word articles: %.2f/s wall, "
                    + "%.2f per CPU-second", 100 * overall.f1(), 100 * overall.precision(), 100 * overall.recall(),
                    documents, tokens, documentsPerSecond(), articlesPerSecond(600), articlesPerCpuSecond(600)));
            new TreeMap<>(byType).forEach((type, s) -> sb.append(String.format(Locale.ROOT, "; %s %.2f", type,
                    100 * s.f1())));
            return sb.toString();
        }
    }

    private static final Map<String, String> CONLL_TYPES = Map.of("PERSON", "PER", "ORGANIZATION", "ORG",
            "LOCATION", "LOC", "MISC", "MISC");

    private final CoreNlpAnnotator annotator;
    private final EntityFinder finder;

    /** Scores CoreNLP's own token tags. */
    public NerEvaluation(CoreNlpAnnotator annotator) {
        this(annotator, null);
    }

    /** Scores the mentions {@code finder} makes of CoreNLP's, or CoreNLP's own token tags when it is null. */
    public NerEvaluation(CoreNlpAnnotator annotator, EntityFinder finder) {
        this.annotator = annotator;
        this.finder = finder;
    }

    public Report evaluate(Path conllFile) throws IOException {
        return evaluate(ConllReader.read(conllFile));
    }

    Report evaluate(List<ConllDocument> documents) {
        Map<String, NerScore> byType = new TreeMap<>();
        int tokens = 0;
        int words = 0;
        long nanos = 0;
        long cpuNanos = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ConllDocument document : documents) {
            List<ConllDocument.Tagged> gold = document.tokens();
            StringBuilder text = new StringBuilder();
            List<int[]> spans = new ArrayList<>();
            for (List<ConllDocument.Tagged> sentence : document.sentences()) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                for (int i = 0; i < sentence.size(); i++) {
                    if (i > 0) {
                        text.append(' ');
                    }
                    spans.add(new int[] {text.length(), text.length() + sentence.get(i).token().length()});
                    text.append(sentence.get(i).token());
                    words += sentence.get(i).token().matches(".*[\\p{L}\\p{N}].*") ? 1 : 0;
                }
            }
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            AnnotatedText annotated = annotator.annotate(text.toString(), null);
            cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
            nanos += System.nanoTime() - start;
            List<Chunks.Chunk> predicted = finder == null ? Chunks.of(predictedTags(annotated, spans))
                    : chunksOf(finder.find(annotated), spans);
            score(Chunks.of(gold.stream().map(ConllDocument.Tagged::tag).toList()), predicted, byType);
            tokens += gold.size();
        }
        NerScore overall = byType.values().stream().reduce(NerScore.ZERO, NerScore::plus);
        return new Report(overall, byType, documents.size(), tokens, words, Duration.ofNanos(nanos),
                Duration.ofNanos(cpuNanos));
    }

    /** The CoNLL type of the first CoreNLP token that starts inside each gold token (or covers its start). */
    static List<String> predictedTags(AnnotatedText annotated, List<int[]> goldSpans) {
        List<Token> tokens = annotated.tokens().stream().flatMap(List::stream).toList();
        List<String> tags = new ArrayList<>(goldSpans.size());
        int t = 0;
        for (int[] span : goldSpans) {
            while (t < tokens.size() && tokens.get(t).span().end() <= span[0]) {
                t++;
            }
            String ner = t < tokens.size() && tokens.get(t).span().start() < span[1] ? tokens.get(t).ner() : "O";
            tags.add(CONLL_TYPES.getOrDefault(ner, "O"));
        }
        return tags;
    }

    /** The gold tokens each mention covers, by character offsets. */
    static List<Chunks.Chunk> chunksOf(List<EntityMention> mentions, List<int[]> goldSpans) {
        List<Chunks.Chunk> chunks = new ArrayList<>();
        for (EntityMention m : mentions) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < goldSpans.size(); i++) {
                if (goldSpans.get(i)[0] < m.span().end() && m.span().start() < goldSpans.get(i)[1]) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first >= 0) {
                chunks.add(new Chunks.Chunk(first, last + 1, CONLL_TYPES.get(m.type().name())));
            }
        }
        return chunks;
    }

    static void score(List<Chunks.Chunk> gold, List<Chunks.Chunk> predicted, Map<String, NerScore> byType) {
        Set<Chunks.Chunk> goldSet = new HashSet<>(gold);
        for (Chunks.Chunk g : gold) {
            byType.merge(g.type(), new NerScore(1, 0, 0), NerScore::plus);
        }
        for (Chunks.Chunk p : predicted) {
            byType.merge(p.type(), new NerScore(0, 1, goldSet.contains(p) ? 1 : 0), NerScore::plus);
        }
    }
}
