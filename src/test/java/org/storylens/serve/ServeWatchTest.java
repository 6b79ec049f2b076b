package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.ingest.LoopbackSite;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ServeWatchTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private JsonNode get(ServeProcess serve, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(serve.url().resolve(path))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void serveWithWatchTakesInTheArticlesOfAFeedOnLoopbackAndServesTheirStories() throws Exception {
        String feed;
        try (InputStream in = getClass().getResourceAsStream("/org/storylens/demo/brannsk-herald-feed.xml")) {
            feed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (LoopbackSite site = new LoopbackSite().page("/feed.xml", "application/rss+xml", feed)) {
            ServeProcess serve = ServeProcess.start(dir.resolve("w.db"), dir.resolve("serve.log"),
                    "--watch", site.url("/feed.xml"), "--every", "10s", "--allow-private");
            try {
                int articles = 0;
                int inStories = 0;
                // the first round starts at once; the feed's three entries carry their text. They are stored first,
                // then analysed and assigned to stories
                for (int i = 0; i < 900 && (articles < 3 || inStories < 3); i++) {
                    Thread.sleep(200);
                    articles = get(serve, "/api/health").get("articles").asInt();
                    inStories = 0;
                    for (JsonNode s : get(serve, "/api/stories").get("stories")) {
                        inStories += s.get("articles").asInt();
                    }
                }
                assertThat(articles).isEqualTo(3);
                assertThat(inStories).as("every article taken in is in a story").isEqualTo(3);
                assertThat(site.requests("/robots.txt")).as("robots.txt asked first").isNotEmpty();
            } finally {
                serve.process().destroyForcibly().waitFor();
            }
        }
    }
}
