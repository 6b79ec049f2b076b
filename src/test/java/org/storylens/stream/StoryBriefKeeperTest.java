package org.storylens.stream;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.cli.StorylensCli;
import org.storylens.cluster.Story;
import org.storylens.store.ArticleStore;
import org.storylens.store.Backend;
import org.storylens.store.StoredBrief;
import org.storylens.store.StoredStory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The brief stage on its own, in Flink's operator test harness (processing time set by the test, not waited for),
 * over the stories {@code ingest} makes of the demo sample in SQLite: a story is briefed once per quiet period, a story
 * that keeps growing at the latest {@value StoryBriefKeeper#MAX_DELAY_WAITS} waits after its first held-back article,
 * and a story told again with no new article keeps its brief as it is.
 */
class StoryBriefKeeperTest {

    private static final long WAIT = 1_000;

    @TempDir
    Path dir;

    @Test
    void briefsAStoryOnceWhenItHasBeenQuietForTheWaitAndLeavesACurrentBriefAsItIs() throws Exception {
        String db = ingestDemo();
        Story story = largestStory(db);
        try (KeyedOneInputStreamOperatorTestHarness<String, String, String> keeper = harness(db)) {
            keeper.setProcessingTime(0);
            keeper.processElement(story.id(), 0);
            keeper.setProcessingTime(600);
            keeper.processElement(story.id(), 600);
            keeper.setProcessingTime(1_500);
            assertThat(keeper.extractOutputValues()).as("put off by the second article").isEmpty();
            assertThat(kept(db, story.id())).as("nothing written while the story is not quiet").isNull();

            keeper.setProcessingTime(1_600);
            assertThat(keeper.extractOutputValues()).containsExactly(story.id());
            StoredBrief written = kept(db, story.id());
            assertThat(written).isNotNull();
            assertThat(written.isCurrentFor(story)).isTrue();
            assertThat(written.brief().articles()).hasSize(story.size());

            // told again (a replay after a restore): the kept brief covers the story as it is, so it stays
            keeper.processElement(story.id(), 1_700);
            keeper.setProcessingTime(2_700);
            assertThat(keeper.extractOutputValues()).containsExactly(story.id(), story.id());
            assertThat(kept(db, story.id()).writtenAt()).as("not written again").isEqualTo(written.writtenAt());
        }
    }

    @Test
    void aStoryThatKeepsGrowingIsBriefedAtTheLatestSixWaitsAfterItsFirstHeldBackArticle() throws Exception {
        String db = ingestDemo();
        Story story = largestStory(db);
        try (KeyedOneInputStreamOperatorTestHarness<String, String, String> keeper = harness(db)) {
            long last = 0;
            for (long t = 0; t < StoryBriefKeeper.MAX_DELAY_WAITS * WAIT; t += WAIT / 2) {
                keeper.setProcessingTime(t);
                keeper.processElement(story.id(), t);
                assertThat(keeper.extractOutputValues()).as("at " + t).isEmpty();
                last = t;
            }
            assertThat(last + WAIT).isGreaterThan(StoryBriefKeeper.MAX_DELAY_WAITS * WAIT);
            keeper.setProcessingTime(StoryBriefKeeper.MAX_DELAY_WAITS * WAIT);
            assertThat(keeper.extractOutputValues()).as("briefed though not quiet").containsExactly(story.id());
            assertThat(kept(db, story.id()).isCurrentFor(story)).isTrue();
        }
    }

    private KeyedOneInputStreamOperatorTestHarness<String, String, String> harness(String db) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new StoryBriefKeeper(StoreOpener.of(db), WAIT), storyId -> storyId, Types.STRING);
        harness.open();
        return harness;
    }

    private String ingestDemo() throws Exception {
        String db = Backend.SQLITE.newDatabase(dir, "demo.db");
        StringWriter err = new StringWriter();
        int code = StorylensCli.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("ingest", DemoSamples.extract(dir.resolve("samples")).toString(), "--db", db);
        assertThat(code).as(err.toString()).isZero();
        return db;
    }

    private static Story largestStory(String db) throws Exception {
        try (ArticleStore store = Backend.SQLITE.open(db)) {
            StoredStory largest = store.stories().stream().max(Comparator.comparingInt(StoredStory::articles))
                    .orElseThrow();
            Story story = store.story(largest.id()).orElseThrow();
            assertThat(story.size()).as("the demo's largest story").isGreaterThan(1);
            return story;
        }
    }

    private static StoredBrief kept(String db, String storyId) throws Exception {
        try (ArticleStore store = Backend.SQLITE.open(db)) {
            return store.brief(storyId).orElse(null);
        }
    }
}
