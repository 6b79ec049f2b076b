package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.analyse.AnalysisTier;
import org.storylens.analyse.Annotators;
import org.storylens.clean.Article;
import org.storylens.ingest.Input;
import org.storylens.ingest.JsonLinesReader;
import org.storylens.pipeline.ArticleIntake;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.store.ArticleStore;
import org.storylens.store.SqliteArticleStore;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server started on a database whose articles a stopped run stored but never placed: it answers at once and places
 * them behind itself, reporting its progress at {@code /api/health}, while a POST still gets its turn.
 */
class BackgroundRecoveryTest {

    private static final int LEFT_OVER = 2 * BackgroundRecovery.CHUNK + 20;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Short generated reports of a few invented events, each text different. */
    private List<String> generatedLines(int count) throws Exception {
        String[][] events = {
                {"Sola dam", "spillway collapsed near Meravik", "governor Ilse Varga", "villages were evacuated"},
                {"Port Aldery ferry", "crews went on strike over pay", "union leader Tomas Kell", "passengers waited"},
                {"Quillon", "launched a foldable e-reader in Castrell", "chief executive Lena Sorn", "orders opened"},
                {"Brannsk council", "approved a new tram line", "mayor Oskar Lind", "works start in spring"}};
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] e = events[i % events.length];
            int figure = 100 + random.nextInt(9_000);
            String text = "The " + e[0] + " " + e[1] + " on day " + (i + 1) + " of the month, " + e[2] + " said. "
                    + "About " + figure + " people were affected and " + e[3] + ", report number " + i + " added.";
            lines.add(json.writeValueAsString(Map.of("id", "left-" + i, "title", e[0] + ": report " + i,
                    "text", text, "publishedAt", "2025-03-" + String.format("%02d", 1 + i % 28), "outlet",
                    "Outlet " + (i % 7), "language", "en")));
        }
        return lines;
    }

    private JsonNode get(StorylensServer server, String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.url().resolve(path))
                .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    @Test
    void serverAnswersAtOnceAndPlacesLeftOverArticlesBehindItself() throws Exception {
        Path db = dir.resolve("left.db");
        PipelineFactory factory = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES);
        byte[] body = String.join("\n", generatedLines(LEFT_OVER)).getBytes(StandardCharsets.UTF_8);
        List<Article> articles = factory.pipeline(1).clean(new JsonLinesReader()
                .read(Input.ofBytes("generated.jsonl", body)).articles()).articles();
        assertThat(articles).hasSize(LEFT_OVER);

        List<String> warnings = new CopyOnWriteArrayList<>();
        try (ArticleStore store = SqliteArticleStore.open(db)) {
            // what a run killed between storing and placing leaves behind
            store.addAll(articles);
            assertThat(store.withoutStory()).hasSize(LEFT_OVER);

            ArticleIntake intake = new ArticleIntake(store, factory, factory.storedAnalyses(store,
                    AnalysisTier.INGEST, Annotators.shared(), 2, TestServer.embedder()), TestServer.embedder(), 2);
            FairIntake turns = new FairIntake(intake);
            StoryLibrary library = new StoryLibrary(store, factory.storedAnalyses(store, AnalysisTier.BRIEF,
                    Annotators.brief(), 2, TestServer.embedder()), factory.briefWriter(TestServer.embedder()), 16);
            BackgroundRecovery recovery = new BackgroundRecovery(store, turns, warnings::add, () -> { });
            AccessToken token = AccessToken.besideDatabase(db);
            StorylensServer server = new StorylensServer(library, turns, recovery::progress, token,
                    ServerOptions.onPort(0), new PrintStream(System.err, true, StandardCharsets.UTF_8)).start();
            try {
                // while the recovery cannot get the intake (as while it analyses a long chunk), reads are answered
                synchronized (intake) {
                    assertThat(recovery.start()).isEqualTo(LEFT_OVER);
                    JsonNode health = get(server, "/api/health");
                    assertThat(health.get("articles").asInt()).isEqualTo(LEFT_OVER);
                    assertThat(health.get("recovery").get("running").asBoolean()).isTrue();
                    assertThat(health.get("recovery").get("pending").asInt()).isEqualTo(LEFT_OVER);
                    assertThat(health.get("recovery").get("placed").asInt()).isZero();
                    HttpResponse<String> home = http.send(HttpRequest.newBuilder(server.url()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(home.statusCode()).isEqualTo(200);
                    assertThat(get(server, "/api/articles/left-0").get("storyId").isNull()).isTrue();
                }

                // a POST during the recovery takes its turn between chunks and is placed
                String fresh = json.writeValueAsString(Map.of("id", "fresh-1", "title", "Sola dam inquiry opens",
                        "text", "An inquiry into the collapse of the Sola dam spillway near Meravik opened on "
                                + "Friday, governor Ilse Varga said, as 1,850 people remained evacuated.",
                        "publishedAt", "2025-03-14", "outlet", "Meravik Times"));
                HttpResponse<String> posted = http.send(HttpRequest.newBuilder(server.url().resolve("/api/articles"))
                        .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token.value())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(fresh))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
                assertThat(json.readTree(posted.body()).get("articles").get(0).get("storyId").isTextual()).isTrue();

                JsonNode progress = get(server, "/api/health").get("recovery");
                for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
                     progress.get("running").asBoolean() && System.nanoTime() < deadline; ) {
                    Thread.sleep(500);
                    JsonNode next = get(server, "/api/health").get("recovery");
                    assertThat(next.get("pending").asInt()).isLessThanOrEqualTo(progress.get("pending").asInt());
                    progress = next;
                }
                assertThat(progress.get("running").asBoolean()).as("finished: " + progress).isFalse();
                assertThat(progress.get("pending").asInt()).isZero();
                assertThat(progress.get("placed").asInt()).isEqualTo(LEFT_OVER);
                assertThat(progress.get("failed").asInt()).isZero();
                assertThat(warnings).isEmpty();
                assertThat(store.withoutStory()).isEmpty();
                assertThat(get(server, "/api/articles/left-" + (LEFT_OVER - 1)).get("storyId").isTextual()).isTrue();
                assertThat(get(server, "/api/stories").get("total").asInt()).isGreaterThanOrEqualTo(4);
            } finally {
                recovery.close();
                server.close();
                library.close();
            }
        }
    }
}
