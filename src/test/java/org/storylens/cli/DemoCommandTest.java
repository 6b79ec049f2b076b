package org.storylens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void ingestsTheBundledSamplesAndShowsWhatItFound() throws Exception {
        CliRun demo = CliRun.of("demo", "--dir", dir.toString(), "--no-serve");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("0 failed").contains("12 articles")
                .contains("12 articles assigned to stories").contains("stories, 12 articles")
                .contains("./storylens stories --db");
        assertThat(demo.err()).doesNotContain("error:");

        CliRun listed = CliRun.of("articles", "--db", dir.resolve("demo.db").toString(), "--format", "json",
                "--details");
        JsonNode articles = new ObjectMapper().readTree(listed.out()).get("articles");
        Map<String, JsonNode> byId = new HashMap<>();
        articles.forEach(a -> byId.put(a.get("id").asText(), a));

        // every sample has an outlet, a date and text free of the debris it carried
        assertThat(articles).allSatisfy(a -> {
            assertThat(a.get("outlet").isNull()).as(a.get("id").asText()).isFalse();
            assertThat(a.get("publishedAt").isNull()).as(a.get("id").asText()).isFalse();
            assertThat(a.get("text").asText()).doesNotContain("Leave a Reply", "Get it on Google Play",
                    "Send this to a friend", "min read");
        });
        // the text report dated only "March 11th" gets its year from the others, marked as inferred
        JsonNode wireCopy = byId.get("dailypost-dam-spillway-wire");
        assertThat(wireCopy.get("publishedAt").asText()).isEqualTo("2025-03-11");
        assertThat(wireCopy.at("/details/published/yearInferred").asBoolean()).isTrue();
        assertThat(wireCopy.get("wire").asText()).isEqualTo("Meridian News Agency");
        assertThat(wireCopy.get("outlet").asText()).isEqualTo("Westbridge Daily Post");
        assertThat(wireCopy.get("removedBoilerplate").toString()).contains("Stay tuned with Westbridge Daily Post");

        // the six dam reports are the largest story, and the rail plan of the same minister the day before is not in it
        CliRun stories = CliRun.of("stories", "--db", dir.resolve("demo.db").toString(), "--format", "json");
        JsonNode largest = new ObjectMapper().readTree(stories.out()).get("stories").get(0);
        assertThat(largest.get("articles").asInt()).isEqualTo(6);
        assertThat(largest.get("title").asText()).doesNotContain("rail");
        assertThat(largest.get("firstPublished").asText()).startsWith("2025-03-11");
    }
}
