package org.storylens.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.Span;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.cluster.ArticleFeatures;
import org.storylens.cluster.CentroidStoryClusterer;
import org.storylens.cluster.ClusterConfig;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.MinHasher;
import org.storylens.cluster.StoryAssignment;
import org.storylens.cluster.TermField;
import org.storylens.ingest.SourceFormat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleStoreStoriesTest {

    private static final MinHasher MIN_HASHER = new MinHasher(64);
    private static final LocalDate DAY = LocalDate.of(2025, 3, 11);
    private static final String QUAKE = "earthquake magnitude struck island southern coast killed villagers rescue "
            + "teams collapsed houses geological survey aftershocks";
    private static final String FLOOD = "floods river burst banks thousands evacuated homes rain army sandbags dam "
            + "reservoir level";

    @TempDir
    Path dir;

    /** Hand-made features with every kind of value a snapshot holds: dates, enum-keyed maps, float and long arrays. */
    /** Invented cluster features: the topic (0-2) sets the embedding's direction; also used by ClusterStateCodecTest. */
    static ArticleFeatures features(String id, String outlet, LocalDate date, String title, String body,
                                            String entities, int topic) {
        Map<TermField, Map<String, Integer>> terms = new EnumMap<>(TermField.class);
        terms.put(TermField.TITLE, counts(title));
        terms.put(TermField.BODY, counts(body));
        terms.put(TermField.LEAD, counts(title + " " + body));
        terms.put(TermField.ENTITIES, counts(entities));
        terms.put(TermField.DATES, date == null ? Map.of() : Map.of(date.toString(), 1, date.getYear() + "", 1));
        return new ArticleFeatures(id, outlet, null, "en", date, terms, embedding(topic, id.hashCode()),
                MIN_HASHER.signature(title + " " + body));
    }

    /** A unit vector near the topic's direction, with noise that differs per article. */
    private static float[] embedding(int topic, int seed) {
        Random random = new Random(seed);
        float[] v = new float[16];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 3 == topic ? 1f : 0f) + (float) random.nextGaussian() * 0.1f;
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static Map<String, Integer> counts(String words) {
        Map<String, Integer> counts = new HashMap<>();
        for (String w : words.toLowerCase().split("\\W+")) {
            if (w.length() > 2) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static List<ArticleFeatures> stream() {
        return List.of(
                features("q1", "Reuters", DAY, "Quake hits southern island", QUAKE, "qeshm iran", 0),
                features("f1", "BBC", DAY, "Floods force thousands from homes", FLOOD, "danube serbia", 1),
                features("q2", "AP", DAY.plusDays(1), "Island quake kills ten", QUAKE + " dead toll",
                        "qeshm iran bandar abbas", 0),
                features("q3", "CNN", DAY.plusDays(1), "Aftershocks rattle island", QUAKE + " tents", "qeshm iran",
                        0),
                features("f2", "DW", DAY.plusDays(2), "River floods reach capital", FLOOD + " capital",
                        "danube belgrade serbia", 1),
                features("q4", "AFP", DAY.plusDays(2), "Quake survivors in tents", QUAKE + " survivors",
                        "qeshm iran", 0));
    }

    private static Article article(String id) {
        return new Article(id, "Title " + id, "Outlet " + id, null,
                new PublicationDate(2025, 3, 11, null, PublicationDate.Source.METADATA, "2025-03-11", false), "en",
                "Text of " + id + ".", List.of(), List.of(), null, id + ".txt", SourceFormat.TEXT, "hash-" + id,
                List.of());
    }

    private static AnalysedArticle analysed(Article article) {
        Sentence whole = new Sentence(0, new Span(0, article.text().length()), article.text());
        return new AnalysedArticle(article, List.of(whole), List.of(), List.of(), List.of(), List.of(),
                new AnnotatedText(article.text(), List.of(whole), List.of(List.of()), List.of()));
    }

    private static ArticleStore storeWith(Backend backend, String db, List<ArticleFeatures> stream)
            throws StoreException {
        ArticleStore store = backend.open(db);
        store.addAll(stream.stream().map(f -> article(f.id())).toList());
        return store;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSnapshotReadBackRestoresAClustererThatAssignsTheNextArticlesExactlyLikeTheOriginal(Backend backend) throws Exception {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer original = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        List<StoryAssignment> firstFour = stream.subList(0, 4).stream().map(original::assign).toList();
        String db = backend.newDatabase(dir, "s.db");
        try (ArticleStore store = storeWith(backend, db, stream)) {
            store.saveStories(original.snapshot(), firstFour);
        }
        ClusterSnapshot readBack;
        try (ArticleStore store = backend.open(db)) {
            readBack = store.clusterState().orElseThrow();
        }
        CentroidStoryClusterer restored = CentroidStoryClusterer.restore(ClusterConfig.DEFAULT, readBack);
        assertThat(restored.stories()).isEqualTo(original.stories());
        for (ArticleFeatures next : stream.subList(4, stream.size())) {
            // the score too: document frequencies, centroids and embedding sums came back bit for bit
            assertThat(restored.assign(next)).isEqualTo(original.assign(next));
        }
        assertThat(restored.stories()).isEqualTo(original.stories());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listsStoriesLargestFirstAndEachWithItsArticles(Backend backend) throws Exception {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        List<StoryAssignment> assignments = stream.stream().map(clusterer::assign).toList();
        try (ArticleStore store = storeWith(backend, backend.newDatabase(dir, "s.db"), stream)) {
            assertThat(store.stories()).isEmpty();
            assertThat(store.clusterState()).isEmpty();
            store.saveStories(clusterer.snapshot(), assignments);

            List<StoredStory> stories = store.stories();
            assertThat(stories).extracting(StoredStory::articles).containsExactly(4, 2);
            StoredStory quake = stories.get(0);
            assertThat(quake.title()).isEqualTo("Title q1");
            // q3 and q4 copy q1's wording, so their outlets are not independent sources
            assertThat(quake.independentSources()).isEqualTo(clusterer.stories().get(0).independentSources())
                    .isLessThan(4);
            assertThat(quake.firstPublished()).isEqualTo(DAY);
            assertThat(quake.lastPublished()).isEqualTo(DAY.plusDays(2));
            assertThat(store.story(quake.id()).orElseThrow().articles())
                    .extracting(a -> a.id()).containsExactly("q1", "q2", "q3", "q4");
            assertThat(store.story("s-none")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anArticleAlreadyInAStoryIsRefusedAndNothingOfTheCallIsKept(Backend backend) throws Exception {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        List<StoryAssignment> first = stream.subList(0, 2).stream().map(clusterer::assign).toList();
        String db = backend.newDatabase(dir, "s.db");
        try (ArticleStore store = storeWith(backend, db, stream)) {
            store.saveStories(clusterer.snapshot(), first);
            StoryAssignment third = clusterer.assign(stream.get(2));

            assertThatThrownBy(() -> store.saveStories(clusterer.snapshot(), List.of(third, first.get(0))))
                    .isInstanceOf(StoreException.class).hasMessageContaining(Stores.describe(db));

            assertThat(store.clusterState().orElseThrow().articles()).isEqualTo(2);
            assertThat(store.stories()).extracting(StoredStory::articles).containsExactly(1, 1);
            assertThat(store.analysedWithoutStory(AnalysisTier.INGEST)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theLatestAssignmentGrowsWhenAStoryOpensOrGrowsAndStaysWhenNothingIsKept(Backend backend) throws Exception {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        String db = backend.newDatabase(dir, "s.db");
        long quakeOpened;
        long afterRefusal;
        try (ArticleStore store = storeWith(backend, db, stream)) {
            assertThat(store.latestAssignment()).isZero();
            StoryAssignment q1 = clusterer.assign(stream.get(0));
            store.saveStories(clusterer.snapshot(), List.of(q1));
            quakeOpened = store.latestAssignment();
            assertThat(quakeOpened).isPositive();

            // a new story (the floods' f1) opens
            StoryAssignment flood = clusterer.assign(stream.get(1));
            store.saveStories(clusterer.snapshot(), List.of(flood));
            long floodOpened = store.latestAssignment();
            assertThat(floodOpened).isGreaterThan(quakeOpened);

            // the quake story grows by q2 and no story opens: the count of stories alone would not tell
            StoryAssignment q2 = clusterer.assign(stream.get(2));
            assertThat(q2.opened()).isFalse();
            store.saveStories(clusterer.snapshot(), List.of(q2));
            long quakeGrown = store.latestAssignment();
            assertThat(quakeGrown).isGreaterThan(floodOpened);
            assertThat(store.stories()).extracting(StoredStory::articles).containsExactly(2, 1);

            // a refused call keeps nothing, so the stories are as they were
            StoryAssignment q3 = clusterer.assign(stream.get(3));
            assertThatThrownBy(() -> store.saveStories(clusterer.snapshot(), List.of(q3, flood)))
                    .isInstanceOf(StoreException.class);
            afterRefusal = store.latestAssignment();
            assertThat(afterRefusal).isEqualTo(quakeGrown);
        }
        try (ArticleStore store = backend.open(db)) {
            assertThat(store.latestAssignment()).isEqualTo(afterRefusal);
        }
    }

    /** Puts bytes in place of the saved clusterer state, as a crash, a disk error or an older version could. */
    private static void overwriteState(Backend backend, String db, byte[] snapshot) throws Exception {
        try (java.sql.Connection c = backend.connect(db);
             java.sql.PreparedStatement p = c.prepareStatement("UPDATE cluster_state SET snapshot = ? WHERE id = 1")) {
            p.setBytes(1, snapshot);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
    }

    private static byte[] gzip(String text) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The state an older storylens saved after an article whose text was one 60,000-character word. */
    static byte[] poisonedState() throws Exception {
        return gzip("{\"articles\":1,\"clock\":\"2025-03-11\",\"documentFrequencies\":{\"BODY\":{\""
                + "w".repeat(60_000) + "\":1}},\"stories\":[],\"index\":{}}");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSavedStateThatCannotBeReadIsReportedNamingTheDatabaseAndNothingElseIsLost(Backend backend) throws Exception {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        List<StoryAssignment> assignments = stream.stream().map(clusterer::assign).toList();
        String db = backend.newDatabase(dir, "s.db");
        try (ArticleStore store = storeWith(backend, db, stream)) {
            store.saveStories(clusterer.snapshot(), assignments);
        }
        byte[] whole = readStateBytes(backend, db);
        for (byte[] broken : List.of(poisonedState(), java.util.Arrays.copyOf(whole, whole.length / 2),
                "not gzip at all".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            overwriteState(backend, db, broken);
            try (ArticleStore store = backend.open(db)) {
                assertThatThrownBy(store::clusterState).isInstanceOf(StoreException.class)
                        .hasMessageContaining(Stores.describe(db)).hasMessageContaining("saved state");
                List<ArticleStore.SavedState> seen = new java.util.ArrayList<>();
                store.updateStories(saved -> {
                    seen.add(saved);
                    return null;
                });
                assertThat(seen).singleElement().satisfies(saved -> {
                    assertThat(saved.snapshot()).isNull();
                    assertThat(saved.unreadable()).contains(Stores.describe(db));
                });
                // the stories, their articles and the articles themselves are all still there
                assertThat(store.stories()).extracting(StoredStory::articles).containsExactly(4, 2);
                assertThat(store.count()).isEqualTo(6);
                assertThat(store.withoutStory()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStateMissingWhileArticlesAreInStoriesIsReportedAsUnreadable(Backend backend) throws Exception {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        String db = backend.newDatabase(dir, "s.db");
        try (ArticleStore store = storeWith(backend, db, stream)) {
            List<ArticleStore.SavedState> seen = new java.util.ArrayList<>();
            store.updateStories(saved -> {
                seen.add(saved);
                return null;
            });
            // a new database: no state, and nothing missing
            assertThat(seen).singleElement().satisfies(saved -> {
                assertThat(saved.snapshot()).isNull();
                assertThat(saved.unreadable()).isNull();
            });
            StoryAssignment first = clusterer.assign(stream.get(0));
            store.saveStories(clusterer.snapshot(), List.of(first));
        }
        try (java.sql.Connection c = backend.connect(db); java.sql.Statement s = c.createStatement()) {
            s.execute("DELETE FROM cluster_state");
        }
        try (ArticleStore store = backend.open(db)) {
            List<ArticleStore.SavedState> seen = new java.util.ArrayList<>();
            store.updateStories(saved -> {
                seen.add(saved);
                return null;
            });
            assertThat(seen).singleElement().satisfies(saved -> assertThat(saved.unreadable())
                    .contains(Stores.describe(db)).contains("missing"));
        }
    }

    private static byte[] readStateBytes(Backend backend, String db) throws Exception {
        try (java.sql.Connection c = backend.connect(db);
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT snapshot FROM cluster_state WHERE id = 1")) {
            assertThat(r.next()).isTrue();
            return r.getBytes(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listsTheArticlesInStoriesInTheOrderTheyWereAssignedPageByPage(Backend backend) throws Exception {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        List<StoryAssignment> firstThree = stream.subList(0, 3).stream().map(clusterer::assign).toList();
        try (ArticleStore store = storeWith(backend, backend.newDatabase(dir, "s.db"), stream)) {
            store.saveStories(clusterer.snapshot(), firstThree);
            List<StoryAssignment> rest = stream.subList(3, 6).stream().map(clusterer::assign).toList();
            store.saveStories(clusterer.snapshot(), rest);

            List<ArticleStore.Assigned> all = new java.util.ArrayList<>(store.assigned(0, 4));
            all.addAll(store.assigned(4, 4));

            assertThat(all).extracting(a -> a.article().id()).containsExactly("q1", "f1", "q2", "q3", "f2", "q4");
            assertThat(all).extracting(ArticleStore.Assigned::storyId).containsExactlyElementsOf(
                    java.util.stream.Stream.concat(firstThree.stream(), rest.stream())
                            .map(StoryAssignment::storyId).toList());
            assertThat(store.assigned(6, 4)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void findsTheAnalysedArticlesThatNoStoryHoldsYet(Backend backend) throws Exception {
        List<ArticleFeatures> stream = stream();
        CentroidStoryClusterer clusterer = new CentroidStoryClusterer(ClusterConfig.DEFAULT);
        try (ArticleStore store = storeWith(backend, backend.newDatabase(dir, "s.db"), stream)) {
            store.putAnalyses(AnalysisTier.INGEST, List.of(analysed(article("q1")), analysed(article("f1")),
                    analysed(article("q2"))));
            store.putAnalyses(AnalysisTier.BRIEF, List.of(analysed(article("q3"))));
            StoryAssignment q1 = clusterer.assign(stream.get(0));
            store.saveStories(clusterer.snapshot(), List.of(q1));

            assertThat(store.analysedWithoutStory(AnalysisTier.INGEST)).extracting(Article::id)
                    .containsExactly("f1", "q2");
        }
    }
}
