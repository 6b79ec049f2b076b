package org.storylens.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SniffingArticleReaderTest {

    private static final String STORY = """
            Library reopens after two-year refit

            The central library reopened its doors on Saturday after a refit that took two years and cost 12 million.

            Queues formed before nine, staff said.
            """;
    private static final String JSON_LINES = """
            {"id": "lib-1", "title": "Library reopens", "text": "The central library reopened on Saturday."}
            {"id": "lib-2", "title": "Queues at the library", "text": "Queues formed before nine."}
            """;
    private static final String HTML = "<!DOCTYPE html><html><head><title>Library reopens</title></head><body>"
            + "<article><p>The central library reopened its doors on Saturday after a two-year refit.</p>"
            + "</article></body></html>";
    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Town Crier</title>
            <item><guid isPermaLink="false">lib-rss</guid><title>Library reopens</title>
            <description>The central library reopened on Saturday.</description></item>
            </channel></rss>
            """;

    @TempDir
    Path dir;

    private final SniffingArticleReader reader = reader();

    private static SniffingArticleReader reader() {
        TextDecoder decoder = new TextDecoder();
        Map<SourceFormat, ArticleReader> readers = new EnumMap<>(SourceFormat.class);
        readers.put(SourceFormat.TEXT, new PlainTextReader(decoder, 1 << 20));
        readers.put(SourceFormat.HTML, new JsoupHtmlReader(decoder, 1 << 20));
        readers.put(SourceFormat.FEED, new RomeFeedReader());
        readers.put(SourceFormat.JSON_LINES, new JsonLinesReader());
        readers.put(SourceFormat.WARC, new JwarcReader(new StubHtmlReader()));
        return new SniffingArticleReader(new FormatSniffer(decoder), readers);
    }

    @Test
    void dispatchesEachInputToTheReaderForWhatItHolds() throws Exception {
        assertThat(read("story.txt", utf8(STORY))).extracting(RawArticle::format).containsExactly(SourceFormat.TEXT);
        assertThat(read("dump.jsonl", utf8(JSON_LINES))).extracting(RawArticle::format)
                .containsExactly(SourceFormat.JSON_LINES, SourceFormat.JSON_LINES);
        assertThat(read("page.html", utf8(HTML))).extracting(RawArticle::format).containsExactly(SourceFormat.HTML);
        assertThat(read("news.xml", utf8(RSS))).extracting(RawArticle::format).containsExactly(SourceFormat.FEED);
        assertThat(read("crawl.warc", warc(WarcCompression.NONE))).extracting(RawArticle::format)
                .containsExactly(SourceFormat.WARC);
    }

    @Test
    void contentDecidesOverAMisleadingName() throws Exception {
        assertThat(read("page.txt", utf8(HTML))).extracting(RawArticle::format).containsExactly(SourceFormat.HTML);
        assertThat(read("feed.html", utf8(RSS))).extracting(RawArticle::format).containsExactly(SourceFormat.FEED);
    }

    @Test
    void gzippedTextIsReadThroughGunzip() throws Exception {
        Path file = dir.resolve("story.txt.gz");
        Files.write(file, gzip(utf8(STORY)));

        ReadResult result = reader.read(Input.ofFile(file));

        assertThat(result.articles()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("story");
            assertThat(a.format()).isEqualTo(SourceFormat.TEXT);
            assertThat(a.metadata().title()).isEqualTo("Library reopens after two-year refit");
            assertThat(a.text()).startsWith("The central library reopened").endsWith("staff said.");
        });
    }

    @Test
    void gzippedJsonLinesIsReadThroughGunzip() throws Exception {
        Path file = dir.resolve("dump.jsonl.gz");
        Files.write(file, gzip(utf8(JSON_LINES)));

        ReadResult result = reader.read(Input.ofFile(file));

        assertThat(result.failures()).isEmpty();
        assertThat(result.articles()).extracting(RawArticle::id).containsExactly("lib-1", "lib-2");
        assertThat(result.articles()).extracting(RawArticle::origin)
                .containsExactly(file + ":1", file + ":2");
    }

    @Test
    void gzippedHtmlIsReadThroughGunzip() throws Exception {
        assertThat(read("page.html.gz", gzip(utf8(HTML)))).singleElement().satisfies(a -> {
            assertThat(a.format()).isEqualTo(SourceFormat.HTML);
            assertThat(a.text()).contains("reopened its doors");
        });
    }

    @Test
    void gzippedWarcGoesToTheWarcReaderAsItIs() throws Exception {
        assertThat(read("crawl.warc.gz", warc(WarcCompression.GZIP))).singleElement().satisfies(a -> {
            assertThat(a.format()).isEqualTo(SourceFormat.WARC);
            assertThat(a.text()).isEqualTo("The library reopened.");
        });
    }

    @Test
    void knownBinaryFormatsAreRefusedByName() {
        assertThat(failure("report.txt", bytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< >>\nendobj\n")))
                .isEqualTo("binary content (PDF), not an article");
        assertThat(failure("photo.html", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}))
                .isEqualTo("binary content (PNG image), not an article");
        assertThat(failure("photo.html", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}))
                .isEqualTo("binary content (JPEG image), not an article");
        assertThat(failure("archive.jsonl", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}))
                .isEqualTo("binary content (ZIP archive), not an article");
        assertThat(failure("tool.txt", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}))
                .isEqualTo("binary content (ELF executable), not an article");
    }

    @Test
    void unknownBinaryIsRefused() {
        byte[] noise = new byte[1000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i * 31 + 7);
        }

        assertThat(failure("noise.dat", noise)).contains("binary content");
    }

    @Test
    void emptyInputFailsAsEmpty() {
        assertThat(failure("empty.txt", new byte[0])).isEqualTo("empty file");
        // size not known in advance, as for a stream
        IngestException e = catchThrowableOfType(IngestException.class, () -> reader.read(
                new Input("stream.txt", "stream", -1, () -> new ByteArrayInputStream(new byte[0]))));
        assertThat(e.input()).isEqualTo("stream.txt");
        assertThat(e.reason()).isEqualTo("empty file");
    }

    @Test
    void corruptGzipFailsNamingTheInput() {
        byte[] gz = gzip(utf8(STORY));
        byte[] broken = java.util.Arrays.copyOf(gz, 12);

        assertThat(failure("story.txt.gz", broken)).contains("gzip");
    }

    @Test
    void gzipCutShortIsToldInWordsNotAsNull() {
        for (int cut : new int[] {8, 12, 20}) {
            byte[] broken = java.util.Arrays.copyOf(gzip(utf8(STORY)), cut);

            assertThat(failure("story.txt.gz", broken)).as("cut at %d bytes", cut)
                    .contains("corrupt or truncated gzip").doesNotContain("null");
        }
    }

    private java.util.List<RawArticle> read(String name, byte[] bytes) throws IngestException {
        ReadResult result = reader.read(Input.ofBytes(name, bytes));
        assertThat(result.failures()).isEmpty();
        return result.articles();
    }

    private String failure(String name, byte[] bytes) {
        IngestException e = catchThrowableOfType(IngestException.class, () -> reader.read(Input.ofBytes(name, bytes)));
        assertThat(e).as(name).isNotNull();
        assertThat(e.input()).isEqualTo(name);
        return e.reason();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] warc(WarcCompression compression) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), compression)) {
            writer.write(new WarcResponse.Builder(URI.create("https://town.test/library"))
                    .body(new HttpResponse.Builder(200, "OK").body(MediaType.HTML_UTF8,
                            utf8("<html><body><p>The library reopened.</p></body></html>")).build())
                    .build());
        }
        return out.toByteArray();
    }

    @Test
    void aGzippedJsonLinesFileIsReadThroughTheDecompressionLimit() throws Exception {
        byte[] head = GzipBombs.member("{\"text\": \"A first article, then gigabytes of nothing.\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        Input bomb = new Input("nothing.jsonl.gz", "nothing", -1, () -> GzipBombs.streamed(head, '\n', 10_240));

        ReadResult result = reader.read(bomb);

        assertThat(result.articles()).hasSize(1);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).startsWith("nothing.jsonl.gz:");
            assertThat(f.reason()).contains("nothing.jsonl.gz expands to more than 64.0 MB");
        });
    }
}
