package org.storylens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.cluster.Story;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoredBrief;
import org.storylens.store.StoredStory;
import org.storylens.store.Stores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.storylens.cli.ArticleLines.line;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code brief --format md|html} and {@code --story}, on invented articles: two reports of a ferry strike, one recipe. */
class BriefCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String HOSTILE_TITLE = "Ferry crews walk out <script>alert(1)</script> in Port Aldery";

    private static final List<String> ARTICLES = List.of(
            line("strike-1", HOSTILE_TITLE,
                    "Ferry crews in Port Aldery went on strike on Tuesday, stranding hundreds of passengers on the "
                            + "island routes. The seafarers' union wants a 7 percent pay rise, its leader Tomas "
                            + "Kell told reporters at the terminal.",
                    "2025-03-11", "Aldery Gazette"),
            line("strike-2", "Port Aldery ferry strike enters second day",
                    "The ferry strike in Port Aldery entered its second day on Wednesday as talks between the "
                            + "seafarers' union and the ferry operator broke down. Union leader Tomas Kell said "
                            + "crews would not sail until the 7 percent pay rise was agreed.",
                    "2025-03-12", "Island Post"),
            line("bread-1", "Bakery in Lerin wins national sourdough prize",
                    "A family bakery in the hill town of Lerin won the national sourdough award on Saturday, the "
                            + "judges said, beating 212 entries with a rye loaf baked in a wood oven.",
                    "2025-03-15", "Lerin Weekly"));

    @TempDir
    Path dir;

    private Path input() throws Exception {
        Path p = dir.resolve("in/articles.jsonl");
        Files.createDirectories(p.getParent());
        Files.write(p, ARTICLES);
        return p;
    }

    @Test
    void briefOfPathsAsHtmlIsOneSelfContainedPageOfTheirStories() throws Exception {
        Path page = dir.resolve("brief.html");
        CliRun run = CliRun.of("brief", input().toString(), "--format", "html", "-o", page.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        String html = Files.readString(page);
        Document doc = Jsoup.parse(html);
        assertThat(doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .startsWith("default-src 'none'");
        assertThat(doc.select("script, img, link, iframe")).isEmpty();
        assertThat(html).doesNotContain("<script").doesNotContain("https://");
        assertThat(doc.select("article.story")).hasSize(2);
        // a story is titled by its latest report's headline (issue 13); the hostile one stays text in the article list
        assertThat(doc.select("article.story h1").eachText()).containsExactly(
                "Port Aldery ferry strike enters second day", "Bakery in Lerin wins national sourdough prize");
        assertThat(doc.select("#s1 ol.articles .a-title").eachText()).containsExactly(HOSTILE_TITLE,
                "Port Aldery ferry strike enters second day");
        assertThat(doc.select("#s1 .s-entities td b").eachText()).contains("Tomas Kell");
    }

    @Test
    void briefOfOneStoredStoryAsMarkdownAndAnUnknownStoryIsAnErrorNamingIt() throws Exception {
        Path db = dir.resolve("s.db");
        assertThat(CliRun.of("ingest", input().toString(), "--db", db.toString()).exitCode()).isZero();
        JsonNode stories = JSON.readTree(CliRun.of("stories", "--db", db.toString(), "--format", "json").out())
                .get("stories");
        assertThat(stories).hasSize(2);
        String strike = stories.get(0).get("id").asText();

        CliRun md = CliRun.of("brief", "--db", db.toString(), "--story", strike, "--format", "md");
        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(md.out().lines().filter(l -> l.startsWith("# ")))
                .containsExactly("# Port Aldery ferry strike enters second day");
        assertThat(md.out()).contains("Ferry crews walk out &lt;script&gt;alert(1)&lt;/script&gt; in Port Aldery");
        assertThat(md.out()).contains("2 articles · 2 independent sources · 2025-03-11 – 2025-03-12",
                "story `" + strike + "`", "## Articles", "1. `strike-1` — Aldery Gazette, 2025-03-11",
                "2. `strike-2` — Island Post, 2025-03-12").doesNotContain("Lerin").doesNotContain("<script");

        CliRun unknown = CliRun.of("brief", "--db", db.toString(), "--story", "s-nosuchstory");
        assertThat(unknown.exitCode()).isEqualTo(StorylensCli.USAGE);
        assertThat(unknown.err()).contains("no story 's-nosuchstory'").contains(db.toString())
                .contains("storylens stories");
        assertThat(unknown.out()).isEmpty();
    }

    @Test
    void theBriefsOfStoredStoriesAreKeptInTheDatabaseAndReadBackByTheNextBriefNotWrittenAgain() throws Exception {
        Path db = dir.resolve("kept.db");
        assertThat(CliRun.of("ingest", input().toString(), "--db", db.toString()).exitCode()).isZero();
        CliRun first = CliRun.of("brief", "--db", db.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, Instant> writtenAt = new HashMap<>();
        try (ArticleStore store = Stores.open(db.toString())) {
            for (StoredStory listed : store.stories()) {
                Story story = store.story(listed.id()).orElseThrow();
                StoredBrief kept = store.brief(story.id()).orElseThrow();
                assertThat(kept.isCurrentFor(story)).as("the kept brief of " + story.id()).isTrue();
                writtenAt.put(story.id(), kept.writtenAt());
            }
        }
        assertThat(writtenAt).hasSize(2);

        CliRun second = CliRun.of("brief", "--db", db.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(JSON.readTree(second.out()).get("stories")).isEqualTo(JSON.readTree(first.out()).get("stories"));
        try (ArticleStore store = Stores.open(db.toString())) {
            for (Map.Entry<String, Instant> e : writtenAt.entrySet()) {
                assertThat(store.brief(e.getKey()).orElseThrow().writtenAt()).as("the brief of " + e.getKey()
                        + ", read back").isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void anOutputFileInAMissingFolderIsRefusedBeforeAnyWork() throws Exception {
        Path nowhere = dir.resolve("no/such/folder/brief.md");
        CliRun run = CliRun.of("brief", input().toString(), "--format", "md", "-o", nowhere.toString());
        assertThat(run.exitCode()).isEqualTo(StorylensCli.USAGE);
        assertThat(run.err()).contains(nowhere.toString()).contains("folder does not exist");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.of("brief", "x.txt", "--format", "pdf");
        assertThat(run.exitCode()).isEqualTo(StorylensCli.USAGE);
        assertThat(run.err()).contains("json, md, html");
    }
}
