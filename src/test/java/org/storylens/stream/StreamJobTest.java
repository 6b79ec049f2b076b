package org.storylens.stream;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.cli.StorylensCli;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.ingest.RawArticle;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.store.ArticleStore;
import org.storylens.store.SqliteArticleStore;
import org.storylens.store.StoreException;
import org.storylens.store.StoredStory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream job end to end with real components in this JVM: a KRaft broker, a Flink MiniCluster of two task managers
 * (one slot each), SQLite as the store. Its stories must be those {@code storylens ingest} makes of the same input.
 */
class StreamJobTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(2)
                    .setNumberSlotsPerTaskManager(1)
                    .setConfiguration(new Configuration())
                    .build());

    private static KraftBroker broker;

    @TempDir
    static Path work;

    private static Path samples;
    /** The stories {@code ingest} makes of the demo sample, as sets of article ids. */
    private static Set<Set<String>> ingested;
    private static int ingestedArticles;

    @BeforeAll
    static void startBrokerAndIngest() throws Exception {
        broker = new KraftBroker();
        samples = DemoSamples.extract(work.resolve("samples"));
        Path db = work.resolve("ingest.db");
        StringWriter err = new StringWriter();
        int code = StorylensCli.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("ingest", samples.toString(), "--db", db.toString(), "--threads", "2");
        assertThat(code).as(err.toString()).isZero();
        try (ArticleStore store = SqliteArticleStore.open(db)) {
            ingested = partition(store);
            ingestedArticles = store.count();
        }
        assertThat(ingested).as("the demo's stories").hasSizeGreaterThan(3)
                .anySatisfy(story -> assertThat(story).hasSizeGreaterThan(2));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void placesThePublishedDemoSampleInTheStoriesIngestMakes() throws Exception {
        broker.createTopic("e2e.raw", 1);
        publish("e2e.raw");
        Path db = work.resolve("stream.db");
        StreamJob job = new StreamJob(StreamJob.Options.of(broker.bootstrapServers(), StoreOpener.of(db.toString()), 2)
                .withTopic("e2e.raw").withGroupId("e2e").withOrderWait(Duration.ofSeconds(5))
                .withCheckpointInterval(Duration.ofSeconds(2)));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobClient client = job.start(env);
        // every type between operators has a Flink serializer of its own: none goes to Kryo
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
        try {
            awaitPlaced(db, placedCount(ingested), Duration.ofMinutes(4), true);
        } finally {
            client.cancel().get();
        }
        try (ArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.count()).isEqualTo(ingestedArticles);
            assertThat(partition(store)).isEqualTo(ingested);
        }
    }

    @Test
    void aJobCancelledMidStreamAndStartedAgainLosesNoArticleAndStoresNoneTwice() throws Exception {
        broker.createTopic("restart.raw", 1);
        List<RawArticle> raw = rawSample();
        // the second half is published only after the first job is stopped: it is stopped mid-stream however fast
        publish("restart.raw", raw.subList(0, raw.size() / 2));
        Path db = work.resolve("restart.db");
        // short waits and checkpoints: articles are assigned a few at a time, so the job is stopped mid-stream
        StreamJob.Options options = StreamJob.Options.of(broker.bootstrapServers(), StoreOpener.of(db.toString()), 2)
                .withTopic("restart.raw").withGroupId("restart").withOrderWait(Duration.ofMillis(200))
                .withCheckpointInterval(Duration.ofMillis(500));
        int total = placedCount(ingested);
        JobClient first = new StreamJob(options).start(StreamExecutionEnvironment.getExecutionEnvironment());
        int placedWhenCancelled;
        try {
            placedWhenCancelled = awaitPlaced(db, 1, Duration.ofMinutes(4), false);
        } finally {
            first.cancel().get();
        }
        assertThat(placedWhenCancelled).as("stopped mid-stream").isLessThan(total);
        publish("restart.raw", raw.subList(raw.size() / 2, raw.size()));

        JobClient second = new StreamJob(options).start(StreamExecutionEnvironment.getExecutionEnvironment());
        try {
            awaitPlaced(db, total, Duration.ofMinutes(4), true);
        } finally {
            second.cancel().get();
        }
        assertPlacedOnceEach(db);
    }

    @Test
    void aJobStoppedWithASavepointContinuesFromItsStateLosingNoArticleAndStoringNoneTwice() throws Exception {
        broker.createTopic("savepoint.raw", 1);
        List<RawArticle> raw = rawSample();
        publish("savepoint.raw", raw.subList(0, raw.size() / 2));
        Path db = work.resolve("savepoint.db");
        StreamJob.Options options = StreamJob.Options.of(broker.bootstrapServers(), StoreOpener.of(db.toString()), 2)
                .withTopic("savepoint.raw").withGroupId("savepoint").withOrderWait(Duration.ofMillis(200))
                .withCheckpointInterval(Duration.ofMillis(500));
        int total = placedCount(ingested);
        JobClient first = new StreamJob(options).start(StreamExecutionEnvironment.getExecutionEnvironment());
        int placedWhenStopped;
        String savepoint;
        try {
            placedWhenStopped = awaitPlaced(db, 1, Duration.ofMinutes(4), false);
        } finally {
            savepoint = first.stopWithSavepoint(false, work.resolve("savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL).get();
        }
        assertThat(placedWhenStopped).as("stopped mid-stream").isLessThan(total);
        publish("savepoint.raw", raw.subList(raw.size() / 2, raw.size()));

        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restore);
        assertThat(env.getConfiguration().get(StateRecoveryOptions.SAVEPOINT_PATH)).isEqualTo(savepoint);
        // another consumer group: where to read on comes from the savepoint, not from committed offsets
        JobClient second = new StreamJob(options.withGroupId("savepoint-restored")).start(env);
        try {
            awaitPlaced(db, total, Duration.ofMinutes(4), true);
        } finally {
            second.cancel().get();
        }
        assertPlacedOnceEach(db);
    }

    private static void assertPlacedOnceEach(Path db) throws StoreException {
        try (ArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.count()).as("articles stored").isEqualTo(ingestedArticles);
            Set<Set<String>> stories = partition(store);
            Set<String> placed = new HashSet<>();
            stories.forEach(placed::addAll);
            assertThat(placedCount(stories)).as("articles in stories, each once").isEqualTo(placed.size());
            Set<String> expected = new HashSet<>();
            ingested.forEach(expected::addAll);
            assertThat(placed).as("no article lost").isEqualTo(expected);
        }
    }

    /** The demo sample as {@code publish} reads it, in its order. */
    private static List<RawArticle> rawSample() {
        return new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES).readRaw(List.of(samples.toString()), 2)
                .articles();
    }

    private static void publish(String topic, List<RawArticle> articles) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(broker.bootstrapServers(), topic)) {
            publisher.publish(articles);
        }
    }

    private static void publish(String topic) {
        StringWriter err = new StringWriter();
        int code = StorylensCli.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("publish", samples.toString(), "--kafka", broker.bootstrapServers(), "--topic", topic);
        assertThat(code).as(err.toString()).isZero();
    }

    private static int placedCount(Set<Set<String>> stories) {
        return stories.stream().mapToInt(Set::size).sum();
    }

    /**
     * Waits until the store's stories hold {@code expected} articles (then, when {@code settle}, a second more: an
     * article placed twice would show); returns how many they hold.
     */
    private static int awaitPlaced(Path db, int expected, Duration timeout, boolean settle) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        int placed = 0;
        while (System.nanoTime() < until) {
            if (java.nio.file.Files.exists(db)) {
                try (ArticleStore store = SqliteArticleStore.open(db)) {
                    placed = store.stories().stream().mapToInt(StoredStory::articles).sum();
                }
                if (placed >= expected) {
                    if (settle) {
                        Thread.sleep(1000);
                    }
                    return placed;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job placed " + placed + " of " + expected + " articles in " + timeout);
    }

    static Set<Set<String>> partition(ArticleStore store) throws StoreException {
        Set<Set<String>> out = new HashSet<>();
        for (StoredStory listed : store.stories()) {
            Story story = store.story(listed.id()).orElseThrow();
            out.add(story.articles().stream().map(StoryArticle::id).collect(Collectors.toSet()));
        }
        return out;
    }
}
