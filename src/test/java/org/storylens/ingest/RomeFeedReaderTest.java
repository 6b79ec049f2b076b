package org.storylens.ingest;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RomeFeedReaderTest {

    /** The tests' sites are on loopback, which storylens refuses by default. */
    private static final PublicAddressGuard LOOPBACK_ALLOWED = PublicAddressGuard.allowingPrivate();

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Daily News</title>
                <link>https://news.example/</link>
                <description>All the news</description>
                <language>en-gb</language>
                <item>
                  <title>Storm hits the coast</title>
                  <link>https://news.example/world/2024/storm-hits-coast</link>
                  <guid isPermaLink="false">abc-123</guid>
                  <pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate>
                  <dc:creator>Jane Roe</dc:creator>
                  <description>Short &lt;b&gt;teaser&lt;/b&gt;</description>
                  <content:encoded><![CDATA[<p>First <a href="/x">para</a>.</p><p>Second <i>para</i>.</p>]]></content:encoded>
                </item>
                <item>
                  <title>Only a description</title>
                  <link>https://news.example/b</link>
                  <guid>https://news.example/world/2024/05/07/index.html</guid>
                  <description>&lt;p&gt;Teaser one.&lt;/p&gt;&lt;p&gt;Teaser two.&lt;/p&gt;</description>
                </item>
              </channel>
            </rss>
            """;

    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
              <title>Le Journal</title>
              <id>urn:journal</id>
              <updated>2024-05-07T10:00:00Z</updated>
              <entry>
                <title>Orage sur la côte</title>
                <id>tag:journal.example,2024:/article/42</id>
                <link href="https://journal.example/a/42"/>
                <published>2024-05-07T11:00:00+02:00</published>
                <updated>2024-05-08T08:00:00Z</updated>
                <author><name>Marie Curie</name></author>
                <summary>Résumé court</summary>
                <content type="html">&lt;p&gt;Premier paragraphe.&lt;/p&gt;&lt;p&gt;Deuxième.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>Comparaison</title>
                <id>urn:uuid:7f1c2d3e-0000-4000-8000-000000000001</id>
                <updated>2024-05-07T12:00:00Z</updated>
                <content type="text">a &lt; b, mais b &gt; c</content>
              </entry>
            </feed>
            """;

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void readsRss2ItemsPreferringContentEncodedOverDescription() throws Exception {
        ReadResult result = new RomeFeedReader().read(Input.ofBytes("daily.xml", utf8(RSS)));

        assertThat(result.failures()).isEmpty();
        assertThat(result.articles()).hasSize(2);
        RawArticle first = result.articles().get(0);
        assertThat(first.id()).isEqualTo("abc-123");
        assertThat(first.origin()).isEqualTo("daily.xml#abc-123");
        assertThat(first.format()).isEqualTo(SourceFormat.FEED);
        assertThat(first.text()).isEqualTo("First para.\n\nSecond para.");
        assertThat(first.metadata()).isEqualTo(new Metadata("Storm hits the coast",
                "https://news.example/world/2024/storm-hits-coast", "2024-05-07T10:00:00Z", "Daily News", "en-gb",
                "Jane Roe"));
    }

    @Test
    void fallsBackToTheDescriptionRenderedAsParagraphs() throws Exception {
        RawArticle second = new RomeFeedReader().read(Input.ofBytes("daily.xml", utf8(RSS))).articles().get(1);

        assertThat(second.text()).isEqualTo("Teaser one.\n\nTeaser two.");
        assertThat(second.metadata().publishedAt()).isNull();
    }

    @Test
    void aFeedWithoutEntriesFailsNamingItRatherThanVanishing() {
        String feed = "<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>";

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> new RomeFeedReader().read(Input.ofBytes("quiet.xml", utf8(feed))));

        assertThat(e.input()).isEqualTo("quiet.xml");
        assertThat(e.reason()).isEqualTo("the feed holds no entries");
    }

    @Test
    void urlGuidBecomesItsLastPathSegmentsPlusAShortHash() throws Exception {
        String feed = """
                <rss version="2.0"><channel><title>T</title>
                <item><guid>https://news.example/world/2024/05/07/index.html</guid><description>a</description></item>
                <item><guid>https://news.example/sport/2024/05/07/index.html</guid><description>b</description></item>
                <item><guid>https://news.example/?p=123</guid><description>c</description></item>
                <item><link>https://news.example/no-guid</link><description>d</description></item>
                </channel></rss>
                """;

        var ids = new RomeFeedReader().read(Input.ofBytes("f.xml", utf8(feed))).articles().stream()
                .map(RawArticle::id).toList();

        assertThat(ids).hasSize(4).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9._-]{1,120}"));
        assertThat(ids.get(0)).matches("07-index\\.html-[0-9a-f]{8}");
        assertThat(ids.get(1)).matches("07-index\\.html-[0-9a-f]{8}");
        assertThat(ids.get(2)).matches("p_123-[0-9a-f]{8}");
        // Rome puts the link in the entry's uri when an RSS item has no guid.
        assertThat(ids.get(3)).matches("no-guid-[0-9a-f]{8}");
    }

    @Test
    void duplicateGuidsGetDistinctIds() throws Exception {
        String feed = """
                <rss version="2.0"><channel><title>T</title>
                <item><guid>same</guid><description>a</description></item>
                <item><guid>same</guid><description>b</description></item>
                </channel></rss>
                """;

        var ids = new RomeFeedReader().read(Input.ofBytes("f.xml", utf8(feed))).articles().stream()
                .map(RawArticle::id).toList();

        assertThat(ids).containsExactly("same", "same-2");
    }

    @Test
    void readsAtomEntriesWithHtmlAndPlainTextContent() throws Exception {
        ReadResult result = new RomeFeedReader().read(Input.ofBytes("journal.atom", utf8(ATOM)));

        assertThat(result.failures()).isEmpty();
        assertThat(result.articles()).hasSize(2);
        RawArticle first = result.articles().get(0);
        assertThat(first.id()).isEqualTo("tag_journal.example_2024__article_42");
        assertThat(first.text()).isEqualTo("Premier paragraphe.\n\nDeuxième.");
        assertThat(first.metadata()).isEqualTo(new Metadata("Orage sur la côte", "https://journal.example/a/42",
                "2024-05-07T09:00:00Z", "Le Journal", "fr", "Marie Curie"));
        RawArticle second = result.articles().get(1);
        assertThat(second.id()).isEqualTo("7f1c2d3e-0000-4000-8000-000000000001");
        assertThat(second.text()).isEqualTo("a < b, mais b > c");
        assertThat(second.metadata().publishedAt()).isEqualTo("2024-05-07T12:00:00Z");
        assertThat(second.metadata().author()).isNull();
    }

    @Test
    void entryWithoutTextIsAFailureAndTheOtherEntriesAreKept() throws Exception {
        String feed = """
                <rss version="2.0"><channel><title>T</title>
                <item><title>Empty</title><guid>empty-1</guid><link>https://news.example/e</link></item>
                <item><title>Only an image</title><guid>img-1</guid><description>&lt;img src="x.png"&gt;</description></item>
                <item><title>Full</title><guid>full-1</guid><description>Some text.</description></item>
                </channel></rss>
                """;

        ReadResult result = new RomeFeedReader().read(Input.ofBytes("f.xml", utf8(feed)));

        assertThat(result.articles()).extracting(RawArticle::id).containsExactly("full-1");
        assertThat(result.failures()).extracting(IngestException::input).containsExactly("f.xml#empty-1", "f.xml#img-1");
        assertThat(result.failures()).extracting(IngestException::reason).containsOnly("feed entry has no text");
    }

    @Test
    void readsAnEntryWhoseDescriptionIsHtmlNested100000LevelsDeepAndTheOtherEntries() throws Exception {
        String deep = "<div>".repeat(100_000) + "Flood waters rose overnight." + "</div>".repeat(100_000);
        String feed = """
                <rss version="2.0"><channel><title>T</title>
                <item><title>Deep</title><guid>deep-1</guid><description><![CDATA[%s]]></description></item>
                <item><title>Plain</title><guid>plain-1</guid><description>Some text.</description></item>
                </channel></rss>
                """.formatted(deep);

        ReadResult result = new RomeFeedReader().read(Input.ofBytes("f.xml", utf8(feed)));

        assertThat(result.failures()).isEmpty();
        assertThat(result.articles()).extracting(RawArticle::id).containsExactly("deep-1", "plain-1");
        assertThat(result.articles().get(0).text()).isEqualTo("Flood waters rose overnight.");
    }

    @Test
    void malformedXmlFailsNamingTheFileAndTheLine() throws IOException {
        Path file = dir.resolve("broken.xml");
        Files.writeString(file, """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>T</title>
                <item><title>Unclosed</item></channel></rss>
                """);

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> new RomeFeedReader().read(Input.ofFile(file)));

        assertThat(e.input()).isEqualTo(file.toString());
        assertThat(e.reason()).startsWith("malformed RSS/Atom XML at line 3, column").contains("title");
        assertThat(e.getMessage()).startsWith(file + ": malformed RSS/Atom XML");
    }

    @Test
    void wellFormedXmlThatIsNotAFeedFailsClearly() {
        assertThatThrownBy(() -> new RomeFeedReader().read(Input.ofBytes("page.xml", utf8("<html><body/></html>"))))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith("page.xml: XML is not an RSS or Atom feed");
    }

    @Test
    void externalEntityIsRefusedAndTheLocalFileIsNeverRead() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rss version="2.0"><channel><title>&xxe;</title>
                <item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>
                """.formatted(secret.toUri());

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> new RomeFeedReader().read(Input.ofBytes("evil.xml", utf8(xxe))));

        assertThat(e.input()).isEqualTo("evil.xml");
        assertThat(e.reason()).contains("DOCTYPE").contains("line 2").doesNotContain("TOP-SECRET");
    }

    @Test
    void decodesTheEncodingDeclaredInTheXmlProlog() throws Exception {
        String feed = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <rss version="2.0"><channel><title>Café</title>
                <item><guid>1</guid><description>Déjà vu à Zürich.</description></item></channel></rss>
                """;

        ReadResult result = new RomeFeedReader().read(Input.ofBytes("latin.xml",
                feed.getBytes(Charset.forName("ISO-8859-1"))));

        assertThat(result.articles().get(0).text()).isEqualTo("Déjà vu à Zürich.");
        assertThat(result.articles().get(0).metadata().outlet()).isEqualTo("Café");
    }

    @Test
    void readsAGzippedFeed() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(utf8(RSS));
        }

        assertThat(new RomeFeedReader().read(Input.ofBytes("daily.xml.gz", gz.toByteArray())).articles()).hasSize(2);
    }

    @Test
    void fetchesThePageOfAnEntryWithoutTextKeepingTheFeedsIdAndDate() throws Exception {
        String base = startServer();
        String feed = """
                <rss version="2.0"><channel><title>Daily News</title><language>en</language>
                <item><title>Feed title</title><guid>story-7</guid><link>%1$s/story/7</link>
                  <pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate></item>
                <item><title>Gone</title><guid>story-8</guid><link>%1$s/missing</link></item>
                </channel></rss>
                """.formatted(base);
        RomeFeedReader reader = new RomeFeedReader(new PageFetcher(LOOPBACK_ALLOWED), new StubHtmlReader());

        ReadResult result = reader.read(Input.ofBytes(base + "/feed.xml", utf8(feed)));

        assertThat(result.articles()).hasSize(1);
        RawArticle article = result.articles().get(0);
        assertThat(article.id()).isEqualTo("story-7");
        assertThat(article.origin()).isEqualTo(base + "/feed.xml#story-7");
        assertThat(article.text()).isEqualTo("The full story, fetched.\n\nSecond paragraph.");
        assertThat(article.metadata().title()).isEqualTo("Page title");
        assertThat(article.metadata().publishedAt()).isEqualTo("2024-05-07T10:00:00Z");
        assertThat(article.metadata().author()).isEqualTo("Page Author");
        assertThat(article.metadata().outlet()).isEqualTo("Daily News");
        assertThat(article.metadata().url()).isEqualTo(base + "/story/7");
        assertThat(article.warnings()).anyMatch(w -> w.contains(base + "/story/7"));
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(base + "/feed.xml#story-8");
            assertThat(f.reason()).contains("HTTP 404").contains(base + "/missing");
        });
    }

    @Test
    void keepsWhatThePageReaderRemovedFromAFetchedPage() throws Exception {
        String base = startServer();
        String feed = """
                <rss version="2.0"><channel><title>Daily News</title>
                <item><title>Feed title</title><guid>story-7</guid><link>%s/story/7</link></item>
                </channel></rss>
                """.formatted(base);
        ArticleReader withCaption = input -> ReadResult.of(new RawArticle(input.idHint(), input.name(),
                SourceFormat.HTML, "The full story, fetched.", Metadata.EMPTY, List.of(),
                List.of("Waves break over the pier. Photo: Ann Lee")));

        ReadResult result = new RomeFeedReader(new PageFetcher(LOOPBACK_ALLOWED), withCaption)
                .read(Input.ofBytes(base + "/feed.xml", utf8(feed)));

        assertThat(result.articles()).singleElement()
                .satisfies(a -> assertThat(a.removed()).containsExactly("Waves break over the pier. Photo: Ann Lee"));
    }

    private String startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            int status;
            if (exchange.getRequestURI().getPath().equals("/story/7")) {
                status = 200;
                body = utf8("""
                        <html><head><title>Page title</title><meta name="author" content="Page Author"></head>
                        <body><p>The full story, fetched.</p><p>Second paragraph.</p></body></html>""");
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            } else {
                status = 404;
                body = utf8("not here");
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEntryWhoseHtmlIsNestedAHundredThousandLevelsDeepFailsAloneNamingIt() throws Exception {
        String deep = "<div>".repeat(100_000) + "Buried text." + "</div>".repeat(100_000);
        String feed = "<rss version=\"2.0\"><channel><title>Deep</title>"
                + "<item><title>Deep</title><guid>deep</guid><description><![CDATA[" + deep + "]]></description></item>"
                + "<item><title>Plain</title><guid>plain</guid><description>A plain entry.</description></item>"
                + "</channel></rss>";

        ReadResult result = new RomeFeedReader().read(Input.ofBytes("deep.xml", feed.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.articles()).extracting(RawArticle::text).contains("A plain entry.");
        // flattened and read, or failed alone naming the entry: never the whole feed
        assertThat(result.failures()).allSatisfy(f -> assertThat(f.input()).isEqualTo("deep.xml#deep"));
        assertThat(result.articles().size() + result.failures().size()).isEqualTo(2);
    }

    @Test
    void aGzippedFeedThatExpandsToGigabytesIsRefusedAtTheDecompressionLimit() {
        Input bomb = new Input("bomb.xml.gz", "bomb", -1, () -> GzipBombs.streamed(GzipBombs.member(
                "<rss version=\"2.0\"><channel><title>".getBytes(StandardCharsets.UTF_8)), ' ', 10_240));

        IngestException e = catchThrowableOfType(IngestException.class, () -> new RomeFeedReader().read(bomb));

        assertThat(e.input()).isEqualTo("bomb.xml.gz");
        assertThat(e.reason()).isEqualTo("cannot read feed: gzip-compressed input bomb.xml.gz expands to more than "
                + "64.0 MB (the limit for compressed input); not read further");
    }
}
