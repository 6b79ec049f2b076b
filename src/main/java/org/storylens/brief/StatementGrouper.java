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
                if (words(sentenceTokens) >= MIN_WORDS) {
                    statements.add(new Statement(statements.size(), a, order, s, sentenceTokens,
                            AnalysedArticle.vectorKey(s.text()), SupportCheck.contentWords(sentenceTokens)));
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
        return new StatementGroups(articles, statements, groups, similarities, centrality, vocabularies,
                StatementGroups.sourceKeys(articles, clustered));
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
