package org.storylens.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.eval.ClusteringScore;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.PipelineFactory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the score weights of {@link ClusterConfig} on the ECB+ development topics and prints BCubed for a range of
 * thresholds, with the naive TF-IDF baseline beside them. Slow (CoreNLP over 772 articles), so it runs only when
 * asked: {@code mvn -q -B -o test -Dtest=ClusterWeightFitting -Dstorylens.cluster.fit=true}
 * ({@code -Dstorylens.cluster.analysed=FILE} keeps the analysed articles as JSON Lines between runs).
 */
@EnabledIfSystemProperty(named = "storylens.cluster.fit", matches = "true")
class ClusterWeightFitting {

    static final Path DEV = Path.of(System.getProperty("storylens.shared", "../shared"), "eval", "clustering",
            "ecbplus-dev.jsonl");

    /** The analysis tier the features come from: ingest (what {@code ingest} clusters with) unless told. */
    static final AnalysisTier TIER = AnalysisTier.valueOf(
            System.getProperty("storylens.cluster.tier", "ingest").toUpperCase(Locale.ROOT));

    record Labelled(ArticleFeatures features, String story) {
    }

    @Test
    void fitsWeightsAndPrintsScores() throws IOException {
        List<Labelled> data = load();
        System.out.println(data.size() + " articles");
        // 1. replay the gold stories in time order, collecting article-to-open-story feature rows
        CentroidStoryClusterer replay = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> rowInfo = new ArrayList<>();
        for (Labelled l : data) {
            Map<String, double[]> candidates = replay.placeForFitting(l.features(), l.story());
            candidates.forEach((story, f) -> {
                rows.add(f);
                rowInfo.add(l.features().id() + "," + l.story() + "," + story);
                labels.add(story.equals(l.story()) ? 1 : 0);
            });
        }
        if (System.getProperty("storylens.cluster.rows") != null) {
            try (BufferedWriter out = Files.newBufferedWriter(Path.of(System.getProperty("storylens.cluster.rows")))) {
                for (int i = 0; i < rows.size(); i++) {
                    out.write(labels.get(i) + "," + rowInfo.get(i) + "," + java.util.Arrays.toString(rows.get(i)).replaceAll("[\\[\\] ]", ""));
                    out.newLine();
                }
            }
        }
        System.out.println(rows.size() + " candidate rows, " + labels.stream().mapToInt(i -> i).sum() + " positive");
        double[] w = logistic(rows, labels, 1e-3, 4000);
        System.out.println("fitted weights " + java.util.Arrays.toString(w));
        ClusterConfig.ScoreWeights weights = ClusterConfig.ScoreWeights.of(java.util.Arrays.copyOf(w, w.length - 1));
        double bias = w[w.length - 1];
        double best = 0;
        double bestThreshold = 0;
        for (double t = -bias - 2; t <= -bias + 2; t += 0.25) {
            ClusteringScore[] s = run(data, ClusterConfig.DEFAULT.withWeights(weights, t));
            System.out.printf(Locale.ROOT, "threshold %.2f: %s%n", t, describe(s));
            if (s[0].bcubed().f1() > best) {
                best = s[0].bcubed().f1();
                bestThreshold = t;
            }
        }
        System.out.printf(Locale.ROOT, "best threshold %.2f: BCubed F1 %.4f%n", bestThreshold, best);
        if (Boolean.getBoolean("storylens.cluster.errors")) {
            CentroidStoryClusterer c = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
            Map<String, String> gold = new HashMap<>();
            Map<String, String> storyGold = new HashMap<>();
            Map<String, Integer> sizes = new HashMap<>();
            for (Labelled l : data) {
                StoryAssignment a = c.assign(l.features());
                gold.put(l.features().id(), l.story());
                if (a.opened()) {
                    storyGold.put(a.storyId(), l.story());
                } else if (!storyGold.get(a.storyId()).equals(l.story())) {
                    System.out.printf(Locale.ROOT, "  wrong join %s (%s) -> story of %s size %d score %.2f%n",
                            l.features().id(), l.story(), storyGold.get(a.storyId()), sizes.get(a.storyId()), a.score());
                }
                sizes.merge(a.storyId(), 1, Integer::sum);
                if (a.opened() && sizes.values().size() > 0 && a.score() > 0) {
                    System.out.printf(Locale.ROOT, "  opened %s (%s) best score %.2f%n", l.features().id(), l.story(), a.score());
                }
            }
            for (Story s : c.stories()) {
                Map<String, Long> mix = new java.util.TreeMap<>();
                s.articles().forEach(a -> mix.merge(gold.get(a.id()), 1L, Long::sum));
                if (mix.size() > 1 || s.size() < 3) {
                    System.out.println("  " + s.id() + " " + mix);
                }
            }
        }
        System.out.println("default config: " + describe(run(data, ClusterConfig.DEFAULT)));
        if (Boolean.getBoolean("storylens.cluster.ascent")) {
            // coordinate ascent on story-level BCubed F1 from the fitted weights
            double[] cur = java.util.Arrays.copyOf(w, w.length - 1);
            double curT = bestThreshold;
            double curF = best;
            if (System.getProperty("storylens.cluster.ascentFrom") != null) {
                String[] start = System.getProperty("storylens.cluster.ascentFrom").split(",");
                for (int j = 0; j < cur.length; j++) {
                    cur[j] = Double.parseDouble(start[j]);
                }
                curT = Double.parseDouble(start[cur.length]);
                curF = run(data, ClusterConfig.DEFAULT.withWeights(weightsOf(cur), curT))[0].bcubed().f1();
                System.out.printf(Locale.ROOT, "ascent start %.4f%n", curF);
            }
            for (int round = 0; round < Integer.getInteger("storylens.cluster.rounds", 3); round++) {
                for (int j = 0; j < cur.length; j++) {
                    for (double m : new double[]{0, 0.5, 0.75, 1.25, 1.5, 2}) {
                        double[] trial = cur.clone();
                        trial[j] = cur[j] == 0 ? (m - 1) : cur[j] * m;
                        for (double dt : new double[]{-0.5, -0.25, 0, 0.25, 0.5}) {
                            double t = curT + dt;
                            ClusteringScore[] sc = run(data, ClusterConfig.DEFAULT.withWeights(weightsOf(trial), t));
                            if (sc[0].bcubed().f1() > curF + 1e-4) {
                                curF = sc[0].bcubed().f1();
                                cur = trial;
                                curT = t;
                                System.out.printf(Locale.ROOT, "  ascent %.4f t %.2f %s%n", curF, curT,
                                        java.util.Arrays.toString(cur));
                            }
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "ascent result t %.2f %s: %s%n", curT, java.util.Arrays.toString(cur),
                    describe(run(data, ClusterConfig.DEFAULT.withWeights(weightsOf(cur), curT))));
        }
        // 2. the naive baseline: body TF-IDF cosine alone, all terms, threshold tuned
        ClusterConfig naive = new ClusterConfig(ClusterConfig.ScoreWeights.of(0, 1), 0.3, 14, 3,
                100_000, 15, 200, 40, 0.6, 0.9, 0.0);
        for (double t = 0.1; t <= 0.5; t += 0.025) {
            System.out.printf(Locale.ROOT, "naive body TF-IDF, threshold %.3f: %s%n", t,
                    describe(run(data, naive.withWeights(naive.weights(), t))));
        }
    }

    /**
     * Stability check: fits (logistic regression, threshold sweep, one round of coordinate ascent) on the odd topics
     * and scores on the even ones, and the other way round. {@code -Dstorylens.cluster.cv=true}
     */
    @Test
    @EnabledIfSystemProperty(named = "storylens.cluster.cv", matches = "true")
    void crossValidatesOnHalvesOfTheTopics() throws IOException {
        List<Labelled> data = load();
        List<Labelled> odd = data.stream().filter(l -> topic(l) % 2 == 1).toList();
        List<Labelled> even = data.stream().filter(l -> topic(l) % 2 == 0).toList();
        System.out.println("default config on odd: " + describe(run(odd, ClusterConfig.DEFAULT)));
        System.out.println("default config on even: " + describe(run(even, ClusterConfig.DEFAULT)));
        System.out.println("default config on all: " + describe(run(data, ClusterConfig.DEFAULT)));
        for (int half = 0; half < 2; half++) {
            List<Labelled> train = half == 0 ? odd : even;
            List<Labelled> test = half == 0 ? even : odd;
            ClusterConfig fitted = fit(train, Integer.getInteger("storylens.cluster.rounds", 1));
            System.out.printf(Locale.ROOT, "fit on %s t %.2f %s%n  train: %s%n  test:  %s%n  all:   %s%n",
                    half == 0 ? "odd" : "even", fitted.threshold(),
                    java.util.Arrays.toString(fitted.weights().asArray()), describe(run(train, fitted)),
                    describe(run(test, fitted)), describe(run(data, fitted)));
        }
        if (Boolean.getBoolean("storylens.cluster.cvOnly")) {
            return;
        }
        ClusterConfig all = fit(data, Integer.getInteger("storylens.cluster.rounds", 1));
        System.out.printf(Locale.ROOT, "fit on all t %.2f %s%n  all: %s%n", all.threshold(),
                java.util.Arrays.toString(all.weights().asArray()), describe(run(data, all)));
    }

    /** Story-level scores of the default weights with the wording gate at each value: {@code -Dstorylens.cluster.wordingSweep=0,1,1.5}. */
    @Test
    @EnabledIfSystemProperty(named = "storylens.cluster.wordingSweep", matches = ".+")
    void sweepsTheWordingGate() throws IOException {
        List<Labelled> data = load();
        for (String v : System.getProperty("storylens.cluster.wordingSweep").split(",")) {
            System.out.printf(Locale.ROOT, "wording gate %s: %s%n", v,
                    describe(run(data, ClusterConfig.DEFAULT.withMinWording(Double.parseDouble(v)))));
        }
    }

    /** Prints the wrong joins and mixed stories of a configuration: {@code -Dstorylens.cluster.explain=w0,...,t}. */
    @Test
    @EnabledIfSystemProperty(named = "storylens.cluster.explain", matches = ".+")
    void explainsErrors() throws IOException {
        List<Labelled> data = load();
        String[] parts = System.getProperty("storylens.cluster.explain").split(",");
        ClusterConfig config = ClusterConfig.DEFAULT.withMinWording(
                Double.parseDouble(System.getProperty("storylens.cluster.minWording", "" + ClusterConfig.DEFAULT.minWording())));
        if (parts.length > 1) {
            double[] w = new double[parts.length - 1];
            for (int j = 0; j < w.length; j++) {
                w[j] = Double.parseDouble(parts[j]);
            }
            config = config.withWeights(weightsOf(w), Double.parseDouble(parts[parts.length - 1]));
        }
        System.out.println(describe(run(data, config)));
        CentroidStoryClusterer c = new CentroidStoryClusterer(config);
        Map<String, String> storyGold = new HashMap<>();
        Map<String, String> gold = new HashMap<>();
        for (Labelled l : data) {
            gold.put(l.features().id(), l.story());
            ClusterConfig cfg = config;
            Map<String, double[]> feats = c.candidateFeatures(l.features());
            StoryAssignment a = c.assign(l.features());
            if (a.opened()) {
                storyGold.put(a.storyId(), l.story());
                String right = feats.keySet().stream().filter(k -> l.story().equals(storyGold.get(k))).findFirst()
                        .orElse(null);
                if (right != null) {
                    System.out.printf(Locale.ROOT, "  missed %s (%s) score %.2f %s%n", l.features().id(), l.story(),
                            c.score(feats.get(right)), fmt(feats.get(right)));
                }
            } else if (!storyGold.get(a.storyId()).equals(l.story())) {
                System.out.printf(Locale.ROOT, "  WRONG %s (%s) -> %s score %.2f %s%n", l.features().id(), l.story(),
                        storyGold.get(a.storyId()), a.score(), fmt(feats.get(a.storyId())));
                String right = feats.keySet().stream().filter(k -> l.story().equals(storyGold.get(k))).findFirst()
                        .orElse(null);
                if (right != null) {
                    System.out.printf(Locale.ROOT, "     right story score %.2f %s%n", c.score(feats.get(right)),
                            fmt(feats.get(right)));
                }
            }
        }
        for (Story s : c.stories()) {
            Map<String, Long> mix = new java.util.TreeMap<>();
            s.articles().forEach(a -> mix.merge(gold.get(a.id()), 1L, Long::sum));
            if (mix.size() > 1) {
                System.out.println("  mixed " + s.id() + " " + mix);
            }
        }
    }

    private static String fmt(double[] f) {
        StringBuilder b = new StringBuilder("[");
        for (double v : f) {
            b.append(String.format(Locale.ROOT, "%.2f ", v));
        }
        return b.append(']').toString();
    }

    private static int topic(Labelled l) {
        return Integer.parseInt(l.story().split("-")[0]);
    }

    /** Logistic regression on a replay of the true stories, threshold sweep, then coordinate ascent on BCubed F1. */
    static ClusterConfig fit(List<Labelled> data, int rounds) {
        CentroidStoryClusterer replay = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Labelled l : data) {
            replay.placeForFitting(l.features(), l.story()).forEach((story, f) -> {
                rows.add(f);
                labels.add(story.equals(l.story()) ? 1 : 0);
            });
        }
        java.util.Set<Integer> dropped = new java.util.HashSet<>();
        for (String d : System.getProperty("storylens.cluster.drop", "").split(",")) {
            if (!d.isBlank()) {
                dropped.add(Integer.parseInt(d.strip()));
            }
        }
        for (double[] row : rows) {
            dropped.forEach(j -> row[j] = 0);
        }
        double[] w = logistic(rows, labels, 1e-3, 4000);
        double[] cur = java.util.Arrays.copyOf(w, w.length - 1);
        double bias = w[w.length - 1];
        double curF = -1;
        double curT = 0;
        for (double t = -bias - 2; t <= -bias + 2; t += 0.25) {
            double f = run(data, ClusterConfig.DEFAULT.withWeights(weightsOf(cur), t))[0].bcubed().f1();
            if (f > curF) {
                curF = f;
                curT = t;
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (int j = 0; j < cur.length; j++) {
                if (dropped.contains(j)) {
                    continue;
                }
                for (double m : new double[]{0, 0.5, 0.75, 1.25, 1.5, 2}) {
                    double[] trial = cur.clone();
                    trial[j] = cur[j] == 0 ? (m - 1) : cur[j] * m;
                    for (double dt : new double[]{-0.5, -0.25, 0, 0.25, 0.5}) {
                        double f = run(data, ClusterConfig.DEFAULT.withWeights(weightsOf(trial), curT + dt))[0]
                                .bcubed().f1();
                        if (f > curF + 1e-4) {
                            curF = f;
                            cur = trial;
                            curT += dt;
                        }
                    }
                }
            }
        }
        return ClusterConfig.DEFAULT.withWeights(weightsOf(cur), curT);
    }

    static ClusterConfig.ScoreWeights weightsOf(double[] w) {
        return ClusterConfig.ScoreWeights.of(w);
    }

    static String describe(ClusteringScore[] s) {
        return String.format(Locale.ROOT, "story B3 P %.3f R %.3f F1 %.4f | pair F1 %.3f | %d/%d stories"
                        + " || topic B3 F1 %.4f pair F1 %.3f",
                s[0].bcubed().precision(), s[0].bcubed().recall(), s[0].bcubed().f1(), s[0].pairwise().f1(),
                s[0].stories(), s[0].trueStories(), s[1].bcubed().f1(), s[1].pairwise().f1());
    }

    static ClusteringScore[] run(List<Labelled> data, ClusterConfig config) {
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(config);
        List<String> predicted = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (Labelled l : data) {
            predicted.add(clusterer.assign(l.features()).storyId());
            gold.add(l.story());
            topics.add(l.story().split("-")[0]);
        }
        return new ClusteringScore[]{ClusteringScore.of(predicted, gold), ClusteringScore.of(predicted, topics)};
    }

    /** Logistic regression by gradient descent with a small L2 penalty; the last weight is the bias. */
    static double[] logistic(List<double[]> rows, List<Integer> labels, double l2, int steps) {
        int d = rows.get(0).length;
        double[] w = new double[d + 1];
        double rate = 0.5;
        for (int step = 0; step < steps; step++) {
            double[] grad = new double[d + 1];
            for (int i = 0; i < rows.size(); i++) {
                double[] x = rows.get(i);
                double z = w[d];
                for (int j = 0; j < d; j++) {
                    z += w[j] * x[j];
                }
                double err = 1 / (1 + Math.exp(-z)) - labels.get(i);
                for (int j = 0; j < d; j++) {
                    grad[j] += err * x[j];
                }
                grad[d] += err;
            }
            for (int j = 0; j <= d; j++) {
                w[j] -= rate * (grad[j] / rows.size() + (j < d ? l2 * w[j] : 0));
            }
        }
        return w;
    }

    static List<Labelled> load() throws IOException {
        Map<String, String> stories = new HashMap<>();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (BufferedReader r = Files.newBufferedReader(DEV)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode node = json.readTree(line);
                stories.put(node.get("id").asText(), node.get("story").asText());
            }
        }
        List<AnalysedArticle> analysed = new ArrayList<>();
        String cache = System.getProperty("storylens.cluster.analysed");
        if (cache != null && Files.isRegularFile(Path.of(cache))) {
            try (BufferedReader r = Files.newBufferedReader(Path.of(cache))) {
                for (String line; (line = r.readLine()) != null; ) {
                    analysed.add(json.readValue(line, AnalysedArticle.class));
                }
            }
        } else {
            PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
            analysed = factory.analysis(TIER, 2).analyse(factory.readAndClean(List.of(DEV.toString()), 2,
                    ArticlePipeline.Progress.NONE).articles());
            if (cache != null) {
                try (BufferedWriter w = Files.newBufferedWriter(Path.of(cache))) {
                    for (AnalysedArticle a : analysed) {
                        w.write(json.writeValueAsString(a));
                        w.newLine();
                    }
                }
            }
        }
        List<float[]> embeddings = embeddings(analysed, cache == null ? null : Path.of(cache + ".embeddings"), json);
        FeatureExtractor extractor = new FeatureExtractor(new MinHasher(64));
        List<Labelled> data = new ArrayList<>();
        for (int i = 0; i < analysed.size(); i++) {
            data.add(new Labelled(extractor.features(analysed.get(i), embeddings.get(i)),
                    stories.get(analysed.get(i).article().id())));
        }
        return TimeOrder.sort(data, l -> l.features().published());
    }

    private static List<float[]> embeddings(List<AnalysedArticle> analysed, Path cache, ObjectMapper json)
            throws IOException {
        if (cache != null && Files.isRegularFile(cache)) {
            return List.of(json.readValue(cache.toFile(), float[][].class));
        }
        List<float[]> vectors;
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(2)) {
            vectors = embedder.embed(analysed.stream().map(FeatureExtractor::embeddedText).toList());
        }
        if (cache != null) {
            json.writeValue(cache.toFile(), vectors.toArray(new float[0][]));
        }
        return vectors;
    }
}
