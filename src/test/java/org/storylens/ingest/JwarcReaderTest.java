package org.storylens.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JwarcReaderTest {

    private static final UUID STORM = UUID.fromString("0dda5805-b7d3-45d4-a4e4-1433c7e09c63");
    private static final UUID FLOOD = UUID.fromString("026658b7-c188-497c-a167-a4fa233ef696");
    private static final UUID RESOURCE = UUID.fromString("03ca2e5f-4811-4af4-833f-0a114d62cb38");
    private static final UUID LAST = UUID.fromString("9b16376f-e3fe-4f7b-8d6a-2f0f3b2b1a11");

    @TempDir
    Path dir;

    private final JwarcReader reader = new JwarcReader(new StubHtmlReader());

    @Test
    void readsHtmlResponsesAndResourcesAndSkipsEveryOtherRecord() throws Exception {
        Path file = warcFile("crawl.warc", WarcCompression.NONE, mixedRecords());

        ReadResult result = reader.read(Input.ofFile(file));

        assertThat(result.articles()).extracting(RawArticle::id)
                .containsExactly(STORM.toString(), FLOOD.toString(), RESOURCE.toString());
        RawArticle storm = result.articles().get(0);
        assertThat(storm.origin()).isEqualTo(file + "#https://news.test/storm");
        assertThat(storm.format()).isEqualTo(SourceFormat.WARC);
        assertThat(storm.text()).isEqualTo("Storm hits the coast.\n\nMore on the storm.");
        assertThat(storm.metadata().title()).isEqualTo("Storm");
        assertThat(storm.metadata().url()).isEqualTo("https://news.test/storm");
        // The flood page was sent gzip-encoded and chunked; jwarc undoes both.
        assertThat(result.articles().get(1).text()).isEqualTo("Flood waters rise.");
        assertThat(result.articles().get(2).metadata().url()).isEqualTo("https://news.test/resource");
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(file + "#https://news.test/empty");
            assertThat(f.reason()).isEqualTo("page has no text");
        });
    }

    @Test
    void readsAGzippedWarc() throws Exception {
        Path file = warcFile("crawl.warc.gz", WarcCompression.GZIP, mixedRecords());
        assertThat(Files.readAllBytes(file)).startsWith((byte) 0x1f, (byte) 0x8b);

        ReadResult result = reader.read(Input.ofFile(file));

        assertThat(result.articles()).extracting(RawArticle::id)
                .containsExactly(STORM.toString(), FLOOD.toString(), RESOURCE.toString());
        assertThat(result.failures()).hasSize(1);
    }

    @Test
    void keepsTheArticlesBeforeTheCutOfATruncatedWarc() throws Exception {
        byte[] whole = warcBytes(WarcCompression.NONE, articlesThenALongOne());
        Path file = dir.resolve("cut.warc");
        Files.write(file, Arrays.copyOf(whole, whole.length - 500));

        ReadResult result = reader.read(Input.ofFile(file));

        assertThat(result.articles()).extracting(RawArticle::id).containsExactly(STORM.toString(), FLOOD.toString());
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(file.toString());
            assertThat(f.reason()).matches(
                    "truncated or corrupt WARC: reading stopped in or after record 4 \\(which starts at byte \\d+\\): .+");
        });
    }

    @Test
    void keepsTheArticlesBeforeTheCutOfATruncatedWarcGz() throws Exception {
        byte[] whole = warcBytes(WarcCompression.GZIP, articlesThenALongOne());
        Path file = dir.resolve("cut.warc.gz");
        Files.write(file, Arrays.copyOf(whole, whole.length - 200));

        ReadResult result = reader.read(Input.ofFile(file));

        assertThat(result.articles()).extracting(RawArticle::id).containsExactly(STORM.toString(), FLOOD.toString());
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(file.toString());
            assertThat(f.reason()).startsWith("truncated or corrupt WARC: reading stopped in or after record");
        });
    }

    @Test
    void warcCutBeforeAnyArticleFailsAsAWhole() throws IOException {
        byte[] whole = warcBytes(WarcCompression.NONE, articlesThenALongOne());
        Path file = dir.resolve("stub.warc");
        Files.write(file, Arrays.copyOf(whole, 250));

        IngestException e = catchThrowableOfType(IngestException.class, () -> reader.read(Input.ofFile(file)));

        assertThat(e.input()).isEqualTo(file.toString());
        assertThat(e.reason()).startsWith("truncated or corrupt WARC");
    }

    @Test
    void fileThatIsNotAWarcFailsNamingIt() {
        IngestException e = catchThrowableOfType(IngestException.class, () -> reader.read(
                Input.ofBytes("notes.warc", "just some text\r\n\r\n".getBytes(StandardCharsets.US_ASCII))));

        assertThat(e.input()).isEqualTo("notes.warc");
        assertThat(e.reason()).startsWith("not a readable WARC file");
    }

    @Test
    void nonHtmlRecordsAreSkippedSilently() throws Exception {
        List<WarcRecord> records = List.of(
                new Warcinfo.Builder().filename("x.warc").build(),
                response(UUID.randomUUID(), "https://news.test/logo.png",
                        new HttpResponse.Builder(200, "OK").body(MediaType.parse("image/png"), new byte[]{1, 2, 3})
                                .build()),
                response(STORM, "https://news.test/storm", html("Storm", "Storm text.")));

        ReadResult result = reader.read(Input.ofBytes("mixed.warc", warcBytes(WarcCompression.NONE, records)));

        assertThat(result.articles()).hasSize(1);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void aWarcWithoutAnyHtmlPageFailsNamingItRatherThanVanishing() throws Exception {
        List<WarcRecord> records = List.of(
                new Warcinfo.Builder().filename("x.warc").build(),
                response(UUID.randomUUID(), "https://news.test/logo.png",
                        new HttpResponse.Builder(200, "OK").body(MediaType.parse("image/png"), new byte[]{1, 2, 3})
                                .build()));

        IngestException e = catchThrowableOfType(IngestException.class,
                () -> reader.read(Input.ofBytes("images.warc", warcBytes(WarcCompression.NONE, records))));

        assertThat(e.input()).isEqualTo("images.warc");
        assertThat(e.reason()).isEqualTo("holds 2 WARC records but no HTML page (only requests, metadata or "
                + "responses of other types)");
    }

    @Test
    void payloadOverTheLimitIsAFailureAndReadingGoesOn() throws Exception {
        JwarcReader small = new JwarcReader(new StubHtmlReader(), 200);
        List<WarcRecord> records = List.of(
                response(LAST, "https://news.test/long", html("Long", "x".repeat(1000))),
                response(STORM, "https://news.test/storm", html("Storm", "Short.")));

        ReadResult result = small.read(Input.ofBytes("big.warc", warcBytes(WarcCompression.NONE, records)));

        assertThat(result.articles()).extracting(RawArticle::id).containsExactly(STORM.toString());
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo("big.warc#https://news.test/long");
            assertThat(f.reason()).contains("over the limit of 200 bytes");
        });
    }

    @Test
    void keepsWhatThePageReaderRemovedFromTheMarkup() throws Exception {
        ArticleReader withCaption = input -> ReadResult.of(new RawArticle(input.idHint(), input.name(),
                SourceFormat.HTML, "Storm hits the coast.", Metadata.EMPTY, List.of(),
                List.of("Waves break over the pier. Photo: Ann Lee")));
        List<WarcRecord> records = List.of(response(STORM, "https://news.test/storm", html("Storm", "<p>Storm.</p>")));

        ReadResult result = new JwarcReader(withCaption)
                .read(Input.ofBytes("crawl.warc", warcBytes(WarcCompression.NONE, records)));

        assertThat(result.articles()).singleElement()
                .satisfies(a -> assertThat(a.removed()).containsExactly("Waves break over the pier. Photo: Ann Lee"));
    }

    private static List<WarcRecord> mixedRecords() throws IOException {
        List<WarcRecord> records = new ArrayList<>();
        records.add(new Warcinfo.Builder().filename("crawl.warc").build());
        records.add(new WarcRequest.Builder(URI.create("https://news.test/storm"))
                .body(new HttpRequest.Builder("GET", "/storm").addHeader("Host", "news.test").build()).build());
        records.add(response(STORM, "https://news.test/storm",
                html("Storm", "<p>Storm hits the coast.</p><p>More on the storm.</p>")));
        records.add(response(UUID.randomUUID(), "https://news.test/logo.png",
                new HttpResponse.Builder(200, "OK").body(MediaType.parse("image/png"), new byte[]{(byte) 0x89, 'P'})
                        .build()));
        records.add(response(UUID.randomUUID(), "https://news.test/old",
                new HttpResponse.Builder(301, "Moved Permanently").addHeader("Location", "https://news.test/storm")
                        .body(MediaType.HTML, "<html><body><p>Moved.</p></body></html>".getBytes(StandardCharsets.UTF_8))
                        .build()));
        records.add(response(FLOOD, "https://news.test/flood", gzippedChunked("<html><head><title>Flood</title>"
                + "</head><body><p>Flood waters rise.</p></body></html>")));
        records.add(new WarcMetadata.Builder().targetURI("https://news.test/storm")
                .fields(Map.of("outlinks", List.of("https://news.test/flood"))).build());
        records.add(response(UUID.randomUUID(), "https://news.test/empty", html("Empty", "")));
        records.add(new WarcResource.Builder(URI.create("https://news.test/resource")).recordId(RESOURCE)
                .body(MediaType.HTML_UTF8, "<html><body><p>Stored as a resource.</p></body></html>"
                        .getBytes(StandardCharsets.UTF_8)).build());
        return records;
    }

    private static List<WarcRecord> articlesThenALongOne() throws IOException {
        return List.of(
                new Warcinfo.Builder().filename("cut.warc").build(),
                response(STORM, "https://news.test/storm", html("Storm", "<p>Storm.</p>")),
                response(FLOOD, "https://news.test/flood", html("Flood", "<p>Flood.</p>")),
                response(LAST, "https://news.test/last", html("Last", "<p>" + noise(3000) + "</p>")));
    }

    /** Text that gzip cannot shrink much, so that cutting the end of a .warc.gz lands inside the last record. */
    private static String noise(int length) {
        Random random = new Random(42);
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append(' ');
        }
        return s.toString();
    }

    private static WarcResponse response(UUID id, String target, HttpResponse http) throws IOException {
        return new WarcResponse.Builder(URI.create(target)).recordId(id).body(http).build();
    }

    private static HttpResponse html(String title, String body) {
        String page = "<html><head><title>" + title + "</title></head><body>" + body + "</body></html>";
        return new HttpResponse.Builder(200, "OK").body(MediaType.HTML_UTF8, page.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** An HTTP response as a crawler records it: gzip Content-Encoding inside chunked Transfer-Encoding. */
    private static HttpResponse gzippedChunked(String page) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(page.getBytes(StandardCharsets.UTF_8));
        }
        byte[] compressed = gz.toByteArray();
        int half = compressed.length / 2;
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.write((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunked.write(compressed, 0, half);
        chunked.write(("\r\n" + Integer.toHexString(compressed.length - half) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        chunked.write(compressed, half, compressed.length - half);
        chunked.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return new HttpResponse.Builder(200, "OK")
                .body(MediaType.HTML_UTF8, chunked.toByteArray())
                .setHeader("Content-Encoding", "gzip")
                .setHeader("Transfer-Encoding", "chunked")
                .build();
    }

    private Path warcFile(String name, WarcCompression compression, List<WarcRecord> records) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, warcBytes(compression, records));
        return file;
    }

    private static byte[] warcBytes(WarcCompression compression, List<WarcRecord> records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(bytes), compression)) {
            for (WarcRecord record : records) {
                writer.write(record);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] resourceRecord(String target, String contentLength, String body) {
        String header = "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:" + UUID.randomUUID()
                + ">\r\nWARC-Date: 2024-05-07T10:00:00Z\r\nWARC-Target-URI: " + target
                + "\r\nContent-Type: text/html\r\nContent-Length: " + contentLength + "\r\n\r\n" + body;
        return header.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCompressedRecordThatExpandsToGigabytesEndsTheFileWithoutInflatingIt() throws Exception {
        String page = "<html><head><title>Storm</title></head><body><p>Waves broke over the pier.</p></body></html>";
        byte[] first = GzipBombs.member(concat(resourceRecord("https://news.test/storm",
                String.valueOf(page.getBytes(StandardCharsets.UTF_8).length), page), "\r\n\r\n".getBytes(
                StandardCharsets.UTF_8)));
        // a record declaring ten gigabytes, and really holding them: a megabyte of spaces compressed, repeated
        byte[] bombHeader = GzipBombs.member(resourceRecord("https://news.test/bomb", "10737418240", ""));
        byte[] head = concat(first, bombHeader);
        Input warc = new Input("bomb.warc.gz", "bomb", -1, () -> GzipBombs.streamed(head, ' ', 10_240));

        ReadResult result = reader.read(warc);

        assertThat(result.articles()).extracting(RawArticle::text).containsExactly("Waves broke over the pier.");
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo("bomb.warc.gz#https://news.test/bomb");
            assertThat(f.reason()).isEqualTo("compressed WARC record 2 expands to 10240.0 MB, over the limit of "
                    + "64.0 MB for compressed input; the file is not read further");
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
