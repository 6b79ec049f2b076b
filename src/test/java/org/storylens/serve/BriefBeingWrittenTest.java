package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A story whose brief was never written answers at once with a page (and an API answer) saying it is being written,
 * while the brief is written in the background and kept in the store, where a restarted server finds it.
 */
class BriefBeingWrittenTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    /** One JSON Lines line for a demo sample text file: its first line the title, the rest the text. */
    private String line(String name, String outlet, String date) throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/org/storylens/demo/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] titleAndText = text.split("\n", 2);
        return json.writeValueAsString(java.util.Map.of("id", name.replace(".txt", ""), "title", titleAndText[0],
                "text", titleAndText[1].strip(), "outlet", outlet, "publishedAt", date)) + "\n";
    }

    private static TestServer answeringAtOnce(Path dir) throws Exception {
        return TestServer.start(dir, ServerOptions.onPort(0), Duration.ZERO);
    }

    /** The brief's JSON once the background writer has written it (asked again as Retry-After says). */
    private JsonNode writtenBrief(TestServer server, String storyId) throws Exception {
        for (int i = 0; i < 400; i++) {
            HttpResponse<String> answer = server.get("/api/stories/" + storyId);
            if (answer.statusCode() == 200) {
                return json.readTree(answer.body());
            }
            assertThat(answer.statusCode()).isEqualTo(202);
            Thread.sleep(500);
        }
        throw new AssertionError("the brief of " + storyId + " was not written in 200 s");
    }

    @Test
    void aStoryNeverBriefedAnswersWithABeingWrittenPageThatRefreshesItselfThenWithItsBrief() throws Exception {
        try (TestServer server = answeringAtOnce(dir)) {
            JsonNode posted = json.readTree(server.postArticles(
                    line("dailypost-dam-spillway-wire.txt", "Westbridge Daily Post", "2025-03-11")).body());
            String storyId = posted.get("articles").get(0).get("storyId").asText();
            String articleId = posted.get("articles").get(0).get("articleId").asText();

            HttpResponse<String> first = server.get("/stories/" + storyId);
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/html"));
            Document page = Jsoup.parse(first.body());
            assertThat(page.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("3");
            assertThat(page.selectFirst("main").hasClass("brief-being-written")).isTrue();
            assertThat(page.selectFirst("h1").text()).containsIgnoringCase("spillway");
            assertThat(page.selectFirst("[role=status]").text())
                    .contains("The brief of this story is being written").contains("1 article ");
            assertThat(page.select("ol.being-written-articles a").attr("href"))
                    .isEqualTo("/articles/" + articleId);

            HttpResponse<String> api = server.get("/api/stories/" + storyId);
            assertThat(api.statusCode()).isEqualTo(202);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("3");
            JsonNode pending = json.readTree(api.body());
            assertThat(pending.get("status").asText()).isEqualTo("being written");
            assertThat(pending.get("id").asText()).isEqualTo(storyId);
            assertThat(pending.get("articles").asInt()).isEqualTo(1);

            HttpResponse<String> feed = server.get("/stories/" + storyId + "/feed.atom");
            assertThat(feed.statusCode()).as("the story's feed does not wait for its first brief").isEqualTo(202);
            assertThat(feed.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(feed.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
            assertThat(feed.body()).contains("/articles/" + articleId).contains("being written")
                    .containsIgnoringCase("spillway");

            JsonNode brief = writtenBrief(server, storyId);
            assertThat(brief.get("stories").get(0).get("articles")).hasSize(1);
            HttpResponse<String> later = server.get("/stories/" + storyId);
            assertThat(later.statusCode()).isEqualTo(200);
            Document briefPage = Jsoup.parse(later.body());
            assertThat(briefPage.select("meta[http-equiv=refresh]")).isEmpty();
            assertThat(briefPage.select("main.brief-being-written")).isEmpty();
            assertThat(briefPage.select("#summary, .s-summary, section")).isNotEmpty();
        }
    }

    @Test
    void aRestartedServerServesTheKeptBriefAtOnceAndTheKeptOlderOneWhileAGrownStoryIsBriefedAgain()
            throws Exception {
        String storyId;
        String writtenAt;
        try (TestServer server = answeringAtOnce(dir)) {
            JsonNode posted = json.readTree(server.postArticles(
                    line("dailypost-dam-spillway-wire.txt", "Westbridge Daily Post", "2025-03-11")).body());
            storyId = posted.get("articles").get(0).get("storyId").asText();
            writtenAt = writtenBrief(server, storyId).get("generatedAt").asText();
        }
        try (TestServer restarted = answeringAtOnce(dir)) {
            HttpResponse<String> first = restarted.get("/api/stories/" + storyId);
            assertThat(first.statusCode()).as("the kept brief, read back").isEqualTo(200);
            assertThat(json.readTree(first.body()).get("generatedAt").asText())
                    .as("not written again").isEqualTo(writtenAt);
            assertThat(restarted.get("/stories/" + storyId).statusCode()).isEqualTo(200);

            JsonNode second = json.readTree(restarted.postArticles(
                    line("dagposten-english-meravik.txt", "Dagposten", "2025-03-12")).body());
            assertThat(second.get("articles").get(0).get("storyId").asText()).isEqualTo(storyId);
            HttpResponse<String> grown = restarted.get("/api/stories/" + storyId);
            assertThat(grown.statusCode()).as("the earlier brief while the new one is written").isEqualTo(200);
            int seen = json.readTree(grown.body()).get("stories").get(0).get("articles").size();
            assertThat(seen).isIn(1, 2);
            for (int i = 0; i < 400 && seen < 2; i++) {
                Thread.sleep(500);
                seen = json.readTree(restarted.get("/api/stories/" + storyId).body())
                        .get("stories").get(0).get("articles").size();
            }
            assertThat(seen).as("the brief written in the background holds both articles").isEqualTo(2);
            assertThat(restarted.store().brief(storyId)).hasValueSatisfying(b -> assertThat(b.articles()).isEqualTo(2));
        }
    }
}
