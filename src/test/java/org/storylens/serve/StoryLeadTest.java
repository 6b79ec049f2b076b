package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.store.StoryListing;
import org.storylens.store.StoryQuery;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lead sentence of a stories-list row: the latest article's until the brief is written, then the summary's. */
class StoryLeadTest {

    private final ObjectMapper json = new ObjectMapper();

    private String line(String name, String outlet, String date) throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/org/storylens/demo/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return json.writeValueAsString(Map.of("id", name.replace(".txt", ""), "text", text, "outlet", outlet,
                "publishedAt", date)) + "\n";
    }

    @Test
    void eachRowLeadsWithTheLatestArticlesSentenceThenTheBriefsFirstSummarySentence(@TempDir Path dir)
            throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            JsonNode posted = json.readTree(server.postArticles(
                    line("dailypost-dam-spillway-wire.txt", "Westbridge Daily Post", "2025-03-11")
                            + line("dagposten-english-meravik.txt", "Dagposten", "2025-03-12")).body());
            String storyId = posted.get("articles").get(0).get("storyId").asText();
            assertThat(posted.get("articles").get(1).get("storyId").asText()).isEqualTo(storyId);

            // a library that never briefs: the lead is the latest article's first sentence, its dateline skipped
            try (StoryLibrary unbriefed = new StoryLibrary(server.store(), null, null, 1)) {
                StoryListing listed = unbriefed.stories(StoryQuery.all()).get(0);
                assertThat(unbriefed.lead(listed)).startsWith("The number of evacuated persons from Meravik")
                        .hasSizeLessThanOrEqualTo(StoryLibrary.LEAD_CHARS + 1);
            }

            // once the brief is written, the list leads with its first summary sentence
            JsonNode brief = json.readTree(server.get("/api/stories/" + storyId).body()).get("stories").get(0);
            String first = brief.get("summary").get(0).get("text").asText().strip().replaceAll("\\s+", " ");
            String lead = Jsoup.parse(server.get("/").body()).selectFirst("li.story-item p.lead").text();
            assertThat(lead).isEqualTo(ArticleFallbacks.cut(first, StoryLibrary.LEAD_CHARS));
        }
    }
}
