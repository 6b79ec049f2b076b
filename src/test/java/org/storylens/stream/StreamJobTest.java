package org.storylens.stream;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.storylens.cli.StorylensCli;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.ingest.RawArticle;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.pipeline.SeedArticles;
import org.storylens.store.ArticleStore;
import org.storylens.store.Backend;
import org.storylens.store.StoreException;
import org.storylens.store.StoredStory;
import org.storylens.store.Stores;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The stream job end to end with real components in this JVM: a KRaft broker, a Flink MiniCluster of two task managers
 * (one slot each), and as the store a SQLite file or a database on the embedded PostgreSQL ({@link Backend}; each test
 * runs on both). The input is the demo sample and the five shared seed reports (skipped without ../shared); the job's
 * stories must be those {@code storylens ingest} makes of the same input in SQLite.
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
    /** Task managers killed so far: the cluster's index of the next one to kill (indices are never reused). */
    private static final AtomicInteger TASK_MANAGERS_KILLED = new AtomicInteger();

    @TempDir
    static Path work;

    /** The inputs, as {@code ingest} and {@code publish} name them: the demo sample's folder and the seeds' folder. */
    private static List<String> inputs;
    /** The stories {@code ingest} makes of the inputs in SQLite, as sets of article ids. */
    private static Set<Set<String>> ingested;
    private static int ingestedArticles;

    @BeforeAll
    static void startBrokerAndIngest() throws Exception {
        Path seeds = SeedArticles.folder();
        assumeTrue(Files.isDirectory(seeds), "the shared seed articles are not beside the project: " + seeds);
        inputs = List.of(DemoSamples.extract(work.resolve("samples")).toString(), seeds.toString());
        broker = new KraftBroker();
        String db = Backend.SQLITE.newDatabase(work, "ingest.db");
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("ingest"));
        args.addAll(inputs);
        args.addAll(List.of("--db", db, "--threads", "2"));
        int code = StorylensCli.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        try (ArticleStore store = Backend.SQLITE.open(db)) {
            ingested = partition(store);
            ingestedArticles = store.count();
        }
        assertThat(ingested).as("the stories of the demo and the seeds").hasSizeGreaterThan(3)
                .anySatisfy(story -> assertThat(story).hasSizeGreaterThanOrEqualTo(5));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void placesThePublishedDemoSampleAndSeedsInTheStoriesIngestMakes(Backend backend) throws Exception {
        String topic = name("e2e", backend);
        broker.createTopic(topic, 1);
        publish(topic);
        String db = backend.newDatabase(work, topic + ".db");
        StreamJob job = new StreamJob(StreamJob.Options.of(broker.bootstrapServers(), StoreOpener.of(db), 2)
                .withTopic(topic).withGroupId(topic).withOrderWait(Duration.ofSeconds(5))
                .withCheckpointInterval(Duration.ofSeconds(2)));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobClient client = job.start(env);
        // every type between operators has a Flink serializer of its own: none goes to Kryo
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
        try {
            awaitPlaced(backend, db, placedCount(ingested), Duration.ofMinutes(4), true);
        } finally {
            client.cancel().get();
        }
        try (ArticleStore store = backend.open(db)) {
            assertThat(store.count()).isEqualTo(ingestedArticles);
            assertThat(partition(store)).isEqualTo(ingested);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aJobCancelledMidStreamAndStartedAgainLosesNoArticleAndStoresNoneTwice(Backend backend) throws Exception {
        String topic = name("restart", backend);
        broker.createTopic(topic, 1);
        List<RawArticle> raw = rawSample();
        // the second half is published only after the first job is stopped: it is stopped mid-stream however fast
        publish(topic, raw.subList(0, raw.size() / 2));
        String db = backend.newDatabase(work, topic + ".db");
        // short waits and checkpoints: articles are assigned a few at a time, so the job is stopped mid-stream
        StreamJob.Options options = StreamJob.Options.of(broker.bootstrapServers(), StoreOpener.of(db), 2)
                .withTopic(topic).withGroupId(topic).withOrderWait(Duration.ofMillis(200))
                .withCheckpointInterval(Duration.ofMillis(500));
        int total = placedCount(ingested);
        JobClient first = new StreamJob(options, BriefKeeping.OFF)
                .start(StreamExecutionEnvironment.getExecutionEnvironment());
        int placedWhenCancelled;
        try {
            placedWhenCancelled = awaitPlaced(backend, db, 1, Duration.ofMinutes(4), false);
        } finally {
            first.cancel().get();
        }
        assertThat(placedWhenCancelled).as("stopped mid-stream").isLessThan(total);
        publish(topic, raw.subList(raw.size() / 2, raw.size()));

        JobClient second = new StreamJob(options, BriefKeeping.OFF)
                .start(StreamExecutionEnvironment.getExecutionEnvironment());
        try {
            awaitPlaced(backend, db, total, Duration.ofMinutes(4), true);
        } finally {
            second.cancel().get();
        }
        assertPlacedOnceEach(backend, db);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aJobStoppedWithASavepointContinuesFromItsStateLosingNoArticleAndStoringNoneTwice(Backend backend)
            throws Exception {
        String topic = name("savepoint", backend);
        broker.createTopic(topic, 1);
        List<RawArticle> raw = rawSample();
        publish(topic, raw.subList(0, raw.size() / 2));
        String db = backend.newDatabase(work, topic + ".db");
        StreamJob.Options options = StreamJob.Options.of(broker.bootstrapServers(), StoreOpener.of(db), 2)
                .withTopic(topic).withGroupId(topic).withOrderWait(Duration.ofMillis(200))
                .withCheckpointInterval(Duration.ofMillis(500));
        int total = placedCount(ingested);
        JobClient first = new StreamJob(options, BriefKeeping.OFF)
                .start(StreamExecutionEnvironment.getExecutionEnvironment());
        int placedWhenStopped;
        String savepoint;
        try {
            placedWhenStopped = awaitPlaced(backend, db, 1, Duration.ofMinutes(4), false);
        } finally {
            savepoint = first.stopWithSavepoint(false, work.resolve(topic + "-savepoints").toUri().toString(),
                    SavepointFormatType.CANONICAL).get();
        }
        assertThat(placedWhenStopped).as("stopped mid-stream").isLessThan(total);
        publish(topic, raw.subList(raw.size() / 2, raw.size()));

        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restore);
        assertThat(env.getConfiguration().get(StateRecoveryOptions.SAVEPOINT_PATH)).isEqualTo(savepoint);
        // another consumer group: where to read on comes from the savepoint, not from committed offsets
        JobClient second = new StreamJob(options.withGroupId(topic + "-restored"), BriefKeeping.OFF)
                .start(env);
        try {
            awaitPlaced(backend, db, total, Duration.ofMinutes(4), true);
        } finally {
            second.cancel().get();
        }
        assertPlacedOnceEach(backend, db);
    }

    /** How a job is stopped mid-stream before it continues. */
    enum Interruption {
        /** A task manager is killed; Flink restarts the job from its last checkpoint (a new one takes the slot). */
        TASK_MANAGER_KILLED,
        /** The job is stopped with a savepoint and a new job is started from it. */
        STOPPED_WITH_SAVEPOINT
    }

    static Stream<Arguments> interruptionsOnEachBackend() {
        return Stream.of(Backend.values()).flatMap(backend -> Stream.of(Interruption.values())
                .map(how -> Arguments.of(backend, how)));
    }

    /**
     * The story stage waits for every article (however long they take), so that an uninterrupted run assigns them in
     * one batch, as ingest does; the job is interrupted while some are analysed and waiting in its state and the
     * rest are not even published. Restored from its checkpoint or savepoint, the job must give exactly the stories
     * of the uninterrupted run: an article the state lost, or one read twice, would change the batch.
     */
    @ParameterizedTest
    @MethodSource("interruptionsOnEachBackend")
    void aJobInterruptedMidStreamAndRestoredGivesTheStoriesOfAnUninterruptedRun(Backend backend, Interruption how,
                                                                               @InjectMiniCluster MiniCluster cluster)
            throws Exception {
        String topic = name("interrupted-" + how.name().toLowerCase(Locale.ROOT).replace('_', '-'), backend);
        broker.createTopic(topic, 1);
        List<RawArticle> raw = rawSample();
        int total = placedCount(ingested);
        assertThat(raw).as("every article read is placed by ingest").hasSize(total);
        publish(topic, raw.subList(0, raw.size() / 2));
        String db = backend.newDatabase(work, topic + ".db");
        StreamJob.Options options = StreamJob.Options.of(broker.bootstrapServers(), StoreOpener.of(db), 2)
                .withTopic(topic).withGroupId(topic).withOrderWait(Duration.ofMinutes(10)).withMaxWaiting(total)
                .withCheckpointInterval(Duration.ofMillis(500));
        JobClient first = new StreamJob(options, BriefKeeping.OFF)
                .start(StreamExecutionEnvironment.getExecutionEnvironment());
        JobClient running = first;
        try {
            int stored = awaitStored(backend, db, 2, Duration.ofMinutes(4));
            assertThat(stored).as("stopped mid-stream").isLessThan(total);
            if (how == Interruption.TASK_MANAGER_KILLED) {
                cluster.terminateTaskManager(TASK_MANAGERS_KILLED.getAndIncrement()).get();
                cluster.startTaskManager();
            } else {
                String savepoint = first.stopWithSavepoint(false, work.resolve(topic + "-savepoints").toUri()
                        .toString(), SavepointFormatType.CANONICAL).get();
                Configuration restore = new Configuration();
                restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
                // another consumer group: where to read on comes from the savepoint, not from committed offsets
                running = new StreamJob(options.withGroupId(topic + "-restored"), BriefKeeping.OFF)
                        .start(StreamExecutionEnvironment.getExecutionEnvironment(restore));
            }
            publish(topic, raw.subList(raw.size() / 2, raw.size()));
            awaitPlaced(backend, db, total, Duration.ofMinutes(4), true);
            if (how == Interruption.TASK_MANAGER_KILLED) {
                assertThat(cluster.getArchivedExecutionGraph(first.getJobID()).get()
                        .getStatusTimestamp(JobStatus.RESTARTING)).as("restarted from its checkpoint").isPositive();
            }
        } finally {
            running.cancel().get();
        }
        try (ArticleStore store = backend.open(db)) {
            assertThat(store.count()).isEqualTo(ingestedArticles);
            assertThat(partition(store)).isEqualTo(ingested);
        }
    }

    /** Waits until the store holds at least {@code expected} articles; returns how many it holds. */
    private static int awaitStored(Backend backend, String db, int expected, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        int stored = 0;
        while (System.nanoTime() < until) {
            if (!Stores.isMissingFile(db)) {
                try (ArticleStore store = backend.open(db)) {
                    stored = store.count();
                }
                if (stored >= expected) {
                    return stored;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job stored " + stored + " of " + expected + " articles in " + timeout);
    }

    /** A topic, consumer group and database name of its own for each test and back end. */
    private static String name(String test, Backend backend) {
        return test + "-" + backend.name().toLowerCase(Locale.ROOT);
    }

    private static void assertPlacedOnceEach(Backend backend, String db) throws StoreException {
        try (ArticleStore store = backend.open(db)) {
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

    /** The inputs as {@code publish} reads them, in its order. */
    private static List<RawArticle> rawSample() {
        return new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES).readRaw(inputs, 2).articles();
    }

    private static void publish(String topic, List<RawArticle> articles) throws Exception {
        try (ArticlePublisher publisher = new ArticlePublisher(broker.bootstrapServers(), topic)) {
            publisher.publish(articles);
        }
    }

    private static void publish(String topic) {
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("publish"));
        args.addAll(inputs);
        args.addAll(List.of("--kafka", broker.bootstrapServers(), "--topic", topic));
        int code = StorylensCli.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute(args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
    }

    private static int placedCount(Set<Set<String>> stories) {
        return stories.stream().mapToInt(Set::size).sum();
    }

    /**
     * Waits until the store's stories hold {@code expected} articles (then, when {@code settle}, a second more: an
     * article placed twice would show); returns how many they hold.
     */
    private static int awaitPlaced(Backend backend, String db, int expected, Duration timeout, boolean settle)
            throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        int placed = 0;
        while (System.nanoTime() < until) {
            if (!Stores.isMissingFile(db)) {
                try (ArticleStore store = backend.open(db)) {
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
