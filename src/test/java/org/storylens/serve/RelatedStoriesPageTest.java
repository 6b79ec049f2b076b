package org.storylens.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story page's related stories, served: the demo's dam report and the same minister's rail plan; read on a phone
 * in Chromium as well.
 */
class RelatedStoriesPageTest {

    private static final String RAIL = """
            Brenne unveils 2.4bn-crown plan to electrify Orlen rail line

            Infrastructure Minister Halvard Brenne on Monday presented a 2.4 billion crown plan to electrify the \
            260-kilometre Orlen rail line, the last major diesel-only route in Veldania, by 2031.

            The single-track line runs from Brannsk through Meravik to the northern border crossing at Halsted and \
            carries about 1.8 million passengers a year, as well as timber and ore freight.

            "For fifty years the north has been told it is next in line. Now it is first in line," Brenne told \
            reporters at Brannsk Central station, standing next to Prime Minister Aleksi Varga.
            """;

    private final ObjectMapper json = new ObjectMapper();

    private String line(String id, String text, String outlet, String date) throws Exception {
        return json.writeValueAsString(Map.of("id", id, "text", text, "outlet", outlet, "publishedAt", date)) + "\n";
    }

    @Test
    void theDamStoryPageLinksTheMinistersRailPlan(@TempDir Path dir) throws Exception {
        String dam;
        try (InputStream in = getClass().getResourceAsStream("/org/storylens/demo/dailypost-dam-spillway-wire.txt")) {
            dam = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (TestServer server = TestServer.start(dir)) {
            var posted = server.postArticles(line("rail", RAIL, "The Brannsk Herald", "2025-03-10")
                    + line("dam", dam, "Westbridge Daily Post", "2025-03-11"));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            var articles = json.readTree(posted.body()).get("articles");
            String railStory = articles.get(0).get("storyId").asText();
            String damStory = articles.get(1).get("storyId").asText();
            assertThat(damStory).isNotEqualTo(railStory);

            Document page = Jsoup.parse(server.get("/stories/" + damStory).body());
            assertThat(page.select("section.related-stories li > a").eachAttr("href"))
                    .containsExactly("/stories/" + railStory);
            assertThat(page.selectFirst("section.related-stories p.shared").text()).contains("Halvard Brenne");
            assertThat(Jsoup.parse(server.get("/stories/" + railStory).body())
                    .select("section.related-stories li > a").eachAttr("href")).containsExactly("/stories/" + damStory);

            // on a phone: no horizontal scroll, the related links and the stories list (with its leads) 44 px tall
            try (HeadlessChromium chromium = HeadlessChromium.start()) {
                ChromeDriver browser = chromium.driver();
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                        "deviceScaleFactor", 1, "mobile", true));
                browser.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true,
                        "maxTouchPoints", 5));
                for (String path : new String[]{"/stories/" + damStory, "/"}) {
                    browser.get(server.url(path).toString());
                    new WebDriverWait(browser, Duration.ofMinutes(2))
                            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("footer.site")));
                    assertThat(((Number) chromium.script("return document.documentElement.scrollWidth")).doubleValue())
                            .as("document width of " + path).isLessThanOrEqualTo(390);
                    Object small = chromium.script("""
                            return [...document.querySelectorAll('section.related-stories a, li.story-item a')]
                              .map(e => e.getBoundingClientRect())
                              .filter(r => r.width > 0 && (r.width < 43.5 || r.height < 43.5))
                              .map(r => Math.round(r.width) + 'x' + Math.round(r.height));""");
                    assertThat((List<?>) small).as("small tap targets on " + path).isEmpty();
                }
                assertThat(browser.findElements(By.cssSelector("li.story-item p.lead"))).hasSize(2);
            }
        }
    }

    @Test
    void aRelatedStoryPostedAfterThePageWasServedIsLinkedOnTheNextRequest(@TempDir Path dir) throws Exception {
        String dam;
        try (InputStream in = getClass().getResourceAsStream("/org/storylens/demo/dailypost-dam-spillway-wire.txt")) {
            dam = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (TestServer server = TestServer.start(dir)) {
            var first = server.postArticles(line("dam", dam, "Westbridge Daily Post", "2025-03-11"));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            String damStory = json.readTree(first.body()).get("articles").get(0).get("storyId").asText();
            assertThat(Jsoup.parse(server.get("/stories/" + damStory).body())
                    .select("section.related-stories li > a")).isEmpty();

            // the rail plan opens a story of its own: the same server's next answer for the dam links it
            var second = server.postArticles(line("rail", RAIL, "The Brannsk Herald", "2025-03-10"));
            assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
            String railStory = json.readTree(second.body()).get("articles").get(0).get("storyId").asText();
            assertThat(railStory).isNotEqualTo(damStory);
            Document page = Jsoup.parse(server.get("/stories/" + damStory).body());
            assertThat(page.select("section.related-stories li > a").eachAttr("href"))
                    .containsExactly("/stories/" + railStory);
            assertThat(page.selectFirst("section.related-stories p.shared").text()).contains("Halvard Brenne");
        }
    }
}
