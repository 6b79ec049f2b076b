package org.storylens.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.brief.ArticleEntry;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.brief.StoryBrief;
import org.storylens.store.StoryListing;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AtomFeedsTest {

    private static final String HOSTILE = "<script>window.pwned=1</script>]]><svg onload=alert(1)>&amp;\u0000\u0007";
    private static final URI BASE = URI.create("http://127.0.0.1:7070/");

    private final ObjectMapper json = new ObjectMapper();

    private static SyndFeed parse(String xml) throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        return feed;
    }

    @Test
    void aStoryFeedListsItsArticlesNewestFirstWithHostileTextKeptAsText() throws Exception {
        StoryBrief brief = new StoryBrief("s 1", "Dam " + HOSTILE, List.of(
                new ArticleEntry("a-1", "Old " + HOSTILE, "Outlet " + HOSTILE, null, "2025-03-11", "en", List.of(), null),
                new ArticleEntry("a-2", null, null, null, "2025-03-13", "en", List.of(), null),
                new ArticleEntry("a-3", "Undated", "Herald", null, null, "en", List.of(), null)),
                3, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        ArticleFallbacks names = new ArticleFallbacks(Map.of("a-2", "courier.example"),
                Map.of("a-2", "The first sentence."));
        String xml = new AtomFeeds().story(brief, names, "updated 2025-03-13 · 3 articles " + HOSTILE, BASE);
        assertThat(xml).doesNotContain("<script>", "<svg", "\u0000");

        SyndFeed feed = parse(xml);
        assertThat(feed.getTitle()).startsWith("Dam <script>window.pwned=1</script>]]><svg onload=alert(1)>&amp;");
        assertThat(feed.getDescription()).startsWith("updated 2025-03-13 · 3 articles <script>");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("The first sentence.",
                "Old <script>window.pwned=1</script>]]><svg onload=alert(1)>&amp;", "Undated");
        SyndEntry newest = feed.getEntries().get(0);
        assertThat(newest.getLink()).isEqualTo("http://127.0.0.1:7070/articles/a-2");
        assertThat(newest.getAuthors().get(0).getName()).isEqualTo("courier.example");
        assertThat(newest.getUpdatedDate().toInstant().toString()).isEqualTo("2025-03-13T00:00:00Z");
        assertThat(feed.getEntries().get(1).getAuthors().get(0).getName()).startsWith("Outlet <script>");
        assertThat(feed.getEntries().get(2).getUpdatedDate()).as("an undated article has the feed's date")
                .isEqualTo(newest.getUpdatedDate());
        assertThat(feed.getLinks()).extracting(l -> l.getRel() + " " + l.getHref()).contains(
                "alternate http://127.0.0.1:7070/stories/s%201", "self http://127.0.0.1:7070/stories/s%201/feed.atom");
    }

    @Test
    void theStoriesFeedHasAnEntryPerStoryWithItsLead() throws Exception {
        List<StoryListing> stories = List.of(
                new StoryListing("s-1", "Dam " + HOSTILE, 6, 4, LocalDate.of(2025, 3, 11), LocalDate.of(2025, 3, 13),
                        "2025-03-13T09:05:00Z", List.of()),
                new StoryListing("s-2", null, 1, 1, null, null, "2025-03-10T08:00:00Z", List.of()));
        Map<String, String> leads = new LinkedHashMap<>();
        leads.put("s-1", "The spillway gave way " + HOSTILE);
        SyndFeed feed = parse(new AtomFeeds().stories(stories, leads, BASE, "/?q=dam", "/stories.atom?q=dam", true));
        assertThat(feed.getTitle()).isEqualTo("Stories matching the filters · storylens");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly(
                "Dam <script>window.pwned=1</script>]]><svg onload=alert(1)>&amp;", "Untitled story");
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getDescription().getValue()).startsWith("The spillway gave way <script>")
                .endsWith("(6 articles, 4 independent sources)");
        assertThat(first.getLink()).isEqualTo("http://127.0.0.1:7070/stories/s-1");
        assertThat(first.getUpdatedDate().toInstant().toString()).isEqualTo("2025-03-13T09:05:00Z");
        assertThat(feed.getLinks()).extracting(l -> l.getRel() + " " + l.getHref()).contains(
                "alternate http://127.0.0.1:7070/?q=dam", "self http://127.0.0.1:7070/stories.atom?q=dam");
    }

    @Test
    void theServerAnswersBothFeedsAndThePagesLinkThem(@TempDir Path dir) throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String lines = json.writeValueAsString(Map.of("id", "dam-1", "title", "Sola dam spillway collapses "
                    + HOSTILE, "outlet", "Herald", "publishedAt", "2025-03-11", "text", "The spillway of the Lower "
                    + "Sola dam collapsed on Tuesday near Meravik, minister Halvard Brenne said. About 1,200 people "
                    + "were evacuated from villages downstream. " + HOSTILE)) + "\n";
            HttpResponse<String> posted = server.postArticles(lines);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            JsonNode article = json.readTree(posted.body()).get("articles").get(0);
            assertThat(article.has("storyId")).as(posted.body()).isTrue();
            String storyId = article.get("storyId").asText();

            HttpResponse<String> storyFeed = server.get("/stories/" + storyId + "/feed.atom");
            assertThat(storyFeed.statusCode()).isEqualTo(200);
            assertThat(storyFeed.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
            assertThat(storyFeed.body()).doesNotContain("<script>", "<svg");
            SyndFeed feed = parse(storyFeed.body());
            assertThat(feed.getEntries()).hasSize(1);
            assertThat(feed.getEntries().get(0).getTitle()).startsWith("Sola dam spillway collapses <script>");
            assertThat(feed.getEntries().get(0).getLink()).endsWith("/articles/" + article.get("articleId").asText());
            assertThat(feed.getDescription()).contains("1 article");

            HttpResponse<String> list = server.get("/stories.atom?q=spillway&from=2025-03-01");
            assertThat(list.statusCode()).isEqualTo(200);
            SyndFeed stories = parse(list.body());
            assertThat(stories.getEntries()).hasSize(1);
            assertThat(stories.getEntries().get(0).getDescription().getValue())
                    .startsWith("The spillway of the Lower Sola dam collapsed on Tuesday");
            assertThat(parse(server.get("/stories.atom?q=football").body()).getEntries()).isEmpty();
            assertThat(server.get("/stories/nope/feed.atom").statusCode()).isEqualTo(404);

            assertThat(Jsoup.parse(server.get("/?q=spillway").body())
                    .selectFirst("link[rel=alternate][type=application/atom+xml]").attr("href"))
                    .isEqualTo("/stories.atom?q=spillway");
            assertThat(Jsoup.parse(server.get("/stories/" + storyId).body())
                    .selectFirst("link[rel=alternate][type=application/atom+xml]").attr("href"))
                    .isEqualTo("/stories/" + storyId + "/feed.atom");
        }
    }
}
