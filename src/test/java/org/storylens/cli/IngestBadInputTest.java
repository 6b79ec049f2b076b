package org.storylens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.storylens.clean.Article;
import org.storylens.store.SqliteArticleStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One batch of good and broken inputs ingested through the command line: every broken file gets exactly one
 * {@code error: <path>: <reason>} line, everything good in the batch is stored, and a re-run changes nothing. The
 * batch is ingested once for the whole class, since each run loads the cleaner's language models.
 */
class IngestBadInputTest {

    private static final Set<String> ARTICLE_KEYS = Set.of("id", "title", "outlet", "wire", "publishedAt", "language",
            "removedBoilerplate", "text");

    private static final UUID FERRY = UUID.fromString("5b0f3c8e-1d2a-4c6b-9e7f-0a1b2c3d4e5f");
    private static final UUID ROADS = UUID.fromString("6c1e4d9f-2e3b-4d7c-8f80-1b2c3d4e5f60");
    private static final UUID CUT = UUID.fromString("7d2f5e00-3f4c-4e8d-9091-2c3d4e5f6071");

    @TempDir
    static Path dir;

    private static Path in;
    private static Path db;
    private static Path badFeed;
    private static Path jsonLines;
    private static Path cutWarc;
    private static Path badJson;
    private static Path jpeg;
    private static CliRun first;
    private static CliRun again;
    private static List<String> storedAfterFirst;
    private static List<String> storedAfterAgain;

    @BeforeAll
    static void ingestTheBatchTwice() throws Exception {
        in = Files.createDirectories(dir.resolve("in"));
        db = dir.resolve("db/storylens.db");

        write("harbour.txt", """
                Harbour wall repairs to start in spring

                Work to repair the storm-damaged harbour wall at Kettleness will begin in March, the county council \
                said on Monday. The repairs are expected to take eight months and cost 3.4 million.

                Fishing boats will be moved to the north quay while the work goes on.
                """);
        write("library.html", """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
                <title>Mobile library returns to the valley | Dale Gazette</title>
                <meta property="og:site_name" content="Dale Gazette">
                <meta property="article:published_time" content="2024-09-03T08:00:00Z"></head>
                <body><nav><a href="/">Home</a></nav><article><h1>Mobile library returns to the valley</h1>
                <p>The mobile library will visit nine villages in the upper valley again from next week, after the \
                county found money to keep the service going for another two years.</p>
                <figure><img src="van.jpg"><figcaption>The library van at Low Row. Photo: Dale Gazette</figcaption></figure>
                <p>Readers had collected more than 2,000 signatures to save the van, which carries 3,000 books.</p>
                </article><footer>© Dale Gazette</footer></body></html>
                """);
        write("feed-good.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Valley Radio</title><language>en</language>
                <item><guid isPermaLink="false">vr-101</guid><title>Bus timetable changes from October</title>
                  <pubDate>Wed, 11 Sep 2024 07:00:00 GMT</pubDate>
                  <description>Three rural bus routes will run less often from October, the operator announced \
                on Wednesday, blaming a shortage of drivers.</description></item>
                <item><guid isPermaLink="false">vr-102</guid><title>School roof fixed before term</title>
                  <pubDate>Wed, 11 Sep 2024 09:00:00 GMT</pubDate>
                  <description>Builders finished the new roof on Aysgarth primary school two days before the start \
                of term, the head teacher said.</description></item>
                </channel></rss>
                """);
        badFeed = write("feed-cut.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Valley Radio</title>
                <item><guid isPermaLink="false">vr-201</guid><title>Flood warning lifted</title>
                  <description>The flood warning for the lower river was lifted on Thursday after the water \
                fell below""");
        jsonLines = write("wire.jsonl", """
                {"id": "w-1", "title": "Quarry expansion refused", "text": "Planners refused permission on Tuesday for the quarry at Redmire to grow by 40 hectares, citing lorry traffic and dust."}
                {"id": "w-2", "title": "Broken record", "text": "This line was cut off in the middle
                {"id": "w-3", "title": "New vet practice opens", "text": "A new vet practice opened in Hawes on Friday, the first in the town for six years, with two vets and three nurses."}
                """);
        cutWarc = write("crawl.warc.gz", truncatedWarcGz());
        badJson = write("export.json", """
                {
                  "exported": "2024-09-12",
                  "articles": [
                    {"title": "Footbridge closed", "text": "The footbridge over the river at Bainbridge is closed
                """);
        byte[] jpegBytes = new byte[600];
        new Random(3).nextBytes(jpegBytes);
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0},
                0, jpegBytes, 0, 11);
        jpeg = write("photo-story.html", jpegBytes);

        first = CliRun.of("ingest", in.toString(), "--db", db.toString(), "--no-analyse");
        storedAfterFirst = storedIds();
        again = CliRun.of("ingest", in.toString(), "--db", db.toString(), "--no-analyse");
        storedAfterAgain = storedIds();
    }

    @Test
    void exitCodeSaysSomeInputsFailedAndTheSummaryCountsThem() {
        assertThat(first.exitCode()).as(first.err()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(first.out()).contains("8 inputs, 8 articles read, 8 new, 0 already stored, 5 failed");
    }

    @Test
    void eachBrokenInputGetsExactlyOneErrorLineNamingIt() {
        assertThat(errorLines(first)).hasSize(5);
        for (Path bad : List.of(badFeed, cutWarc, badJson, jpeg)) {
            assertThat(errorLines(first)).as(bad.toString())
                    .filteredOn(l -> l.contains(bad.toString())).singleElement().asString()
                    .startsWith("error: " + bad + ": ");
        }
        assertThat(errorLines(first)).filteredOn(l -> l.contains(jsonLines.toString())).singleElement().asString()
                .startsWith("error: " + jsonLines + ":2: ");
    }

    @Test
    void goodFilesInTheBatchGetNoErrorLine() {
        for (String good : List.of("harbour.txt", "library.html", "feed-good.xml")) {
            assertThat(first.err()).doesNotContain(in.resolve(good).toString());
        }
    }

    @Test
    void truncatedFeedIsReportedAsMalformedXml() {
        assertThat(errorLine(badFeed)).contains("malformed RSS/Atom XML");
    }

    @Test
    void badLineOfJsonLinesIsReportedByLineAndTheGoodLinesAreStored() {
        assertThat(errorLine(jsonLines)).startsWith("error: " + jsonLines + ":2: malformed JSON");
        assertThat(storedAfterFirst).contains("w-1", "w-3").doesNotContain("w-2");
    }

    @Test
    void truncatedWarcGzKeepsTheRecordsBeforeTheCut() {
        assertThat(errorLine(cutWarc)).contains("truncated or corrupt WARC");
        assertThat(storedAfterFirst).contains(FERRY.toString(), ROADS.toString()).doesNotContain(CUT.toString());
    }

    @Test
    void jsonDocumentThatIsNotJsonLinesFailsAsAWhole() {
        assertThat(errorLine(badJson)).contains("no line could be read")
                .contains("not JSON Lines (one object per line)")
                .contains(badJson + ":1: malformed JSON")
                .doesNotContain("REDACTED");
        assertThat(storedAfterFirst).noneMatch(id -> id.startsWith("export"));
    }

    @Test
    void htmlFileThatIsReallyAJpegIsRefusedAsBinary() {
        assertThat(errorLine(jpeg)).isEqualTo("error: " + jpeg + ": binary content (JPEG image), not an article");
    }

    @Test
    void everythingGoodInTheBatchIsStored() {
        assertThat(storedAfterFirst).containsExactlyInAnyOrder("harbour", "library", "vr-101", "vr-102", "w-1", "w-3",
                FERRY.toString(), ROADS.toString());
    }

    @Test
    void reRunStoresNothingNewAndLosesNothing() {
        assertThat(again.exitCode()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(again.out()).contains("8 articles read, 0 new, 8 already stored, 5 failed");
        assertThat(errorLines(again)).hasSize(5);
        assertThat(storedAfterAgain).containsExactlyElementsOf(storedAfterFirst);
    }

    @Test
    void articlesAsJsonHaveExactlyTheContractKeys() throws Exception {
        CliRun run = CliRun.of("articles", in.toString(), "--format", "json");

        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(fieldNames(root)).containsExactly("articles");
        assertThat(root.get("articles")).hasSize(8);
        for (JsonNode item : root.get("articles")) {
            assertThat(fieldNames(item)).as(item.toString()).containsExactlyInAnyOrderElementsOf(ARTICLE_KEYS);
            assertThat(item.get("removedBoilerplate").isArray()).isTrue();
            assertThat(item.get("text").asText()).isNotBlank();
        }
        assertThat(errorLines(run)).hasSize(5);
    }

    @Test
    void detailsAddADetailsObjectToEachArticle() throws Exception {
        CliRun run = CliRun.of("articles", in.toString(), "--format", "json", "--details");

        JsonNode articles = new ObjectMapper().readTree(run.out()).get("articles");
        assertThat(articles).hasSize(8);
        for (JsonNode item : articles) {
            Set<String> keys = new HashSet<>(ARTICLE_KEYS);
            keys.add("details");
            assertThat(fieldNames(item)).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(item.get("details").isObject()).isTrue();
            assertThat(item.get("details").get("origin").asText()).startsWith(in.toString());
        }
    }

    private static String errorLine(Path file) {
        return errorLines(first).stream().filter(l -> l.contains(file.toString())).findFirst().orElseThrow();
    }

    private static List<String> errorLines(CliRun run) {
        return run.err().lines().filter(l -> l.startsWith("error: ")).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> storedIds() throws Exception {
        try (SqliteArticleStore store = SqliteArticleStore.open(db)) {
            assertThat(store.count()).isEqualTo(store.list().size());
            return store.list().stream().map(Article::id).sorted().toList();
        }
    }

    private static Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(in.resolve(name), bytes);
    }

    /** Three pages in a gzipped WARC, cut inside the third: the first two were fully written before the cut. */
    private static byte[] truncatedWarcGz() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(bytes), WarcCompression.GZIP)) {
            writer.write(new Warcinfo.Builder().filename("crawl.warc.gz").build());
            writer.write(page(FERRY, "https://dales.test/ferry", "Lake ferry back in service",
                    "The lake ferry returned to service on Saturday after a new engine was fitted over the summer. "
                            + "The crossing takes twenty minutes and runs every hour until dusk."));
            writer.write(page(ROADS, "https://dales.test/roads", "Road resurfacing delayed by rain",
                    "Resurfacing of the moor road has been put back a fortnight because of heavy rain, the highways "
                            + "department said. Diversions will stay in place until the end of the month."));
            writer.write(page(CUT, "https://dales.test/cut", "Long read", noise(6000)));
        }
        byte[] whole = bytes.toByteArray();
        return Arrays.copyOf(whole, whole.length - 300);
    }

    private static WarcResponse page(UUID id, String url, String title, String text) throws IOException {
        String html = "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + text
                + "</p></article></body></html>";
        return new WarcResponse.Builder(URI.create(url)).recordId(id)
                .body(new HttpResponse.Builder(200, "OK")
                        .body(MediaType.HTML_UTF8, html.getBytes(StandardCharsets.UTF_8)).build())
                .build();
    }

    /** Text gzip cannot shrink much, so that cutting the end of the file lands inside the last record. */
    private static String noise(int length) {
        Random random = new Random(42);
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append(' ');
        }
        return s.toString();
    }
}
