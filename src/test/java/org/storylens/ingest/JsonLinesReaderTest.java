package org.storylens.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonLinesReaderTest {

    @TempDir
    Path dir;

    private final JsonLinesReader reader = new JsonLinesReader();

    @Test
    void readsOneArticlePerLineWithItsMetadata() throws Exception {
        Path file = write("news.jsonl", """
                {"id": "a1", "title": "Storm", "text": "First para.\\n\\nSecond para.", "url": "https://x.test/a1", "publishedAt": "2024-05-07T10:00:00Z", "outlet": "Daily", "language": "en", "author": "Jane", "extra": {"n": 1}}
                {"id": "a2", "text": "Second article."}
                """);

        ReadResult result = reader.read(Input.ofFile(file));

        assertThat(result.failures()).isEmpty();
        assertThat(result.articles()).hasSize(2);
        RawArticle first = result.articles().get(0);
        assertThat(first.id()).isEqualTo("a1");
        assertThat(first.origin()).isEqualTo(file + ":1");
        assertThat(first.format()).isEqualTo(SourceFormat.JSON_LINES);
        assertThat(first.text()).isEqualTo("First para.\n\nSecond para.");
        assertThat(first.metadata()).isEqualTo(new Metadata("Storm", "https://x.test/a1", "2024-05-07T10:00:00Z",
                "Daily", "en", "Jane"));
        assertThat(first.warnings()).isEmpty();
    }

    @Test
    void fallsBackToBodyOrContentForTextAndToDateOrPublishedForTheDate() throws Exception {
        ReadResult result = reader.read(bytes("dump.jsonl", """
                {"body": "From body.", "date": "2024-05-01"}
                {"content": "From content.", "published": 1714521600}
                {"text": "", "body": "Empty text falls through."}
                """));

        assertThat(result.articles()).extracting(RawArticle::text)
                .containsExactly("From body.", "From content.", "Empty text falls through.");
        assertThat(result.articles()).extracting(a -> a.metadata().publishedAt())
                .containsExactly("2024-05-01", "1714521600", null);
        assertThat(result.articles()).extracting(RawArticle::id).containsExactly("dump-1", "dump-2", "dump-3");
    }

    @Test
    void skipsMalformedLineAndKeepsTheRest() throws Exception {
        Path file = write("mixed.jsonl", """
                {"id": "ok-1", "text": "One."}
                {"id": "broken", "text": "unterminated
                {"id": "ok-3", "text": "Three."}
                """);

        ReadResult result = reader.read(Input.ofFile(file));

        assertThat(result.articles()).extracting(RawArticle::id).containsExactly("ok-1", "ok-3");
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo(file + ":2");
            assertThat(f.reason()).startsWith("malformed JSON");
            assertThat(f.getMessage()).startsWith(file + ":2: malformed JSON");
        });
    }

    @Test
    void lineWithoutTextOrNotAnObjectIsAFailureNamingItsLine() throws Exception {
        ReadResult result = reader.read(bytes("f.jsonl", """
                {"id": "no-text", "title": "Headline only"}
                [1, 2, 3]
                {"text": {"nested": "not a string"}}
                {"text": "Fine."} trailing
                {"text": "Kept."}
                """));

        assertThat(result.articles()).extracting(RawArticle::text).containsExactly("Kept.");
        assertThat(result.failures()).extracting(IngestException::input)
                .containsExactly("f.jsonl:1", "f.jsonl:2", "f.jsonl:3", "f.jsonl:4");
        assertThat(result.failures().get(0).reason()).startsWith("no text");
        assertThat(result.failures().get(1).reason()).isEqualTo("not a JSON object");
    }

    @Test
    void skipsBlankLinesButCountsThemInLineNumbers() throws Exception {
        ReadResult result = reader.read(bytes("f.jsonl", "\n  \r\n{\"text\": \"Third line.\"}\r\n\n{bad}\n"));

        assertThat(result.articles()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("f-3");
            assertThat(a.origin()).isEqualTo("f.jsonl:3");
        });
        assertThat(result.failures()).extracting(IngestException::input).containsExactly("f.jsonl:5");
    }

    @Test
    void ignoresAUtf8ByteOrderMark() throws Exception {
        byte[] json = "{\"id\": \"bom\", \"text\": \"Grüße aus Köln.\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);

        ReadResult result = reader.read(Input.ofBytes("bom.jsonl", withBom));

        assertThat(result.failures()).isEmpty();
        assertThat(result.articles()).singleElement()
                .satisfies(a -> assertThat(a.text()).isEqualTo("Grüße aus Köln."));
    }

    @Test
    void emptyFileGivesNoArticlesAndNoFailures() throws Exception {
        ReadResult result = reader.read(Input.ofFile(write("empty.jsonl", "")));

        assertThat(result.articles()).isEmpty();
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void fileWhereNoLineCanBeReadFailsAsAWhole() throws IOException {
        Path file = write("junk.jsonl", "not json\n{\"title\": \"no text\"}\n");

        IngestException e = catchThrowableOfType(IngestException.class, () -> reader.read(Input.ofFile(file)));

        assertThat(e.input()).isEqualTo(file.toString());
        assertThat(e.reason()).contains("no line could be read (2 failed)").contains(file + ":1");
        assertThat(e.getCause()).isInstanceOf(IngestException.class);
    }

    @Test
    void textOverTheLimitIsAFailure() throws Exception {
        JsonLinesReader small = new JsonLinesReader(20);

        ReadResult result = small.read(bytes("f.jsonl", """
                {"text": "short enough"}
                {"text": "this text is much longer than twenty characters"}
                """));

        assertThat(result.articles()).hasSize(1);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo("f.jsonl:2");
            assertThat(f.reason()).contains("over the limit of 20");
        });
    }

    @Test
    void overlongLineIsSkippedWithoutBeingHeldAndTheNextLineIsRead() throws Exception {
        JsonLinesReader small = new JsonLinesReader(10);
        String huge = "{\"text\": \"" + "x".repeat(1_100_000) + "\"}";

        ReadResult result = small.read(bytes("f.jsonl", huge + "\n{\"text\": \"after\"}\n"));

        assertThat(result.articles()).extracting(RawArticle::text).containsExactly("after");
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.input()).isEqualTo("f.jsonl:1");
            assertThat(f.reason()).startsWith("line longer than");
        });
    }

    @Test
    void rendersHtmlTextAsParagraphs() throws Exception {
        ReadResult result = reader.read(bytes("f.jsonl", """
                {"text": "<p>First <b>bold</b> para.</p><p>Second para.</p>"}
                {"text": "3 < 4 is plain text, not markup"}
                """));

        assertThat(result.articles()).extracting(RawArticle::text)
                .containsExactly("First bold para.\n\nSecond para.", "3 < 4 is plain text, not markup");
    }

    @Test
    void makesAnUnsafeIdSafeAndSaysSo() throws Exception {
        ReadResult result = reader.read(bytes("f.jsonl", "{\"id\": \"../etc/passwd\", \"text\": \"x\"}\n"));

        RawArticle article = result.articles().get(0);
        assertThat(article.id()).isEqualTo("etc_passwd");
        assertThat(article.warnings()).singleElement().asString().contains("../etc/passwd");
    }

    @Test
    void readsGzippedJsonLines() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write("{\"text\": \"one\"}\n{\"text\": \"two\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("dump.jsonl.gz");
        Files.write(file, gz.toByteArray());

        ReadResult result = reader.read(Input.ofFile(file));

        assertThat(result.articles()).extracting(RawArticle::id).containsExactly("dump-1", "dump-2");
    }

    @Test
    void overLongNamesNumbersAndNestingAreToldPlainlyWithoutTheParsersNames() throws Exception {
        String longName = "{\"" + "k".repeat(60_000) + "\": 1, \"text\": \"A line.\"}";
        String longNumber = "{\"text\": \"A line.\", \"n\": " + "9".repeat(20_000) + "}";
        String deep = "{\"text\": \"A line.\", \"x\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        ReadResult result = reader.read(bytes("limits.jsonl",
                String.join("\n", longName, longNumber, deep, "{\"id\": \"fine\", \"text\": \"Still read.\"}")));

        assertThat(result.articles()).extracting(RawArticle::id).containsExactly("fine");
        assertThat(result.failures()).extracting(IngestException::reason).containsExactly(
                "malformed JSON: a field name is longer than 50,000 characters",
                "malformed JSON: a number is longer than 1,000 digits",
                "malformed JSON: objects or arrays are nested deeper than 1,000 levels");
        assertThat(result.failures()).allSatisfy(f -> assertThat(f.getMessage())
                .doesNotContain("StreamReadConstraints").doesNotContain("maximum allowed"));
    }

    @Test
    void htmlTextNestedAHundredThousandDeepIsReadAsItsText() throws Exception {
        String html = "<div>".repeat(100_000) + "Deep words at the bottom." + "</div>".repeat(100_000);
        ReadResult result = reader.read(bytes("deep.jsonl", "{\"id\": \"deep\", \"text\": \"" + html + "\"}"));

        assertThat(result.failures()).isEmpty();
        assertThat(result.articles()).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("Deep words at the bottom."));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static Input bytes(String name, String content) {
        return Input.ofBytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGzippedFileOfGigabytesOfBlankLinesStopsAtTheDecompressionLimit() {
        // ten gigabytes of newlines, about ten megabytes compressed, streamed: never on disk nor in memory whole
        Input bomb = new Input("blank.jsonl.gz", "blank", -1, () -> GzipBombs.streamed('\n', 10_240));

        IngestException e = catchThrowableOfType(IngestException.class, () -> reader.read(bomb));

        assertThat(e.input()).startsWith("blank.jsonl.gz:");
        assertThat(e.reason()).isEqualTo("reading stopped: gzip-compressed input blank.jsonl.gz expands to more "
                + "than 64.0 MB (the limit for compressed input); not read further");
    }

    @Test
    void theRecordsBeforeADecompressionBombAreKeptWithAFailureSayingWhereReadingStopped() throws Exception {
        byte[] head = GzipBombs.member("{\"id\": \"first\", \"text\": \"Read before the bomb.\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        Input bomb = new Input("dump.jsonl.gz", "dump", -1, () -> GzipBombs.streamed(head, '\n', 10_240));

        ReadResult result = reader.read(bomb);

        assertThat(result.articles()).extracting(RawArticle::text).containsExactly("Read before the bomb.");
        assertThat(result.failures()).singleElement()
                .satisfies(f -> assertThat(f.getMessage()).contains("expands to more than 64.0 MB"));
    }
}
