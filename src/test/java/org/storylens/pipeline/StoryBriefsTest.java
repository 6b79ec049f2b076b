package org.storylens.pipeline;

import org.storylens.cluster.StoryArticle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.brief.ArticleEntry;
import org.storylens.ingest.RawArticle;
import org.storylens.store.SqliteArticleStore;
import org.storylens.store.StoredBrief;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The brief keeper: a story's kept brief is written when missing or older than the story, else read back. */
class StoryBriefsTest {

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

    @Test
    void writesAStorysBriefOnceAndAgainOnlyWhenTheStoryGrew() throws Exception {
        try (SqliteArticleStore store = SqliteArticleStore.open(dir.resolve("b.db"))) {
            ArticleIntake intake = new ArticleIntake(store, FACTORY,
                    FACTORY.storedAnalyses(store, AnalysisTier.INGEST, Annotators.shared(), 2, embedder), embedder,
                    2);
            StoryBriefs briefs = new StoryBriefs(store,
                    FACTORY.storedAnalyses(store, AnalysisTier.BRIEF, Annotators.brief(), 2, embedder),
                    FACTORY.briefWriter(embedder));
            String storyId = intake.accept(DemoSample.read("dailypost-dam-spillway-wire.txt")).placed().get(0).storyId();
            assertThat(briefs.kept(storyId)).isEmpty();

            StoredBrief first = briefs.update(storyId).orElseThrow();
            assertThat(first.articles()).isEqualTo(1);
            assertThat(first.brief().title()).contains("Dam spillway fails in Veldania");
            assertThat(briefs.kept(storyId)).hasValueSatisfying(k -> assertThat(k.writtenAt())
                    .isEqualTo(first.writtenAt()));
            assertThat(briefs.update(storyId)).as("current: read back, not written again")
                    .hasValueSatisfying(k -> assertThat(k.writtenAt()).isEqualTo(first.writtenAt()));

            assertThat(intake.accept(DemoSample.read("dagposten-english-meravik.txt")).placed().get(0).storyId())
                    .isEqualTo(storyId);
            assertThat(briefs.kept(storyId).orElseThrow().isCurrentFor(store.story(storyId).orElseThrow()))
                    .isFalse();
            StoredBrief grown = briefs.update(storyId).orElseThrow();
            assertThat(grown.articles()).isEqualTo(2);
            assertThat(grown.writtenAt()).isAfter(first.writtenAt());
            assertThat(grown.brief().articles()).extracting(ArticleEntry::outlet).hasSize(2);
            assertThat(briefs.kept(storyId).orElseThrow().articles()).isEqualTo(2);
            assertThat(briefs.update("s-none")).isEmpty();
            // the page dates the story's articles as the stories list does
            for (StoryArticle a : store.story(storyId).orElseThrow().articles()) {
                assertThat(grown.names().reportDate(a.id()))
                        .isEqualTo(a.published() == null ? null : a.published().toString());
            }
        }
    }
}
