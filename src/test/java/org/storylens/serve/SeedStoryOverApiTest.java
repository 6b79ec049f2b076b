package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.clean.Article;
import org.storylens.pipeline.SeedArticles;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SeedStoryOverApiTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void seedsPostedAsJsonLinesBecomeOneStoryWhoseBriefKeepsTheContract(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            StringBuilder lines = new StringBuilder();
            for (Article a : SeedArticles.cleaned().articles()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", a.id());
                line.put("title", a.title());
                line.put("text", a.text());
                line.put("publishedAt", a.publishedAt());
                line.put("outlet", a.outlet());
                lines.append(json.writeValueAsString(line)).append('\n');
            }
            HttpResponse<String> posted = server.postArticles(lines.toString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            JsonNode placed = json.readTree(posted.body()).get("articles");
            assertThat(placed).hasSize(5);
            List<String> storyIds = new ArrayList<>();
            placed.forEach(p -> storyIds.add(p.get("storyId").asText()));
            assertThat(storyIds).as("every seed in one story").containsOnly(storyIds.get(0));

            HttpResponse<String> brief = server.get("/api/stories/" + storyIds.get(0));
            assertThat(brief.statusCode()).isEqualTo(200);
            JsonNode story = json.readTree(brief.body()).get("stories").get(0);
            assertThat(story.get("articles")).hasSize(5);
            for (String field : List.of("id", "title", "articles", "summary", "entities", "timeline", "quotes",
                    "numbers", "claims")) {
                assertThat(story.has(field)).as(field).isTrue();
            }
            assertThat(story.get("summary").size()).isBetween(3, 8);
        }
    }
}
