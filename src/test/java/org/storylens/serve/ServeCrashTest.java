package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code storylens serve} in a child JVM killed with SIGKILL while a batch POST is being analysed: every article it
 * acknowledged before is stored and in a story, the batch in flight is stored whole or not at all, the database is
 * intact, and a restart places whatever the killed run stored but did not assign.
 */
class ServeCrashTest {

    private static final String[] PLACES = {"Meravik", "Port Aldery", "Dunhelm", "Castavia", "Orlen", "Brannsk"};
    private static final String[] PEOPLE = {"Anna Kowalski", "Tomas Brenner", "Leila Haddad", "Piet Vos",
            "Mara Olsen", "Jon Ferreira"};

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A child JVM running {@code storylens serve} and the address it printed. */
    private String articles(String prefix, int count) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String place = PLACES[i % PLACES.length];
            String person = PEOPLE[(i / PLACES.length + i) % PEOPLE.length];
            int people = 100 + 37 * i;
            String text = person + ", the mayor of " + place + ", said on Monday that " + people + " residents of the "
                    + prefix + " district number " + i + " would be moved while engineers repair a damaged bridge. "
                    + "\"We expect the work to take " + (i + 2) + " weeks,\" " + person + " told local radio. "
                    + "The regional council will meet on 14 March to approve " + (i + 1) * 3 + " million in funding "
                    + "for the " + prefix + " repairs, officials in " + place + " said.";
            lines.append(json.writeValueAsString(Map.of("id", prefix + "-" + i, "title", place + " moves " + people
                    + " residents for " + prefix + " bridge repair " + i, "publishedAt", "2025-03-10",
                    "text", text))).append('\n');
        }
        return lines.toString();
    }

    private HttpRequest post(ServeProcess child, String token, String body) {
        return HttpRequest.newBuilder(child.url().resolve("/api/articles")).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static int stored(Connection db, String idPrefix) throws Exception {
        try (PreparedStatement p = db.prepareStatement("SELECT count(*) FROM articles WHERE id LIKE ?")) {
            p.setString(1, idPrefix + "-%");
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    @Test
    void killDuringABatchPostLosesNoAcknowledgedArticle(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("crash.db");
        Path log = dir.resolve("serve.log");
        ServeProcess first = ServeProcess.start(db, log);
        String token = Files.readString(dir.resolve("crash.db.token")).strip();
        List<String> acknowledged = new ArrayList<>();
        int inFlight = 16;
        try {
            HttpResponse<String> a = http.send(post(first, token, articles("alpha", 4)),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
            json.readTree(a.body()).get("articles").forEach(p -> acknowledged.add(p.get("articleId").asText()));
            assertThat(acknowledged).hasSize(4);

            CompletableFuture<HttpResponse<String>> b = http.sendAsync(post(first, token, articles("bravo", inFlight)),
                    HttpResponse.BodyHandlers.ofString());
            try (Connection watch = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                // the batch is committed before it is analysed: kill it there, between storing and assigning
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (stored(watch, "bravo") == 0 && !b.isDone() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(b.isDone()).as("the batch is still being handled when the server is killed").isFalse();
            }
        } finally {
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        int bravo;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("ok");
            }
            for (String id : acknowledged) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM story_articles WHERE article_id = '" + id
                        + "'")) {
                    assertThat(r.getInt(1)).as(id + " acknowledged, so stored and in a story").isEqualTo(1);
                }
            }
            bravo = stored(c, "bravo");
            assertThat(bravo).as("the batch in flight is stored whole or not at all").isIn(0, inFlight);
        }

        ServeProcess second = ServeProcess.start(db, log);
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(second.url().resolve("/api/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(json.readTree(health.body()).get("articles").asInt()).isEqualTo(4 + bravo);
            // the restarted server answers at once and places what the killed run left behind it
            JsonNode recovery = json.readTree(health.body()).get("recovery");
            for (long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                 recovery.get("running").asBoolean() && System.nanoTime() < deadline; ) {
                Thread.sleep(500);
                recovery = json.readTree(http.send(HttpRequest.newBuilder(second.url().resolve("/api/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body()).get("recovery");
            }
            assertThat(recovery.get("running").asBoolean()).as("recovery finished: " + recovery).isFalse();
            assertThat(recovery.get("failed").asInt()).as(recovery.toString()).isZero();
            List<String> all = new ArrayList<>(acknowledged);
            for (int i = 0; i < bravo; i++) {
                all.add("bravo-" + i);
            }
            for (String id : all) {
                HttpResponse<String> article = http.send(HttpRequest.newBuilder(second.url().resolve("/api/articles/"
                        + id)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(article.statusCode()).as(id).isEqualTo(200);
                JsonNode storyId = json.readTree(article.body()).get("storyId");
                assertThat(storyId.isTextual()).as(id + " is in a story after the restart").isTrue();
            }
        } finally {
            second.process().destroy();
            if (!second.process().waitFor(30, TimeUnit.SECONDS)) {
                second.process().destroyForcibly();
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            assertThat(r.getString(1)).isEqualTo("ok");
        }
    }
}
