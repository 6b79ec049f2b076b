package org.storylens.store;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.brief.Brief;
import org.storylens.brief.BriefJson;
import org.storylens.brief.FixtureBriefs;
import org.storylens.brief.StoryBrief;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.cluster.StoryAssignment;
import org.storylens.ingest.SourceFormat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code briefs} table: each story's latest brief, kept with the number of articles it was written for. */
class ArticleStoreBriefsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 11);

    @TempDir
    Path dir;

    private static Article article(String id, String outlet, LocalDate day, String title, String text) {
        return new Article(id, title, outlet, null,
                new PublicationDate(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), null,
                        PublicationDate.Source.METADATA, day.toString(), false), "en",
                text, List.of(), List.of(), "https://www.dailypost.example/" + id, id + ".txt", SourceFormat.TEXT,
                "hash-" + id, List.of());
    }

    private final Article herald = article("herald-0311", "Brannsk Herald", DAY,
            "Spillway of Sola dam collapses, villages evacuated",
            "The spillway of the Lower Sola dam near Meravik collapsed on Tuesday. About 1,200 people were evacuated.");
    private final Article post = article("post-0311", null, DAY, null,
            "More than 1,500 people have left their homes along the Sola river. Engineers warned of cracks.");
    private final Article courier = article("courier-19", "Courier", DAY.plusDays(1), "Evacuations rise to 1,850",
            "The number of evacuated people rose to 1,850.");

    private static StoryArticle member(Article a) {
        return new StoryArticle(a.id(), a.outlet(), null, a.published().date(), null);
    }

    private static ClusterSnapshot.StoryState state(Story story) {
        return new ClusterSnapshot.StoryState(story, true, story.lastPublished(), Map.of(), new float[0], List.of(),
                List.of());
    }

    /** Stores the three articles and the dam story of the first two. */
    private ArticleStore withDamStory(Backend backend, String db) throws StoreException {
        ArticleStore store = backend.open(db);
        store.addAll(List.of(herald, post, courier));
        Story dam = new Story("s-dam", List.of(member(herald), member(post)), 2, DAY, DAY);
        store.saveStories(new ClusterSnapshot(2, DAY, Map.of(), List.of(state(dam)), Map.of()),
                List.of(new StoryAssignment(herald.id(), "s-dam", true, 0, null),
                        new StoryAssignment(post.id(), "s-dam", false, 0.6, null)));
        return store;
    }

    /** The courier article joins the dam story. */
    private static void grow(ArticleStore store, Article joining) throws StoreException {
        Story before = store.story("s-dam").orElseThrow();
        List<StoryArticle> members = new java.util.ArrayList<>(before.articles());
        members.add(member(joining));
        Story dam = new Story("s-dam", members, members.size(), DAY, DAY.plusDays(1));
        store.saveStories(new ClusterSnapshot(3, DAY.plusDays(1), Map.of(), List.of(state(dam)), Map.of()),
                List.of(new StoryAssignment(joining.id(), "s-dam", false, 0.7, null)));
    }

    private static String json(StoredBrief b) {
        return new BriefJson().render(new Brief(b.writtenAt().toString(), List.of(b.brief())));
    }

    private StoredBrief brief(int articles, Instant at) {
        return new StoredBrief("s-dam", articles, at, FixtureBriefs.dam(),
                ArticleFallbacks.of(List.of(herald, post, courier)).withReportDates(java.util.Map.of("post-0311",
                        "2025-03-11")));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void keepsAStorysBriefAndReadsItBackAsItWasWrittenAfterReopening(Backend backend) throws Exception {
        String db = backend.newDatabase(dir, "briefs.db");
        StoredBrief written = brief(2, Instant.parse("2025-03-11T18:04:05.123456Z"));
        try (ArticleStore store = withDamStory(backend, db)) {
            assertThat(store.brief("s-dam")).isEmpty();
            store.putBrief(written);
        }
        try (ArticleStore store = backend.open(db)) {
            StoredBrief read = store.brief("s-dam").orElseThrow();
            assertThat(read.storyId()).isEqualTo("s-dam");
            assertThat(read.articles()).isEqualTo(2);
            assertThat(read.writtenAt()).isEqualTo(written.writtenAt());
            assertThat(read.names()).isEqualTo(written.names());
            assertThat(read.names().sites()).containsEntry("post-0311", "dailypost.example");
            assertThat(read.names().reportDate("post-0311")).isEqualTo("2025-03-11");
            assertThat(json(read)).isEqualTo(json(written));
            StoryBrief b = read.brief();
            assertThat(b.title()).isEqualTo(FixtureBriefs.dam().title());
            assertThat(b.claims()).isEqualTo(FixtureBriefs.dam().claims());
            assertThat(b.numbers()).extracting(n -> n.value().doubleValue())
                    .containsExactlyElementsOf(FixtureBriefs.dam().numbers().stream()
                            .map(n -> n.value().doubleValue()).toList());
            assertThat(store.story("s-dam").map(read::isCurrentFor)).contains(true);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBriefWrittenBeforeTheStoryGrewIsKeptButNotCurrentAndAnOlderOneNeverReplacesANewer(Backend backend)
            throws Exception {
        try (ArticleStore store = withDamStory(backend, backend.newDatabase(dir, "grown.db"))) {
            store.putBrief(brief(2, Instant.parse("2025-03-11T18:00:00Z")));
            grow(store, courier);

            Story grown = store.story("s-dam").orElseThrow();
            StoredBrief older = store.brief("s-dam").orElseThrow();
            assertThat(older.articles()).isEqualTo(2);
            assertThat(older.isCurrentFor(grown)).as("a brief of 2 of the story's 3 articles").isFalse();

            store.putBrief(brief(3, Instant.parse("2025-03-12T09:00:00Z")));
            // a writer that started before the story grew finishes last: its brief does not go back in
            store.putBrief(brief(2, Instant.parse("2025-03-12T09:30:00Z")));
            StoredBrief kept = store.brief("s-dam").orElseThrow();
            assertThat(kept.articles()).isEqualTo(3);
            assertThat(kept.writtenAt()).isEqualTo(Instant.parse("2025-03-12T09:00:00Z"));
            assertThat(kept.isCurrentFor(grown)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void refusesTheBriefOfAStoryThatIsNotStored(Backend backend) throws Exception {
        try (ArticleStore store = withDamStory(backend, backend.newDatabase(dir, "none.db"))) {
            StoredBrief stray = new StoredBrief("s-nowhere", 1, Instant.now(), FixtureBriefs.dam(),
                    ArticleFallbacks.NONE);
            assertThatThrownBy(() -> store.putBrief(stray)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("s-nowhere");
            assertThat(store.brief("s-nowhere")).isEmpty();
        }
    }
}
