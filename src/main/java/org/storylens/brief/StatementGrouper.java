package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Embedder;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.Token;
import org.storylens.cluster.StoryArticle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups the sentences of a story's articles by meaning, the step the summary and the claims share. All sentences are
 * embedded in one call; a sentence joins the group holding its most similar sentence when that similarity reaches
 * {@link #SAME_STATEMENT} and the group has no sentence of its article yet (so a group never chains through one
 * article's neighbouring sentences), else it opens a group. Articles are read oldest first, so a group's first member
 * is its first report. Thread-safe.
 */
public final class StatementGrouper {

    /**
     * Above this cosine similarity two sentences say the same thing: machine translations of one sentence score
     * 0.8-0.95; two different facts of one story rarely reach 0.75.
     */
    static final double SAME_STATEMENT = 0.75;

    /**
     * Two groups with a pair of sentences this similar may state one fact in other words; the same predicate and key
     * facts decide ({@link #mergeSameFacts}).
     */
    static final double SAME_FACT = 0.55;
    private static final Set<String> GENERAL_VERBS = Set.of("be", "have", "do", "say", "tell", "make", "take",
            "get", "go", "add", "report", "state", "will", "can");

    /** Sentences with fewer word tokens are headings or debris; they are not grouped. */
    private static final int MIN_WORDS = 4;

    private final Embedder embedder;

    public StatementGrouper(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * @param articles  the story's articles, oldest first
     * @param clustered the story's articles as the cluster stage listed them (copies, wires), by id
     */
    StatementGroups group(List<AnalysedArticle> articles, Map<String, StoryArticle> clustered) {
        List<Statement> statements = new ArrayList<>();
        List<Set<String>> vocabularies = new ArrayList<>();
        for (int order = 0; order < articles.size(); order++) {
            AnalysedArticle a = articles.get(order);
            vocabularies.add(SupportCheck.vocabulary(a));
            List<List<Token>> tokens = a.annotation().tokens();
            for (Sentence s : a.sentences()) {
                List<Token> sentenceTokens = s.index() < tokens.size() ? tokens.get(s.index()) : List.of();
                String text = s.text();
                int stamp = PageStamp.end(text);
                if (stamp > 0) {
                    // "PUBLISHED: ..., 2: 29 PM UPDATED: ... Protesters poured ...": the sentence without the page's stamp
                    int from = s.span().start() + stamp;
                    sentenceTokens = sentenceTokens.stream().filter(t -> t.span().start() >= from).toList();
                    text = text.substring(stamp);
                }
                if (words(sentenceTokens) >= MIN_WORDS) {
                    statements.add(new Statement(statements.size(), a, order, s, sentenceTokens,
                            AnalysedArticle.vectorKey(text), SupportCheck.contentWords(sentenceTokens)));
                }
            }
        }
        int n = statements.size();
        // sentences the analysis embedded are read; the rest are embedded in one call for the whole story, a
        // sentence repeated by copies of one text once
        Map<String, float[]> byText = new HashMap<>();
        for (Statement st : statements) {
            float[] kept = st.article().vectors().get(st.text());
            if (kept != null) {
                byText.putIfAbsent(st.text(), kept);
            }
        }
        List<String> distinct = statements.stream().map(Statement::text).distinct()
                .filter(t -> !byText.containsKey(t)).toList();
        if (!distinct.isEmpty()) {
            List<float[]> embedded = embedder.embed(distinct);
            for (int i = 0; i < distinct.size(); i++) {
                byText.put(distinct.get(i), embedded.get(i));
            }
        }
        List<float[]> vectors = statements.stream().map(st -> byText.get(st.text())).toList();
        float[] similarities = new float[n * n];
        for (int i = 0; i < n; i++) {
            float[] a = vectors.get(i);
            similarities[i * n + i] = 1f;
            for (int j = i + 1; j < n; j++) {
                float sim = dot(a, vectors.get(j));
                similarities[i * n + j] = sim;
                similarities[j * n + i] = sim;
            }
        }
        double[] centrality = centrality(vectors);
        List<StatementGroup> groups = new ArrayList<>();
        List<StatementGroup> groupOf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Statement s = statements.get(i);
            StatementGroup best = null;
            double bestSimilarity = SAME_STATEMENT;
            for (int j = 0; j < i; j++) {
                double sim = similarities[i * n + j];
                StatementGroup candidate = groupOf.get(j);
                if (sim >= bestSimilarity && statements.get(j).articleOrder() != s.articleOrder()
                        && !candidate.hasArticle(s.articleOrder())) {
                    bestSimilarity = sim;
                    best = candidate;
                }
            }
            if (best == null) {
                best = new StatementGroup(s);
                groups.add(best);
            } else {
                best.add(s);
            }
            groupOf.add(best);
        }
        mergeSameFacts(groups, similarities, n);
        return new StatementGroups(articles, statements, groups, similarities, centrality, vocabularies,
                StatementGroups.sourceKeys(articles, clustered));
    }

    /**
     * Joins two groups of different articles that state one fact in different words: a pair of their sentences at
     * least {@link #SAME_FACT} similar that share a predicate ({@link #samePredicate}), and every pair of their
     * sentences stating each other's key facts ({@link SupportCheck#statesKeyFacts}) with something to go on (two
     * shared participants, a figure or a day).
     */
    private static void mergeSameFacts(List<StatementGroup> groups, float[] similarities, int n) {
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                StatementGroup a = groups.get(i);
                StatementGroup b = groups.get(j);
                if (sameFact(a, b, similarities, n)) {
                    List<Statement> members = new ArrayList<>(a.members());
                    members.addAll(b.members());
                    members.sort(java.util.Comparator.comparingInt(Statement::articleOrder));
                    groups.set(i, new StatementGroup(members));
                    groups.remove(j);
                    j = i;
                }
            }
        }
    }

    private static boolean sameFact(StatementGroup a, StatementGroup b, float[] similarities, int n) {
        boolean close = false;
        for (Statement x : a.members()) {
            for (Statement y : b.members()) {
                if (b.hasArticle(x.articleOrder())) {
                    return false;
                }
                close |= similarities[x.index() * n + y.index()] >= SAME_FACT && samePredicate(x, y);
            }
        }
        if (!close) {
            return false;
        }
        for (Statement x : a.members()) {
            for (Statement y : b.members()) {
                if (!SupportCheck.statesKeyFacts(x, y) || !SupportCheck.statesKeyFacts(y, x) || !anchored(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A verb lemma in common that is not an auxiliary or a verb of saying. */
    static boolean samePredicate(Statement a, Statement b) {
        Set<String> verbs = new java.util.HashSet<>();
        for (Token t : a.tokens()) {
            if (t.pos().startsWith("VB") && !GENERAL_VERBS.contains(lemma(t))) {
                verbs.add(lemma(t));
            }
        }
        return b.tokens().stream().anyMatch(t -> t.pos().startsWith("VB") && verbs.contains(lemma(t)));
    }

    /** Something specific in common: a figure, a day, or two named participants. */
    private static boolean anchored(Statement a, Statement b) {
        if (!a.numbers().isEmpty() && !b.numbers().isEmpty()) {
            return true;
        }
        boolean day = a.times().stream().anyMatch(t -> t.value() != null && t.value().matches("\\d{4}-\\d{2}-\\d{2}"));
        if (day) {
            return true;
        }
        Set<String> names = new java.util.HashSet<>();
        a.entities().forEach(e -> names.add(e.text().toLowerCase(java.util.Locale.ROOT)));
        return b.entities().stream().map(e -> e.text().toLowerCase(java.util.Locale.ROOT)).filter(names::contains)
                .distinct().count() >= 2;
    }

    private static String lemma(Token t) {
        return (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(java.util.Locale.ROOT);
    }

    private static double[] centrality(List<float[]> vectors) {
        double[] centrality = new double[vectors.size()];
        if (vectors.isEmpty()) {
            return centrality;
        }
        float[] mean = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += v[k];
            }
        }
        double norm = Math.sqrt(dot(mean, mean));
        for (int i = 0; i < vectors.size(); i++) {
            centrality[i] = norm == 0 ? 0 : dot(vectors.get(i), mean) / norm;
        }
        return centrality;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private static int words(List<Token> tokens) {
        int words = 0;
        for (Token t : tokens) {
            if (!t.word().isEmpty() && Character.isLetterOrDigit(t.word().charAt(0))) {
                words++;
            }
        }
        return words;
    }
}
