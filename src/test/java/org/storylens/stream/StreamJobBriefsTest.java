package org.storylens.stream;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.MiniLmEmbedder;
import org.storylens.cluster.Story;
import org.storylens.ingest.RawArticle;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.pipeline.StoredAnalyses;
import org.storylens.serve.AccessToken;
import org.storylens.serve.ServerOptions;
import org.storylens.serve.StoryLibrary;
import org.storylens.serve.StorylensServer;
import org.storylens.store.ArticleStore;
import org.storylens.store.Backend;
import org.storylens.store.StoredBrief;
import org.storylens.store.StoredStory;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream job's brief stage with real components in this JVM (a KRaft broker, a Flink MiniCluster of two task
 * managers, the embedded PostgreSQL): once the job has placed the demo sample, every story's brief is kept current in
 * the database, and a server over it answers each story page from the kept brief at once.
 */
class StreamJobBriefsTest {

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

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new KraftBroker();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void keepsTheBriefOfEveryStoryCurrentSoThatServeAnswersItsPageAtOnce() throws Exception {
        String topic = "briefs-postgresql";
        broker.createTopic(topic, 1);
        String samples = DemoSamples.extract(work.resolve("samples")).toString();
        List<RawArticle> raw = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES).readRaw(List.of(samples), 2)
                .articles();
        try (ArticlePublisher publisher = new ArticlePublisher(broker.bootstrapServers(), topic)) {
            publisher.publish(raw);
        }
        String db = Backend.POSTGRESQL.newDatabase(work, topic);
        StreamJob job = new StreamJob(StreamJob.Options.of(broker.bootstrapServers(), StoreOpener.of(db), 2)
                .withTopic(topic).withGroupId(topic).withOrderWait(Duration.ofSeconds(1))
                .withCheckpointInterval(Duration.ofSeconds(2)), BriefKeeping.after(Duration.ofSeconds(1)));
        JobClient client = job.start(StreamExecutionEnvironment.getExecutionEnvironment());
        List<Story> stories;
        try {
            stories = awaitCurrentBriefs(db, raw.size(), Duration.ofMinutes(6));
        } finally {
            client.cancel().get();
        }
        assertThat(stories).as("the demo's stories").hasSizeGreaterThan(1);

        try (ArticleStore store = Backend.POSTGRESQL.open(db)) {
            for (Story story : stories) {
                Optional<StoredBrief> kept = store.brief(story.id());
                assertThat(kept).as("the kept brief of story " + story.id()).isPresent();
                assertThat(kept.get().isCurrentFor(story)).as("story " + story.id() + " of " + story.size()
                        + " articles, its brief of " + kept.get().articles()).isTrue();
                assertThat(kept.get().brief().articles()).as("the articles the brief of " + story.id() + " lists")
                        .hasSize(story.size());
            }
            assertServedFromTheKeptBriefs(store, stories);
        }
    }

    /**
     * A server over the database, set up as {@code serve} sets it up (a reader of a story with no current brief is
     * answered 202 at once, while it is written), except that it cannot analyse at the brief tier: each story page must
     * come from the brief the job kept.
     */
    private static void assertServedFromTheKeptBriefs(ArticleStore store, List<Story> stories) throws Exception {
        PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
        StoredAnalyses noBriefTier = new StoredAnalyses(store, AnalysisTier.BRIEF, () -> {
            throw new AssertionError("the server analysed articles at the brief tier: a brief was not kept");
        });
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(1);
             StoryLibrary library = new StoryLibrary(store, noBriefTier, factory.briefWriter(embedder), 16,
                     Duration.ZERO)) {
            StorylensServer server = new StorylensServer(library,
                    new ArticleIntake(store, factory, embedder, 1),
                    AccessToken.besideDatabase(work.resolve("token")), ServerOptions.onPort(0),
                    new PrintStream(System.err, true, StandardCharsets.UTF_8)).start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                for (Story story : stories) {
                    URI page = server.url()
                            .resolve("/stories/" + URLEncoder.encode(story.id(), StandardCharsets.UTF_8));
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(page)
                            .timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(page + ": " + response.body()).isEqualTo(200);
                    assertThat(response.body()).as(page.toString()).doesNotContain("being written");
                }
            } finally {
                server.close();
            }
        }
    }

    /**
     * Waits until the job has placed {@code articles} articles and every story has a brief kept for it as it is;
     * returns the stories.
     */
    private static List<Story> awaitCurrentBriefs(String db, int articles, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        String state = "nothing placed";
        while (System.nanoTime() < until) {
            try (ArticleStore store = Backend.POSTGRESQL.open(db)) {
                List<Story> stories = new ArrayList<>();
                for (StoredStory listed : store.stories()) {
                    store.story(listed.id()).ifPresent(stories::add);
                }
                int placed = stories.stream().mapToInt(Story::size).sum();
                int current = 0;
                for (Story story : stories) {
                    Optional<StoredBrief> kept = store.brief(story.id());
                    if (kept.isPresent() && kept.get().isCurrentFor(story)) {
                        current++;
                    }
                }
                state = placed + " of " + articles + " articles placed, " + current + " of " + stories.size()
                        + " stories with a current brief";
                if (placed >= articles && current == stories.size()) {
                    return stories;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("after " + timeout + ": " + state);
    }
}
