package org.storylens.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Single-pass story clustering after Miranda et al. (EMNLP 2018): each arriving article is compared with the open
 * stories that share its rarest terms or entities (an inverted index with bounded posting lists), on TF-IDF cosines
 * of five sparse fields against the stories' centroids, the cosine of its embedding with the stories' mean
 * embedding, and its distance in days; it joins the best-scoring story when the weighted score reaches the
 * threshold, else opens a new one. Document frequencies grow with the stream. Within a story, copies are told by
 * MinHash agreement and translations by embedding similarity across languages. Not thread-safe.
 */
public final class CentroidStoryClusterer implements StoryClusterer {

    /** The number of similarity features, in the order of {@link ClusterConfig.ScoreWeights}. */
    static final int FEATURES = 13;
    private static final int TIME_PROXIMITY = 8;
    private static final int BOTH_DATED = 9;
    private static final int SWEEP_EVERY = 1024;

    private final ClusterConfig config;
    private final double[] weights;
    private final Map<TermField, HashMap<String, Integer>> frequencies = new EnumMap<>(TermField.class);
    private final CandidateIndex index;
    private final Map<String, OpenStory> open = new HashMap<>();
    private final Map<String, List<StoryArticle>> storyArticles = new LinkedHashMap<>();
    private final Map<String, String> storyOfArticle = new HashMap<>();
    private long articles;
    private LocalDate clock;

    public CentroidStoryClusterer(ClusterConfig config) {
        this.config = config;
        this.weights = config.weights().asArray();
        this.index = new CandidateIndex(config.postingLimit());
        for (TermField field : TermField.values()) {
            frequencies.put(field, new HashMap<>());
        }
    }

    /** A clusterer that continues from a snapshot as if it had never stopped. */
    public static CentroidStoryClusterer restore(ClusterConfig config, ClusterSnapshot snapshot) {
        CentroidStoryClusterer c = new CentroidStoryClusterer(config);
        c.articles = snapshot.articles();
        c.clock = snapshot.clock();
        snapshot.documentFrequencies().forEach((field, df) -> c.frequencies.get(field).putAll(df));
        for (ClusterSnapshot.StoryState state : snapshot.stories()) {
            Story story = state.story();
            c.storyArticles.put(story.id(), new ArrayList<>(story.articles()));
            story.articles().forEach(a -> c.storyOfArticle.put(a.id(), story.id()));
            if (state.open()) {
                OpenStory s = new OpenStory(story.id());
                state.centroid().forEach(s::setSums);
                s.embeddingSum = state.embeddingSum().clone();
                s.members.addAll(state.members());
                s.first = story.firstPublished();
                s.last = story.lastPublished();
                s.lastActivity = state.lastActivity();
                s.years.addAll(state.years());
                c.open.put(story.id(), s);
            }
        }
        c.index.restore(snapshot.index());
        return c;
    }

    @Override
    public StoryAssignment assign(ArticleFeatures article) {
        Prepared p = prepare(article);
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> c : p.candidates.entrySet()) {
            double score = score(c.getValue());
            if (score > bestScore && timeless(c.getValue()) >= config.threshold()
                    && wording(c.getValue()) >= config.minWording()) {
                best = c.getKey();
                bestScore = score;
            }
        }
        boolean opens = best == null || bestScore < config.threshold();
        return place(article, p, opens ? null : best, bestScore);
    }

    @Override
    public StoryAssignment replay(ArticleFeatures article, String storyId) {
        Prepared p = prepare(article);
        if (open.containsKey(storyId)) {
            return place(article, p, storyId, Double.NaN);
        }
        List<StoryArticle> members = storyArticles.get(storyId);
        if (members != null) {
            // closed by the time this replay reached the article: it is listed, its centroid is gone
            members.add(new StoryArticle(article.id(), article.outlet(), article.wire(), article.published(), null));
            storyOfArticle.put(article.id(), storyId);
            return new StoryAssignment(article.id(), storyId, false, Double.NaN, null);
        }
        placeAs(article, p, storyId);
        return new StoryAssignment(article.id(), storyId, true, Double.NaN, null);
    }

    /**
     * For fitting the weights: the features of the article against every candidate story, then the article is added
     * to the story named {@code storyId} (opened when new) whatever the scores say.
     */
    Map<String, double[]> placeForFitting(ArticleFeatures article, String storyId) {
        Prepared p = prepare(article);
        if (open.containsKey(storyId) && !p.candidates.containsKey(storyId)) {
            p.candidates.put(storyId, features(article, p.vectors, open.get(storyId)));
        }
        if (open.containsKey(storyId)) {
            place(article, p, storyId, 0);
        } else {
            placeAs(article, p, storyId);
        }
        return p.candidates;
    }

    /**
     * The score without the time features. Closeness in time may choose between stories and lift an article that
     * matches on content, but never carries one in alone: in a stream where every article is dated and recent, the
     * time features of two unrelated articles published the same day would otherwise reach the threshold by
     * themselves (the weights were fitted on ECB+, where most articles are undated).
     */
    double timeless(double[] f) {
        return score(f) - weights[TIME_PROXIMITY] * f[TIME_PROXIMITY] - weights[BOTH_DATED] * f[BOTH_DATED];
    }

    /**
     * The part of the score that comes from shared wording: headline, body and lead terms and the embedding. Names,
     * dates and figures alone do not make one event: a report on the same minister, city and week but another matter
     * shares them without sharing what is said.
     */
    double wording(double[] f) {
        return weights[0] * f[0] + weights[1] * f[1] + weights[4] * f[4] + weights[7] * f[7];
    }

    /** For explaining decisions: the features of the article against its candidates, leaving this state as it is. */
    Map<String, double[]> candidateFeatures(ArticleFeatures article) {
        return restore(config, snapshot()).prepare(article).candidates;
    }

    double score(double[] f) {
        double score = 0;
        for (int i = 0; i < FEATURES; i++) {
            score += weights[i] * f[i];
        }
        return score;
    }

    private record Prepared(Map<TermField, Map<String, Double>> vectors, Map<String, double[]> candidates) {
    }

    private Prepared prepare(ArticleFeatures article) {
        if (storyOfArticle.containsKey(article.id())) {
            throw new IllegalArgumentException("article " + article.id() + " is already in story "
                    + storyOfArticle.get(article.id()));
        }
        LocalDate date = article.published();
        if (date != null && (clock == null || date.isAfter(clock))) {
            clock = date;
        }
        articles++;
        if (articles % SWEEP_EVERY == 0) {
            open.values().removeIf(this::expired);
        }
        for (TermField field : TermField.values()) {
            HashMap<String, Integer> df = frequencies.get(field);
            article.terms(field).keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        Map<TermField, Map<String, Double>> vectors = weigh(article);
        Map<String, double[]> candidates = new LinkedHashMap<>();
        for (String id : index.candidates(indexKeys(vectors), this::isOpen, config.candidateLimit())) {
            OpenStory story = open.get(id);
            if (accepts(story, date)) {
                candidates.put(id, features(article, vectors, story));
            }
        }
        return new Prepared(vectors, candidates);
    }

    private boolean isOpen(String storyId) {
        OpenStory s = open.get(storyId);
        if (s == null) {
            return false;
        }
        if (expired(s)) {
            open.remove(storyId);
            return false;
        }
        return true;
    }

    private boolean expired(OpenStory s) {
        return s.lastActivity != null && clock != null
                && ChronoUnit.DAYS.between(s.lastActivity, clock) > config.windowDays();
    }

    /** A dated article never joins a story whose dates lie more than the window before or after it. */
    private boolean accepts(OpenStory s, LocalDate date) {
        if (date == null || s.first == null) {
            return true;
        }
        return ChronoUnit.DAYS.between(date, s.first) <= config.windowDays()
                && ChronoUnit.DAYS.between(s.last, date) <= config.windowDays();
    }

    double[] features(ArticleFeatures article, Map<TermField, Map<String, Double>> vectors, OpenStory story) {
        double[] f = new double[FEATURES];
        f[0] = story.cosine(TermField.TITLE, vectors.get(TermField.TITLE));
        f[1] = story.cosine(TermField.BODY, vectors.get(TermField.BODY));
        f[2] = story.cosine(TermField.ENTITIES, vectors.get(TermField.ENTITIES));
        f[3] = story.cosine(TermField.PEOPLE, vectors.get(TermField.PEOPLE));
        f[4] = story.cosine(TermField.LEAD, vectors.get(TermField.LEAD));
        f[5] = story.cosine(TermField.DATES, vectors.get(TermField.DATES));
        f[6] = story.cosine(TermField.FIGURES, vectors.get(TermField.FIGURES));
        f[7] = story.embeddingCosine(article.embeddingView());
        LocalDate date = article.published();
        if (date != null && story.first != null) {
            long apart = date.isBefore(story.first) ? ChronoUnit.DAYS.between(date, story.first)
                    : date.isAfter(story.last) ? ChronoUnit.DAYS.between(story.last, date) : 0;
            f[8] = Math.exp(-apart / config.timeScaleDays());
            f[9] = 1;
        }
        f[10] = yearsConflict(article, story) ? 1 : 0;
        f[11] = 1.0 / Math.max(1, storyArticles.get(story.id).size());
        f[12] = otherPerson(article, story);
        return f;
    }

    /** Whether the article's main person is missing from the story, and the story's from the article (0-2). */
    private static int otherPerson(ArticleFeatures article, OpenStory story) {
        Map<String, Integer> people = article.terms(TermField.PEOPLE);
        if (people.isEmpty() || story.topPerson == null) {
            return 0;
        }
        String main = null;
        int most = 1;
        for (Map.Entry<String, Integer> p : people.entrySet()) {
            if (p.getValue() > most || (p.getValue() == most && main != null && p.getKey().compareTo(main) < 0)) {
                main = p.getKey();
                most = p.getValue();
            }
        }
        if (main == null) {
            return 0;
        }
        int missing = story.sums.get(TermField.PEOPLE).containsKey(main) ? 0 : 1;
        return missing + (people.containsKey(story.topPerson) ? 0 : 1);
    }

    /** Both name years (in dates mentioned or published) and they share none. */
    private static boolean yearsConflict(ArticleFeatures article, OpenStory story) {
        Set<String> years = years(article);
        if (years.isEmpty() || story.years.isEmpty()) {
            return false;
        }
        for (String y : years) {
            if (story.years.contains(y)) {
                return false;
            }
        }
        return true;
    }

    static Set<String> years(ArticleFeatures article) {
        Set<String> years = new HashSet<>();
        article.terms(TermField.DATES).keySet().forEach(v -> {
            if (v.length() == 4) {
                years.add(v);
            }
        });
        if (article.published() != null) {
            years.add(Integer.toString(article.published().getYear()));
        }
        return years;
    }

    /** Sublinear TF times the stream's IDF, per field, as unit vectors; the body keeps only its strongest terms. */
    private Map<TermField, Map<String, Double>> weigh(ArticleFeatures article) {
        Map<TermField, Map<String, Double>> vectors = new EnumMap<>(TermField.class);
        for (TermField field : TermField.values()) {
            HashMap<String, Integer> df = frequencies.get(field);
            List<Map.Entry<String, Double>> weights = new ArrayList<>();
            for (Map.Entry<String, Integer> t : article.terms(field).entrySet()) {
                double idf = Math.log((articles + 1.0) / (df.getOrDefault(t.getKey(), 0) + 1.0)) + 1;
                weights.add(Map.entry(t.getKey(), (1 + Math.log(t.getValue())) * idf));
            }
            if (field == TermField.BODY && weights.size() > config.bodyTerms()) {
                weights.sort(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()));
                weights = weights.subList(0, config.bodyTerms());
            }
            double norm = Math.sqrt(weights.stream().mapToDouble(e -> e.getValue() * e.getValue()).sum());
            Map<String, Double> unit = new HashMap<>();
            for (Map.Entry<String, Double> e : weights) {
                unit.put(e.getKey(), e.getValue() / norm);
            }
            vectors.put(field, unit);
        }
        return vectors;
    }

    /** The keys an article is found by and filed under: its headline terms, entities and strongest body terms. */
    private Map<String, Double> indexKeys(Map<TermField, Map<String, Double>> vectors) {
        Map<String, Double> keys = new HashMap<>();
        vectors.get(TermField.TITLE).forEach((t, w) -> keys.merge("t:" + t, w, Double::sum));
        vectors.get(TermField.ENTITIES).forEach((t, w) -> keys.merge("e:" + t, w, Double::sum));
        vectors.get(TermField.BODY).entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(config.indexedBodyTerms())
                .forEach(e -> keys.merge("b:" + e.getKey(), e.getValue(), Double::sum));
        return keys;
    }

    private StoryAssignment place(ArticleFeatures article, Prepared p, String storyId, double score) {
        if (storyId == null) {
            String id = storyIdFor(article.id());
            placeAs(article, p, id);
            return new StoryAssignment(article.id(), id, true, score, null);
        }
        OpenStory story = open.get(storyId);
        List<StoryArticle> members = storyArticles.get(storyId);
        String copyOf = copyOf(article, story, members);
        String wire = article.wire();
        if (wire == null && copyOf != null) {
            StoryArticle original = members.stream().filter(m -> m.id().equals(copyOf)).findFirst().orElseThrow();
            wire = original.wire() != null ? original.wire() : original.outlet();
        }
        members.add(new StoryArticle(article.id(), article.outlet(), wire, article.published(), copyOf));
        storyOfArticle.put(article.id(), storyId);
        grow(story, article, p);
        return new StoryAssignment(article.id(), storyId, false, score, copyOf);
    }

    private void placeAs(ArticleFeatures article, Prepared p, String id) {
        OpenStory story = new OpenStory(id);
        open.put(id, story);
        List<StoryArticle> members = new ArrayList<>();
        members.add(new StoryArticle(article.id(), article.outlet(), article.wire(), article.published(), null));
        storyArticles.put(id, members);
        storyOfArticle.put(article.id(), id);
        grow(story, article, p);
    }

    private void grow(OpenStory story, ArticleFeatures article, Prepared p) {
        story.add(p.vectors, article.embeddingView());
        story.dated(article.published(), clock);
        story.years.addAll(years(article));
        if (story.members.size() < OpenStory.MAX_MEMBERS) {
            story.members.add(new ClusterSnapshot.Member(article.id(), article.language(), article.minHashView(),
                    article.embeddingView()));
        }
        index.add(story.id, indexKeys(p.vectors).keySet());
    }

    /** The earliest original of the story that this article copies (MinHash) or translates (embedding), or null. */
    private String copyOf(ArticleFeatures article, OpenStory story, List<StoryArticle> members) {
        String best = null;
        double bestSimilarity = 0;
        for (ClusterSnapshot.Member m : story.members) {
            double copy = MinHasher.similarity(article.minHashView(), m.minHash());
            double similarity = 0;
            if (copy >= config.copyJaccard()) {
                similarity = 1 + copy;
            } else if (article.language() != null && m.language() != null
                    && !article.language().equals(m.language()) && article.embeddingView().length > 0
                    && m.embedding().length == article.embeddingView().length) {
                double meaning = org.storylens.analyse.Embedder.similarity(article.embeddingView(), m.embedding());
                similarity = meaning >= config.translationSimilarity() ? meaning : 0;
            }
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = m.id();
            }
        }
        if (best == null) {
            return null;
        }
        // point at the original, not at another copy of it
        for (StoryArticle a : members) {
            if (a.id().equals(best)) {
                return a.copyOf() != null ? a.copyOf() : a.id();
            }
        }
        return best;
    }

    @Override
    public List<Story> stories() {
        List<Story> out = new ArrayList<>(storyArticles.size());
        storyArticles.forEach((id, members) -> out.add(story(id, members)));
        return out;
    }

    /** The story an article was assigned to, or null. */
    public String storyOf(String articleId) {
        return storyOfArticle.get(articleId);
    }

    private static Story story(String id, List<StoryArticle> members) {
        LocalDate first = members.stream().map(StoryArticle::published).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        LocalDate last = members.stream().map(StoryArticle::published).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new Story(id, members, Story.countIndependentSources(members), first, last);
    }

    @Override
    public ClusterSnapshot snapshot() {
        List<ClusterSnapshot.StoryState> states = new ArrayList<>();
        storyArticles.forEach((id, members) -> {
            OpenStory s = open.get(id);
            Story story = story(id, members);
            if (s == null) {
                states.add(new ClusterSnapshot.StoryState(story, false, null, Map.of(), new float[0], List.of(),
                        List.of()));
            } else {
                Map<TermField, Map<String, Double>> centroid = new EnumMap<>(TermField.class);
                s.sums.forEach((field, sum) -> centroid.put(field, Map.copyOf(sum)));
                states.add(new ClusterSnapshot.StoryState(story, true, s.lastActivity, centroid,
                        s.embeddingSum.clone(), s.members, List.copyOf(new java.util.TreeSet<>(s.years))));
            }
        });
        Map<TermField, Map<String, Integer>> df = new EnumMap<>(TermField.class);
        frequencies.forEach((field, counts) -> df.put(field, Map.copyOf(counts)));
        return new ClusterSnapshot(articles, clock, df, states, index.snapshot());
    }

    private static String storyIdFor(String firstArticle) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(firstArticle.getBytes(StandardCharsets.UTF_8));
            return "s-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
