package org.storylens.pipeline;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.ArticleAnalyser;
import org.storylens.analyse.CoreNlpArticleAnalyser;
import org.storylens.analyse.EntityFinder;
import org.storylens.analyse.NumberFinder;
import org.storylens.analyse.QuoteFinder;
import org.storylens.analyse.TimeResolver;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.ingest.RawArticle;
import org.storylens.store.SqliteArticleStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIntakeTest {

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

    private ArticleIntake intake(SqliteArticleStore store) {
        return new ArticleIntake(store, FACTORY,
                FACTORY.storedAnalyses(store, AnalysisTier.INGEST, Annotators.shared(), 2, embedder), embedder, 2);
    }

    @Test
    void storesAnalysesAndPlacesEachArrivingArticleInAStory() throws Exception {
        try (SqliteArticleStore store = SqliteArticleStore.open(dir.resolve("i.db"))) {
            ArticleIntake intake = intake(store);
            ArticleIntake.Outcome first = intake.accept(DemoSample.read("dailypost-dam-spillway-wire.txt",
                    "castavia-confidence-vote.txt"));
            ArticleIntake.Outcome second = intake.accept(DemoSample.read("dagposten-english-meravik.txt"));

            assertThat(first.failures()).isEmpty();
            assertThat(first.placed()).hasSize(2).allSatisfy(p -> {
                assertThat(p.isNew()).isTrue();
                assertThat(p.storyId()).isNotNull();
            });
            assertThat(first.placed().get(0).storyId()).isNotEqualTo(first.placed().get(1).storyId());
            // a later report of the dam failure joins the dam story
            assertThat(second.placed()).singleElement()
                    .satisfies(p -> assertThat(p.storyId()).isEqualTo(first.placed().get(0).storyId()));
            assertThat(store.analyses(AnalysisTier.INGEST, store.list())).hasSize(3);
            assertThat(store.withoutStory()).isEmpty();
        }
    }

    @Test
    void aTextSentAgainIsPlacedWhereTheStoredOneIs() throws Exception {
        try (SqliteArticleStore store = SqliteArticleStore.open(dir.resolve("i.db"))) {
            ArticleIntake intake = intake(store);
            ArticleIntake.Placed stored = intake.accept(DemoSample.read("port-aldery-gale-warning.txt")).placed().get(0);
            ArticleIntake.Placed again = intake.accept(DemoSample.read("port-aldery-gale-warning.txt")).placed().get(0);

            assertThat(again.isNew()).isFalse();
            assertThat(again.duplicateOf()).isEqualTo(stored.articleId());
            assertThat(again.storyId()).isEqualTo(stored.storyId()).isNotNull();
            assertThat(store.count()).isEqualTo(1);
        }
    }

    @Test
    void recoveryPlacesArticlesAStoppedProcessStoredButNeverAssigned() throws Exception {
        try (SqliteArticleStore store = SqliteArticleStore.open(dir.resolve("i.db"))) {
            // what a process killed right after committing a batch leaves behind
            store.addAll(FACTORY.pipeline(1).clean(DemoSample.read("dailypost-dam-spillway-wire.txt",
                    "dagposten-english-meravik.txt")).articles());
            assertThat(store.withoutStory()).hasSize(2);

            assertThat(intake(store).recover()).isEmpty();

            assertThat(store.withoutStory()).isEmpty();
            assertThat(store.stories()).singleElement().satisfies(s -> assertThat(s.articles()).isEqualTo(2));
        }
    }

    /** Recurses until the stack overflows: what a hostile text once did to the analysis. */
    private static int overflow(int depth) {
        return overflow(depth + 1) + 1;
    }

    @Test
    void anArticleWhoseAnalysisFailsStaysStoredInNoStoryAndIsNotAnalysedAgain() throws Exception {
        ArticleAnalyser real = new CoreNlpArticleAnalyser(Annotators.shared(), new EntityFinder(), new TimeResolver(),
                new QuoteFinder(), new NumberFinder());
        List<String> analysed = java.util.Collections.synchronizedList(new ArrayList<>());
        ArticleAnalyser failingOnTheVote = article -> {
            analysed.add(article.origin());
            if (article.origin().startsWith("castavia")) {
                overflow(0);
            }
            return real.analyse(article);
        };
        try (SqliteArticleStore store = SqliteArticleStore.open(dir.resolve("i.db"))) {
            ArticleIntake intake = new ArticleIntake(store, FACTORY, new StoredAnalyses(store, AnalysisTier.INGEST,
                    () -> new AnalysisPipeline(failingOnTheVote, 2)), embedder, 2);

            ArticleIntake.Outcome first = intake.accept(DemoSample.read("dailypost-dam-spillway-wire.txt",
                    "castavia-confidence-vote.txt"));
            ArticleIntake.Outcome second = intake.accept(DemoSample.read("dagposten-english-meravik.txt"));

            assertThat(first.failures()).singleElement().satisfies(f -> {
                assertThat(f.input()).startsWith("castavia-confidence-vote.txt");
                assertThat(f.reason()).contains("stack overflow").contains("stored unanalysed, in no story");
            });
            assertThat(first.placed()).hasSize(2);
            assertThat(first.placed().get(0).storyId()).isNotNull();
            assertThat(first.placed().get(1).storyId()).isNull();
            assertThat(second.failures()).isEmpty();
            assertThat(second.placed()).singleElement()
                    .satisfies(p -> assertThat(p.storyId()).isEqualTo(first.placed().get(0).storyId()));
            assertThat(store.withoutStory()).extracting(a -> a.id()).containsExactly(first.placed().get(1).articleId());
            assertThat(intake.recover()).isEmpty();
            assertThat(analysed).filteredOn(o -> o.startsWith("castavia")).hasSize(1);
        }
    }
}
