package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.ingest.Limits;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/articles with hostile articles generated here: each answers 201, 207 or 400 with a failure per article
 * that names its line, never 500, and the server then takes the next normal article into a story.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileArticlePostTest {

    private static final String NORMAL_TEXT = "The spillway of the Lower Sola dam near Meravik collapsed on Tuesday, "
            + "releasing water into the Sola river, and about 1,200 people were evacuated, governor Ilse Varga said.";

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TestServer server;
    private int normalArticles;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(dir);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private ObjectNode article(String title, String text) {
        ObjectNode a = json.createObjectNode();
        a.put("title", title);
        a.put("text", text);
        a.put("outlet", "Meravik Times");
        a.put("publishedAt", "2025-03-12");
        return a;
    }

    /** A normal report, different each time. */
    private ObjectNode normal() {
        normalArticles++;
        return article("Sola dam report " + normalArticles, NORMAL_TEXT + " Update number " + normalArticles
                + " followed at noon.");
    }

    private static String deeplyNested(int depth) {
        return "<div>".repeat(depth) + "<p>" + NORMAL_TEXT + "</p>" + "</div>".repeat(depth);
    }

    /** Hostile articles of every kind, each one JSON Lines line (or raw bytes where JSON cannot carry it). */
    private Map<String, byte[]> hostileBodies() throws Exception {
        Random random = new Random(12);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("huge token", line(article("One long word", NORMAL_TEXT + " "
                + "x".repeat(Limits.MAX_TOKEN_CHARS * 15))));
        bodies.put("huge token in the title", line(article("t".repeat(Limits.MAX_TOKEN_CHARS * 10), NORMAL_TEXT
                + " A second sentence.")));
        bodies.put("HTML nested 100,000 deep", line(article("Deep markup", deeplyNested(100_000))));
        bodies.put("HTML opened 50,000 times, never closed", line(article("Open markup",
                "<b><i>".repeat(25_000) + NORMAL_TEXT)));
        StringBuilder controls = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            controls.appendCodePoint(random.nextInt(3) == 0 ? 0x80 + random.nextInt(32) : random.nextInt(32))
                    .append(i % 7 == 0 ? "\u202e\u2066" : " word");
        }
        bodies.put("control characters", line(article("Dam\u001b[31m collapse\u202e\u0007",
                NORMAL_TEXT + controls)));
        bodies.put("lone surrogates", line(article("Dam \ud800 report", NORMAL_TEXT + " \udc00\ud83d end.")));
        byte[] binary = new byte[2_000];
        random.nextBytes(binary);
        bodies.put("binary", binary);
        bodies.put("Latin-1", ("{\"title\": \"Caf\u00e9 dam\", \"text\": \"" + NORMAL_TEXT + " caf\u00e9\"}")
                .getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes("{\"text\": \"".getBytes(StandardCharsets.UTF_8));
        overlong.write(new byte[] {(byte) 0xc0, (byte) 0xaf, (byte) 0xed, (byte) 0xa0, (byte) 0x80});
        overlong.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        bodies.put("overlong and surrogate UTF-8", overlong.toByteArray());
        bodies.put("wrong field types", String.join("\n",
                "{\"title\": 5, \"text\": [\"a\", \"b\"]}",
                "{\"title\": {\"x\": 1}, \"text\": \"" + NORMAL_TEXT + " Types one.\", \"publishedAt\": 12345}",
                "{\"text\": \"" + NORMAL_TEXT + " Types two.\", \"outlet\": [\"a\"], \"url\": 7, \"language\": true, "
                        + "\"publishedAt\": \"not a date\"}",
                "{\"text\": null}", "[1, 2, 3]", "\"just a string\"", "{\"text\": {\"nested\": \"object\"}}")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("truncated", line(article("Cut", NORMAL_TEXT)).length > 40
                ? java.util.Arrays.copyOf(line(article("Cut", NORMAL_TEXT)), 40) : new byte[0]);
        return bodies;
    }

    private byte[] line(ObjectNode article) throws Exception {
        return json.writeValueAsBytes(article);
    }

    /** The answer, checked: never 500, and every failure names its line and a reason. */
    private JsonNode posted(String what, byte[] body) throws Exception {
        HttpResponse<String> answer = server.postArticles("application/x-ndjson", body);
        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isIn(201, 207, 400);
        JsonNode result = json.readTree(answer.body());
        assertThat(result.get("error") == null || !result.get("error").asText().isBlank()).as(what).isTrue();
        if (answer.statusCode() != 201 && result.has("failures")) {
            for (JsonNode f : result.get("failures")) {
                assertThat(f.get("reason").asText()).as(what).isNotBlank();
            }
        }
        return result;
    }

    /** The next normal article is stored and placed in a story. */
    private void nextNormalArticleIsPlaced(String after) throws Exception {
        HttpResponse<String> answer = server.postArticles("application/x-ndjson", line(normal()));
        assertThat(answer.statusCode()).as("after " + after + ": " + answer.body()).isEqualTo(201);
        assertThat(json.readTree(answer.body()).get("articles").get(0).get("storyId").isTextual())
                .as("after " + after).isTrue();
    }

    @Test
    @Order(1)
    void everyHostileArticleGetsAnAnswerNeverA500AndTheNextArticleIsPlaced() throws Exception {
        for (Map.Entry<String, byte[]> hostile : hostileBodies().entrySet()) {
            JsonNode result = posted(hostile.getKey(), hostile.getValue());
            nextNormalArticleIsPlaced(hostile.getKey());
            // what was accepted is served: its page and its API answer
            for (JsonNode placed : result.path("articles")) {
                String id = placed.get("articleId").asText();
                for (String path : List.of("/api/articles/" + id, "/articles/" + id)) {
                    HttpResponse<String> served = server.get(path);
                    assertThat(served.statusCode()).as(hostile.getKey() + ": " + path).isEqualTo(200);
                }
            }
        }
        HttpResponse<String> health = server.get("/api/health");
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void anArticleThatBreaksProcessingFailsAloneInItsBatch() throws Exception {
        List<byte[]> lines = new ArrayList<>(List.of(line(normal()), line(article("Deep markup again",
                deeplyNested(100_000) + " again")), line(normal())));
        byte[] body = String.join("\n", lines.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList())
                .getBytes(StandardCharsets.UTF_8);
        JsonNode result = posted("a batch with deep markup on line 2", body);
        int accepted = result.get("accepted").asInt();
        if (accepted == 2) {
            // the deep markup was refused (or flattened and kept as the others' duplicate): line 2 is named
            assertThat(result.get("failures")).allSatisfy(f -> assertThat(f.get("line").asInt()).isEqualTo(2));
        } else {
            assertThat(accepted).as(result.toString()).isEqualTo(3); // flattened and kept: a fine answer too
        }
        for (JsonNode placed : result.get("articles")) {
            assertThat(placed.get("storyId").isTextual()).as(result.toString()).isTrue();
        }
    }

    @Test
    @Order(3)
    void listingsShowLongTitlesShortenedAndTheArticleKeepsThemWhole() throws Exception {
        StringBuilder title = new StringBuilder("Meravik");
        Random random = new Random(3);
        String[] words = {"dam", "spillway", "river", "evacuation", "governor", "inquiry", "engineers", "cracks"};
        while (title.length() < 5_000) {
            title.append(' ').append(words[random.nextInt(words.length)]);
        }
        ObjectNode a = article(title.toString(), NORMAL_TEXT + " The long headline report.");
        a.put("id", "long-title");
        JsonNode result = posted("a 5,000-character title", line(a));
        assertThat(result.get("accepted").asInt()).isEqualTo(1);
        String storyId = result.get("articles").get(0).get("storyId").asText();

        String kept = json.readTree(server.get("/api/articles/long-title").body()).get("title").asText();
        // the cleaner keeps a title of at most MAX_TITLE_CHARS (cut at a word, marked with …); the listings show less
        assertThat(kept.length()).isGreaterThan(Limits.MAX_LISTED_TITLE_CHARS)
                .isLessThanOrEqualTo(Limits.MAX_TITLE_CHARS + 1);
        assertThat(kept).endsWith("…");
        assertThat(title.toString()).startsWith(kept.substring(0, kept.length() - 1).strip());

        JsonNode listing = json.readTree(server.get("/api/stories?limit=500").body()).get("stories");
        for (JsonNode s : listing) {
            assertThat(s.get("title").asText().length()).isLessThanOrEqualTo(Limits.MAX_LISTED_TITLE_CHARS + 1);
        }
        String home = server.get("/").body();
        assertThat(home).doesNotContain(kept);
        assertThat(Headlines.shown(kept)).endsWith("…").hasSizeLessThanOrEqualTo(Limits.MAX_LISTED_TITLE_CHARS + 1);
        assertThat(kept).startsWith(Headlines.shown(kept).replace("…", ""));
        assertThat(storyId).isNotBlank();
    }
}
