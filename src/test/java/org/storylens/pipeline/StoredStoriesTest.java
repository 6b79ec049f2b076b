package org.storylens.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.EntityType;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.Span;
import org.storylens.analyse.Token;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.cluster.ClusterConfig;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.StoryAssignment;
import org.storylens.ingest.Limits;
import org.storylens.ingest.SourceFormat;
import org.storylens.store.SqliteArticleStore;
import org.storylens.store.StoredStory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stories kept in a real database, from analyses written the way the ingest tier keeps them (the words tagged by hand,
 * so that no CoreNLP model is loaded), with the real embedder.
 */
class StoredStoriesTest {

    private static final PipelineFactory FACTORY = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
    private static MiniLmEmbedder embedder;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadEmbedder() {
        embedder = new MiniLmEmbedder(1);
    }

    @AfterAll
    static void closeEmbedder() {
        embedder.close();
    }

    private static final String QUAKE = "An earthquake of magnitude six struck the island coast on Tuesday. "
            + "The earthquake collapsed houses in the villages and rescue teams searched the rubble for survivors.";
    private static final String FLOOD = "Floods forced thousands from their homes as the river burst its banks. "
            + "Soldiers filled sandbags while the reservoir level kept rising after days of rain.";

    private static Article article(String id, int day, String title, String text) {
        return new Article(id, title, "Outlet " + id, null,
                new PublicationDate(2025, 3, day, null, PublicationDate.Source.METADATA, "2025-03-" + day, false),
                "en", text, List.of(), List.of(), null, id + ".txt", SourceFormat.TEXT, "hash-" + id, List.of());
    }

    /** The analysis the ingest tier keeps, every word a noun of its own lemma, the island a place. */
    private static AnalysedArticle analysed(Article article) {
        String text = article.text();
        List<Sentence> sentences = new ArrayList<>();
        List<List<Token>> tokens = new ArrayList<>();
        int start = 0;
        for (String part : text.split("(?<=\\.) ")) {
            int from = text.indexOf(part, start);
            int index = sentences.size();
            sentences.add(new Sentence(index, new Span(from, from + part.length()), part));
            List<Token> words = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(part);
            while (m.find()) {
                String word = m.group().replaceAll("[.,]$", "");
                words.add(new Token(word, word.toLowerCase(), "NN", "O", null,
                        new Span(from + m.start(), from + m.start() + word.length()), index, words.size()));
            }
            tokens.add(words);
            start = from + part.length();
        }
        List<EntityMention> entities = text.contains("island")
                ? List.of(new EntityMention("Qeshm", EntityType.LOCATION, new Span(0, 0), 0)) : List.of();
        return new AnalysedArticle(article, sentences, entities, List.of(), List.of(), List.of(),
                new AnnotatedText(text, sentences, tokens, List.of()));
    }

    private static final List<Article> FIRST = List.of(
            article("q1", 11, "Earthquake collapses houses on island", QUAKE),
            article("f1", 11, "Floods force thousands from homes", FLOOD),
            article("q2", 12, "Island earthquake survivors pulled from rubble", QUAKE + " Aid arrived."),
            article("f2", 12, "River floods reach the capital", FLOOD + " The capital braced."));
    private static final Article NEXT = article("q3", 13, "Rescue teams search earthquake rubble on island",
            QUAKE + " Tents were put up.");

    private StoredStories stories(SqliteArticleStore store, List<String> warnings) {
        return new StoredStories(store, AnalysisTier.INGEST, FACTORY.clusterFeatures(),
                () -> FACTORY.storyClusterer(ClusterConfig.DEFAULT),
                snapshot -> FACTORY.storyClusterer(ClusterConfig.DEFAULT, snapshot), warnings::add);
    }

    /** Stores and analyses the articles, as the intake does, and assigns them. */
    private StoredStories.Outcome arrive(SqliteArticleStore store, StoredStories stories, List<Article> articles)
            throws Exception {
        store.addAll(articles);
        List<AnalysedArticle> analysed = articles.stream().map(StoredStoriesTest::analysed).toList();
        store.putAnalyses(AnalysisTier.INGEST, analysed);
        return stories.assign(stories.features(analysed, embedder), embedder);
    }

    private static byte[] state(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT snapshot FROM cluster_state WHERE id = 1")) {
            assertThat(r.next()).isTrue();
            return r.getBytes(1);
        }
    }

    private static void overwriteState(Path db, byte[] snapshot) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             PreparedStatement p = c.prepareStatement("UPDATE cluster_state SET snapshot = ? WHERE id = 1")) {
            p.setBytes(1, snapshot);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
    }

    /** The saved state as an older storylens left it: with one 60,000-character term among the real ones. */
    private static byte[] poisoned(byte[] state) throws Exception {
        String json;
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(state))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).contains("\"BODY\":{");
        json = json.replaceFirst("\"BODY\":\\{", "\"BODY\":{\"" + "w".repeat(60_000) + "\":1,");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void aSavedStateThatCannotBeReadIsRebuiltAndTheNextArticleIsPlacedAsTheIntactStateWouldPlaceIt()
            throws Exception {
        // the same stream into a database left intact: what the repaired one must do
        StoryAssignment intactNext;
        List<StoredStory> intactStories;
        try (SqliteArticleStore store = SqliteArticleStore.open(dir.resolve("intact.db"))) {
            StoredStories stories = stories(store, new ArrayList<>());
            arrive(store, stories, FIRST);
            intactNext = arrive(store, stories, List.of(NEXT)).assignments().get(0);
            intactStories = store.stories();
        }
        assertThat(intactStories).hasSize(2);
        assertThat(intactNext.opened()).as("the third earthquake report joins the earthquake story").isFalse();

        for (String damage : List.of("a 60,000-character term", "a truncated gzip")) {
            Path db = dir.resolve(damage.replaceAll("\\W", "") + ".db");
            List<StoredStory> before;
            try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
                arrive(store, stories(store, new ArrayList<>()), FIRST);
                before = store.stories();
            }
            byte[] saved = state(db);
            overwriteState(db, damage.startsWith("a 60") ? poisoned(saved) : Arrays.copyOf(saved, saved.length / 2));

            List<String> warnings = new CopyOnWriteArrayList<>();
            try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
                StoredStories.Outcome next = arrive(store, stories(store, warnings), List.of(NEXT));

                assertThat(warnings).as(damage).singleElement().asString().contains(db.toString())
                        .contains("rebuilt it from the stored assignments: 4 articles in 2 stories");
                assertThat(next.assignments()).as(damage).singleElement().satisfies(a -> {
                    assertThat(a.storyId()).isEqualTo(intactNext.storyId());
                    assertThat(a.opened()).isEqualTo(intactNext.opened());
                });
                // the stories were kept: the same ids, each with its articles, the next one added
                assertThat(store.stories()).as(damage).isEqualTo(intactStories);
                assertThat(before).extracting(StoredStory::id)
                        .containsExactlyInAnyOrderElementsOf(intactStories.stream().map(StoredStory::id).toList());
                assertThat(store.withoutStory()).isEmpty();
                ClusterSnapshot readable = store.clusterState().orElseThrow();
                assertThat(readable.articles()).isEqualTo(5);
            }
            List<String> after = new CopyOnWriteArrayList<>();
            try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
                // repaired for good: the next run reads it without a warning
                arrive(store, stories(store, after), List.of(article("f3", 13, "Floods recede from the capital",
                        FLOOD + " Water fell.")));
                assertThat(after).isEmpty();
            }
        }
    }

    @Test
    void anArticleWithOneWordOf60000CharactersPutsNoSuchTermInTheSavedState() throws Exception {
        String runOn = "x".repeat(60_000);
        Path db = dir.resolve("s.db");
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            StoredStories stories = stories(store, new ArrayList<>());
            StoredStories.Outcome hostile = arrive(store, stories, List.of(article("h1", 11, "Harbour " + runOn,
                    "Dockers " + runOn + " strike. The " + runOn + " port stood idle.")));
            assertThat(hostile.assigned()).isEqualTo(1);
        }
        String json;
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(state(db)))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).doesNotContain("x".repeat(Limits.MAX_STATE_TERM_CHARS + 1)).contains("dockers");
        // every name in the saved state is short
        com.fasterxml.jackson.databind.JsonNode node = new ObjectMapper().readTree(json);
        assertThat(longestName(node)).isLessThanOrEqualTo(Limits.MAX_STATE_TERM_CHARS + 2);

        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.clusterState()).isPresent();
            StoredStories.Outcome next = arrive(store, stories(store, new ArrayList<>()), FIRST);
            assertThat(next.assigned()).isEqualTo(4);
            assertThat(store.withoutStory()).isEmpty();
        }
    }

    private static int longestName(com.fasterxml.jackson.databind.JsonNode node) {
        int longest = 0;
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                longest = Math.max(longest, Math.max(field.getKey().length(), longestName(field.getValue())));
            }
        } else if (node.isArray()) {
            for (var element : node) {
                longest = Math.max(longest, longestName(element));
            }
        }
        return longest;
    }
}
