package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GrowingStoryBriefTest {

    private final ObjectMapper json = new ObjectMapper();

    /** One JSON Lines line for a demo sample text file: its first line the title, the rest the text. */
    private String line(String name, String outlet, String date) throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/org/storylens/demo/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return json.writeValueAsString(java.util.Map.of("id", name.replace(".txt", ""), "text", text,
                "outlet", outlet, "publishedAt", date)) + "\n";
    }

    private int briefArticles(TestServer server, String storyId) throws Exception {
        HttpResponse<String> brief = server.get("/api/stories/" + storyId);
        assertThat(brief.statusCode()).isEqualTo(200);
        return json.readTree(brief.body()).get("stories").get(0).get("articles").size();
    }

    @Test
    void aStoryThatGrewAnswersWithItsEarlierBriefUntilTheNewOneIsWritten() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            JsonNode first = json.readTree(server.postArticles(
                    line("dailypost-dam-spillway-wire.txt", "Westbridge Daily Post", "2025-03-11")).body());
            String storyId = first.get("articles").get(0).get("storyId").asText();
            assertThat(briefArticles(server, storyId)).isEqualTo(1);

            JsonNode second = json.readTree(server.postArticles(
                    line("dagposten-english-meravik.txt", "Dagposten", "2025-03-12")).body());
            assertThat(second.get("articles").get(0).get("storyId").asText()).isEqualTo(storyId);

            // the new brief is being written in the background: until then readers get the one-article brief
            int seen = briefArticles(server, storyId);
            assertThat(seen).isIn(1, 2);
            for (int i = 0; i < 600 && seen < 2; i++) {
                Thread.sleep(200);
                seen = briefArticles(server, storyId);
            }
            assertThat(seen).as("the brief written in the background holds both articles").isEqualTo(2);
        }
    }

    @TempDir
    Path dir;
}
