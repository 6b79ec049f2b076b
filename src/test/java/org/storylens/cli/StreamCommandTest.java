package org.storylens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.serve.ServerOptions;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoredStory;
import org.storylens.store.Stores;
import org.storylens.store.TestPostgres;
import org.storylens.stream.LocalKafkaBroker;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code storylens stream} itself, run through its command line in this JVM against a real KRaft broker and the test
 * JVM's embedded PostgreSQL, then {@code serve --db postgresql://...} over what it stored.
 */
class StreamCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static LocalKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalKafkaBroker.start(work.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theStreamCommandPlacesThePublishedDemoInPostgresqlAndServeShowsItsStories() throws Exception {
        Path samples = DemoCommand.extractSamples(work.resolve("samples"));
        broker.createTopic("demo.raw", 1);
        CliRun publish = CliRun.of("publish", samples.toString(), "--kafka", broker.bootstrapServers(),
                "--topic", "demo.raw");
        assertThat(publish.exitCode()).as(publish.err()).isZero();
        String db = TestPostgres.newDatabase();

        AtomicReference<CliRun> stream = new AtomicReference<>();
        Thread running = new Thread(() -> stream.set(CliRun.of("stream", "--kafka", broker.bootstrapServers(),
                "--topic", "demo.raw", "--db", db, "--parallelism", "2", "--order-wait", "5000")), "stream-command");
        running.start();
        int placed;
        try {
            placed = awaitPlaced(db, 12, Duration.ofMinutes(4));
        } finally {
            running.interrupt();
            running.join(Duration.ofMinutes(2).toMillis());
        }
        assertThat(running.isAlive()).as("the stream command stopped when interrupted").isFalse();
        assertThat(stream.get().exitCode()).as(stream.get().err()).isZero();
        assertThat(stream.get().out()).contains("running: " + broker.bootstrapServers() + " topic demo.raw")
                .contains("parallelism 2").containsPattern("stream job \\w+ stopped");
        assertThat(placed).isEqualTo(12);

        List<String> storedIds = new ArrayList<>();
        try (ArticleStore store = Stores.open(db)) {
            assertThat(store.count()).isEqualTo(12);
            List<StoredStory> stories = store.stories();
            // the six dam reports are the largest story, as the demo's ingest makes it
            assertThat(stories.get(0).articles()).isEqualTo(6);
            stories.forEach(s -> storedIds.add(s.id()));
        }
        StringWriter err = new StringWriter();
        try (ServerRun run = ServerRun.start(db, work.resolve("pg"), ServerOptions.onPort(0), 2,
                new PrintWriter(err, true))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    run.server().url().resolve(URI.create("/api/stories?limit=100"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode listed = JSON.readTree(response.body());
            assertThat(listed.get("total").asInt()).isEqualTo(storedIds.size());
            List<String> servedIds = new ArrayList<>();
            listed.get("stories").forEach(s -> servedIds.add(s.get("id").asText()));
            assertThat(servedIds).containsExactlyInAnyOrderElementsOf(storedIds);
            assertThat(response.body()).contains("Sola dam");
        }
    }

    private static int awaitPlaced(String db, int expected, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        int placed = 0;
        while (System.nanoTime() < until) {
            try (ArticleStore store = Stores.open(db)) {
                placed = store.stories().stream().mapToInt(StoredStory::articles).sum();
            }
            if (placed >= expected) {
                return placed;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the stream command placed " + placed + " of " + expected + " in " + timeout);
    }
}
