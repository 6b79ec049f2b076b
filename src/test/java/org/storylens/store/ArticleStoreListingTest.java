package org.storylens.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.EntityType;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.Span;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.cluster.StoryAssignment;
import org.storylens.ingest.SourceFormat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleStoreListingTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 11);

    @TempDir
    Path dir;

    private static Article article(String id, String outlet, LocalDate day, String title, String text) {
        return new Article(id, title, outlet, null,
                new PublicationDate(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), null,
                        PublicationDate.Source.METADATA, day.toString(), false), "en",
                text, List.of(), List.of(), "https://example.org/" + id, id + ".txt", SourceFormat.TEXT,
                "hash-" + id, List.of());
    }

    /** An analysis that found the given names (each once, as a person) in the article's first words. */
    private static AnalysedArticle analysed(Article article, String... names) {
        Sentence whole = new Sentence(0, new Span(0, article.text().length()), article.text());
        List<EntityMention> mentions = new ArrayList<>();
        for (String name : names) {
            int at = Math.max(0, article.text().indexOf(name));
            mentions.add(new EntityMention(name, EntityType.PERSON, new Span(at, at + name.length()), 0));
        }
        return new AnalysedArticle(article, List.of(whole), mentions, List.of(), List.of(), List.of(),
                new AnnotatedText(article.text(), List.of(whole), List.of(List.of()), List.of()));
    }

    private final Article quake1 = article("q1", "Reuters", DAY, "Quake hits southern island",
            "An earthquake struck the island; Governor Ana Salas ordered tents.");
    private final Article quake2 = article("q2", "AP", DAY.plusDays(1), "Island quake kills ten",
            "Ten died after the earthquake, Governor Ana Salas said.");
    private final Article flood = article("f1", "BBC", DAY.plusDays(3), "Floods force thousands from homes",
            "The river burst its banks; Mayor Ivo Brandt asked for sandbags.");
    private final Article loose = article("x1", "bbc", DAY.plusDays(4), "Court rules on port case",
            "The appeals court upheld the sentence.");

    /** Stores the four articles, the quake story (q1, q2) and the flood story (f1); x1 stays in no story. */
    private ArticleStore filled(Backend backend, String db) throws StoreException {
        ArticleStore store = backend.open(db);
        store.addAll(List.of(quake1, quake2, flood, loose));
        store.putAnalyses(AnalysisTier.INGEST, List.of(analysed(quake1, "Ana Salas"), analysed(quake2, "Ana Salas"),
                analysed(flood, "Ivo Brandt")));
        Story quake = new Story("s-quake", List.of(member(quake1), member(quake2)), 2, DAY, DAY.plusDays(1));
        Story floods = new Story("s-flood", List.of(member(flood)), 1, DAY.plusDays(3), DAY.plusDays(3));
        ClusterSnapshot snapshot = new ClusterSnapshot(3, DAY.plusDays(3), Map.of(),
                List.of(state(quake), state(floods)), Map.of());
        store.saveStories(snapshot, List.of(new StoryAssignment("q1", "s-quake", true, 0, null),
                new StoryAssignment("q2", "s-quake", false, 0.5, null),
                new StoryAssignment("f1", "s-flood", true, 0, null)));
        return store;
    }

    private static StoryArticle member(Article a) {
        return new StoryArticle(a.id(), a.outlet(), null, a.published().date(), null);
    }

    private static ClusterSnapshot.StoryState state(Story story) {
        return new ClusterSnapshot.StoryState(story, true, story.lastPublished(), Map.of(), new float[0], List.of(),
                List.of());
    }

    private static List<String> ids(List<StoryListing> listed) {
        return listed.stream().map(StoryListing::id).toList();
    }

    private static StoryQuery text(String words) {
        return new StoryQuery(words, null, null, null, null, 50, 0);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listsTheStoryWithTheLatestArticleFirstWithItsOutlets(Backend backend) throws Exception {
        try (ArticleStore store = filled(backend, backend.newDatabase(dir, "s.db"))) {
            List<StoryListing> listed = store.stories(StoryQuery.all());
            assertThat(ids(listed)).containsExactly("s-flood", "s-quake");
            StoryListing quake = listed.get(1);
            assertThat(quake.articles()).isEqualTo(2);
            assertThat(quake.firstPublished()).isEqualTo(DAY);
            assertThat(quake.lastPublished()).isEqualTo(DAY.plusDays(1));
            assertThat(quake.outlets()).extracting(StoryListing.OutletCount::outlet).containsExactly("Reuters", "AP");
            assertThat(store.stories(new StoryQuery(null, null, null, null, null, 1, 1))).extracting(StoryListing::id)
                    .containsExactly("s-quake");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSearchSaysWhyEachStoryMatchedWithTheMatchedWordsMarked(Backend backend) throws Exception {
        try (ArticleStore store = filled(backend, backend.newDatabase(dir, "m.db"))) {
            List<StoryListing> found = store.stories(text("earthquake sal"));
            assertThat(ids(found)).containsExactly("s-quake");
            SearchMatch match = found.get(0).match();
            assertThat(match.articleId()).isIn("q1", "q2");
            // the passage of the text around the words, the words marked (the last one as a prefix)
            assertThat(match.passageMatched()).isTrue();
            assertThat(match.passage().stream().filter(SearchMatch.Piece::matched).map(SearchMatch.Piece::text))
                    .containsOnly("earthquake", "Salas");
            assertThat(match.passage().stream().map(SearchMatch.Piece::text).reduce("", String::concat))
                    .contains("earthquake", "Governor Ana Salas");
            assertThat(match.titleMatched()).isFalse();
            assertThat(match.title().stream().map(SearchMatch.Piece::text).reduce("", String::concat))
                    .isIn(quake1.title(), quake2.title());

            SearchMatch inTitle = store.stories(text("floods")).get(0).match();
            assertThat(inTitle.articleId()).isEqualTo("f1");
            assertThat(inTitle.title()).containsExactly(new SearchMatch.Piece("Floods", true),
                    new SearchMatch.Piece(" force thousands from homes", false));
            assertThat(inTitle.passageMatched()).isFalse();
            assertThat(store.stories(StoryQuery.all())).allMatch(s -> s.match() == null);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void searchesTitlesAndTextsWithEveryWordAndTheLastAsAPrefix(Backend backend) throws Exception {
        try (ArticleStore store = filled(backend, backend.newDatabase(dir, "s.db"))) {
            assertThat(ids(store.stories(text("earthquake")))).containsExactly("s-quake");
            assertThat(ids(store.stories(text("island tents")))).containsExactly("s-quake");
            assertThat(ids(store.stories(text("sandb")))).containsExactly("s-flood");
            assertThat(ids(store.stories(text("island sandbags")))).isEmpty();
            // the court article matches but is in no story
            assertThat(ids(store.stories(text("appeals court")))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void searchTextWithFullTextOperatorsIsReadAsPlainWords(Backend backend) throws Exception {
        try (ArticleStore store = filled(backend, backend.newDatabase(dir, "s.db"))) {
            assertThat(ids(store.stories(text("\"quake\" OR (NEAR* -river")))).isEmpty();
            assertThat(ids(store.stories(text("quake)*")))).containsExactly("s-quake");
            assertThat(ids(store.stories(text("\"*()")))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void filtersByDateRangeOutletAndEntity(Backend backend) throws Exception {
        try (ArticleStore store = filled(backend, backend.newDatabase(dir, "s.db"))) {
            assertThat(ids(store.stories(new StoryQuery(null, DAY.plusDays(1), DAY.plusDays(2), null, null, 50, 0))))
                    .containsExactly("s-quake");
            assertThat(ids(store.stories(new StoryQuery(null, DAY.plusDays(2), null, null, null, 50, 0))))
                    .containsExactly("s-flood");
            assertThat(ids(store.stories(new StoryQuery(null, null, null, "reuters", null, 50, 0))))
                    .containsExactly("s-quake");
            assertThat(ids(store.stories(new StoryQuery(null, null, null, null, "ana salas", 50, 0))))
                    .containsExactly("s-quake");
            assertThat(ids(store.stories(new StoryQuery("river", null, null, "BBC", "Ivo Brandt", 50, 0))))
                    .containsExactly("s-flood");
            assertThat(ids(store.stories(new StoryQuery(null, null, null, null, "Nobody", 50, 0)))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void answersWhichStoryHoldsAnArticleAndWhichArticlesAreInNone(Backend backend) throws Exception {
        try (ArticleStore store = filled(backend, backend.newDatabase(dir, "s.db"))) {
            assertThat(store.storyOf("q2")).contains("s-quake");
            assertThat(store.storyOf("x1")).isEmpty();
            assertThat(store.withoutStory()).extracting(Article::id).containsExactly("x1");
            assertThat(store.hasUrl("https://example.org/f1")).isTrue();
            assertThat(store.hasUrl("https://example.org/none")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void listsEachStorysNamesOnceWithTheNumberOfItsArticlesNamingThem(Backend backend) throws Exception {
        try (ArticleStore store = filled(backend, backend.newDatabase(dir, "s.db"))) {
            // the brief tier's entities are not the ones related stories use
            store.putAnalyses(AnalysisTier.BRIEF, List.of(analysed(flood, "Ivo Brandt", "Mayor")));
            assertThat(store.storyEntities()).containsExactlyInAnyOrder(
                    new StoryEntity("s-quake", "Ana Salas", "PERSON", 2),
                    new StoryEntity("s-flood", "Ivo Brandt", "PERSON", 1));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void offersOutletsAndEntityNamesMostUsedFirst(Backend backend) throws Exception {
        try (ArticleStore store = filled(backend, backend.newDatabase(dir, "s.db"))) {
            // "BBC" and "bbc" are one outlet
            assertThat(store.outlets()).hasSize(3).first().isIn("BBC", "bbc");
            assertThat(store.entityNames(10)).containsExactly("Ana Salas", "Ivo Brandt");
            assertThat(store.entityNames(1)).containsExactly("Ana Salas");
        }
    }

    /** An analysis that found these names, "Name/TYPE" each (once, in the article's first words). */
    private static AnalysedArticle found(Article article, String... typedNames) {
        Sentence whole = new Sentence(0, new Span(0, article.text().length()), article.text());
        List<EntityMention> mentions = new ArrayList<>();
        for (String typed : typedNames) {
            String name = typed.substring(0, typed.lastIndexOf('/'));
            EntityType type = EntityType.valueOf(typed.substring(typed.lastIndexOf('/') + 1));
            mentions.add(new EntityMention(name, type, new Span(0, Math.min(name.length(), article.text().length())),
                    0));
        }
        return new AnalysedArticle(article, List.of(whole), mentions, List.of(), List.of(), List.of(),
                new AnnotatedText(article.text(), List.of(whole), List.of(List.of()), List.of()));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void suggestsEachRealEntityOnceByItsNameAndFiltersByAnyOfItsNames(Backend backend) throws Exception {
        try (ArticleStore store = filled(backend, backend.newDatabase(dir, "e.db"))) {
            store.putAnalyses(AnalysisTier.INGEST, List.of(
                    found(quake1, "Ana Salas/PERSON", "police/ORGANIZATION", "West of provocation/LOCATION",
                            "GMT/MISC"),
                    found(quake2, "Salas/PERSON", "Police/ORGANIZATION", "United States/LOCATION"),
                    found(flood, "Ivo Brandt/PERSON", "US/LOCATION", "Sola river/LOCATION")));
            // the surname joins the full name and "US" the listed name; no common noun ("police", "Police"), no
            // fragment, nothing of another type
            assertThat(store.entityNames(10)).containsExactly("Ana Salas", "United States", "Ivo Brandt");
            // a suggestion finds the stories that write any of its names
            assertThat(ids(store.stories(new StoryQuery(null, null, null, null, "united states", 50, 0))))
                    .containsExactly("s-flood", "s-quake");
            assertThat(ids(store.stories(new StoryQuery(null, null, null, null, "Ana Salas", 50, 0))))
                    .containsExactly("s-quake");
            assertThat(store.countStories(new StoryQuery(null, null, null, null, "US", 50, 0))).isEqualTo(2);
            // a name the suggestions leave out still finds what names it exactly
            assertThat(ids(store.stories(new StoryQuery(null, null, null, null, "sola river", 50, 0))))
                    .containsExactly("s-flood");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void titlesAStoryByItsLatestDatedHeadlineAsItsBriefDoes(Backend backend) throws Exception {
        Article untitled = article("u1", "TASS", DAY, null, "The talks were confirmed by the Kremlin.");
        Article later = article("u2", "AP", DAY.plusDays(2), "Leaders to hold video call", "The call is on.");
        Article earlier = article("u3", "AFP", DAY.plusDays(1), "Video call set for Tuesday", "A call is set.");
        try (ArticleStore store = backend.open(backend.newDatabase(dir, "t.db"))) {
            store.addAll(List.of(untitled, later, earlier));
            Story call = new Story("s-call", List.of(member(untitled), member(later), member(earlier)), 3, DAY,
                    DAY.plusDays(2));
            store.saveStories(new ClusterSnapshot(3, DAY.plusDays(2), Map.of(), List.of(state(call)), Map.of()),
                    List.of(new StoryAssignment("u1", "s-call", true, 0, null),
                            new StoryAssignment("u2", "s-call", false, 0.5, null),
                            new StoryAssignment("u3", "s-call", false, 0.5, null)));

            assertThat(store.stories(StoryQuery.all())).singleElement()
                    .satisfies(s -> assertThat(s.title()).isEqualTo("Leaders to hold video call"));
            assertThat(store.stories()).singleElement()
                    .satisfies(s -> assertThat(s.title()).isEqualTo("Leaders to hold video call"));
        }
    }

    @Test
    void upgradesAnOlderDatabaseBySearchIndexingItsArticlesAndReadingItsAnalysesEntities() throws Exception {
        Path db = dir.resolve("old.db");
        filled(Backend.SQLITE, db.toString()).close();
        // back to schema 3: what a database written before search and entity filters holds
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("DROP TABLE articles_fts");
            s.execute("DROP TABLE article_entities");
            s.execute("DROP INDEX articles_url");
            s.execute("DROP TABLE briefs");
            s.execute("DELETE FROM schema_version WHERE version >= 4");
        }
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(ids(store.stories(text("earthquake")))).containsExactly("s-quake");
            assertThat(ids(store.stories(new StoryQuery(null, null, null, null, "Ivo Brandt", 50, 0))))
                    .containsExactly("s-flood");
            assertThat(store.count()).isEqualTo(4);
        }
    }
}
