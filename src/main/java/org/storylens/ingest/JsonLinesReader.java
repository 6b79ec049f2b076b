package org.storylens.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads JSON Lines (optionally gzipped): one JSON object per line, one article per object. The text comes from
 * {@code text}, else {@code body}, else {@code content} (HTML in it is rendered as paragraphs); {@code id},
 * {@code title}, {@code url}, {@code publishedAt} (or {@code date}, {@code published}), {@code outlet},
 * {@code language} and {@code author} are optional, other fields ignored. The file is streamed line by line.
 *
 * <p>A malformed line, or one without text or with text over the limit, becomes a failure naming
 * {@code file:line} and the rest goes on; only a file where no line could be read fails as a whole. Thread-safe.
 */
public final class JsonLinesReader implements ArticleReader {

    public static final int DEFAULT_MAX_TEXT_CHARS = 5_000_000;

    private static final String[] TEXT_FIELDS = {"text", "body", "content"};
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(\\s[^<>]*)?/?>");

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final HtmlParagraphs paragraphs = new HtmlParagraphs();
    private final int maxTextChars;
    private final int maxLineChars;

    public JsonLinesReader() {
        this(DEFAULT_MAX_TEXT_CHARS);
    }

    /** @param maxTextChars the longest text accepted in one record */
    public JsonLinesReader(int maxTextChars) {
        if (maxTextChars <= 0) {
            throw new IllegalArgumentException("maxTextChars must be positive: " + maxTextChars);
        }
        this.maxTextChars = maxTextChars;
        // Room for JSON escaping of a text at the limit plus the other fields; longer lines are skipped unread.
        this.maxLineChars = (int) Math.min(Integer.MAX_VALUE - 16, 4L * maxTextChars + 1_000_000);
    }

    @Override
    public ReadResult read(Input input) throws IngestException {
        List<RawArticle> articles = new ArrayList<>();
        FailureList failures = new FailureList(input.name());
        int lineNumber = 0;
        String firstLine = null;
        try (InputStream in = InputStreams.openDecompressed(input);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            LineSource lines = new LineSource(reader, maxLineChars);
            for (String line = lines.next(); line != null; line = lines.next()) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String where = input.name() + ":" + lineNumber;
                if (firstLine == null && !line.isBlank()) {
                    firstLine = line.strip();
                }
                if (lines.lastWasTooLong()) {
                    failures.add(new IngestException(where, "line longer than " + maxLineChars + " characters"));
                } else if (!line.isBlank()) {
                    try {
                        articles.add(article(line, where, input.idHint() + "-" + lineNumber));
                    } catch (IngestException e) {
                        failures.add(e);
                    }
                }
            }
        } catch (IOException e) {
            IngestException stopped = new IngestException(input.name() + ":" + (lineNumber + 1),
                    "reading stopped: " + e.getMessage(), e);
            if (articles.isEmpty()) {
                throw stopped;
            }
            failures.add(stopped);
        }
        if (articles.isEmpty() && failures.count() > 0) {
            // "{" or "[" alone on the first line: a pretty-printed JSON document, the usual mistake
            String hint = firstLine != null && (firstLine.equals("{") || firstLine.startsWith("["))
                    ? ": it looks like one JSON document over several lines, not JSON Lines (one object per line)"
                    : "";
            throw new IngestException(input.name(), "no line could be read (" + failures.count()
                    + " failed)" + hint + "; first: " + failures.first().getMessage(), failures.first());
        }
        return new ReadResult(articles, failures.toList());
    }

    private RawArticle article(String line, String where, String defaultId) throws IngestException {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            // the line is already in 'where'; the column is that of the line
            int column = e.getLocation() != null ? e.getLocation().getColumnNr() : 0;
            throw new IngestException(where, "malformed JSON: " + JsonProblems.describe(e, column), e);
        }
        if (node == null || !node.isObject()) {
            throw new IngestException(where, "not a JSON object");
        }
        String text = firstText(node);
        if (text == null) {
            throw new IngestException(where, "no text: expected a non-empty string in 'text', 'body' or 'content'");
        }
        if (text.length() > maxTextChars) {
            throw new IngestException(where, "text of " + text.length() + " characters is over the limit of "
                    + maxTextChars);
        }
        String stripped = text.strip();
        if (stripped.startsWith("<") && TAG.matcher(stripped).find()) {
            text = paragraphs.fragmentText(stripped);
            if (text.isBlank()) {
                throw new IngestException(where, "text is HTML markup without any text in it");
            }
        }
        List<String> warnings = new ArrayList<>();
        String rawId = firstString(node, "id");
        String id = defaultId;
        if (rawId != null) {
            id = SafeIds.sanitise(rawId);
            if (!id.equals(rawId)) {
                warnings.add("record id '" + rawId + "' made safe as '" + id + "'");
            }
        }
        Metadata metadata = new Metadata(
                firstString(node, "title"),
                firstString(node, "url"),
                firstString(node, "publishedAt", "date", "published"),
                firstString(node, "outlet"),
                firstString(node, "language"),
                firstString(node, "author"));
        return new RawArticle(id, where, SourceFormat.JSON_LINES, text, metadata, warnings);
    }

    /** The first of the text fields holding a non-blank string, as written; else null. */
    private static String firstText(JsonNode node) {
        for (String field : TEXT_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    /** The first of the fields holding a non-blank scalar (a number is taken as written), stripped; else null. */
    private static String firstString(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isValueNode() && !value.isNull()) {
                String s = value.asText().strip();
                if (!s.isEmpty()) {
                    return s;
                }
            }
        }
        return null;
    }

    /**
     * Splits a reader into lines ({@code \n} or {@code \r\n}) without ever holding more than {@code maxChars} of one
     * line: the rest of a longer line is read and dropped, and {@link #lastWasTooLong()} says so.
     */
    private static final class LineSource {

        private final Reader in;
        private final int maxChars;
        private final char[] buffer = new char[65536];
        private final StringBuilder line = new StringBuilder();
        private int pos;
        private int len;
        private boolean tooLong;

        LineSource(Reader in, int maxChars) {
            this.in = in;
            this.maxChars = maxChars;
        }

        /** The next line without its terminator, or null at the end of the input. */
        String next() throws IOException {
            line.setLength(0);
            tooLong = false;
            boolean started = false;
            while (true) {
                if (pos == len) {
                    len = in.read(buffer);
                    pos = 0;
                    if (len < 0) {
                        len = 0;
                        return started ? finish() : null;
                    }
                }
                started = true;
                int start = pos;
                while (pos < len && buffer[pos] != '\n') {
                    pos++;
                }
                append(start, pos);
                if (pos < len) {
                    pos++;
                    return finish();
                }
            }
        }

        boolean lastWasTooLong() {
            return tooLong;
        }

        private void append(int start, int end) {
            if (tooLong) {
                return;
            }
            if ((long) line.length() + (end - start) > maxChars) {
                tooLong = true;
                line.setLength(0);
                line.trimToSize();
                return;
            }
            line.append(buffer, start, end - start);
        }

        private String finish() {
            int n = line.length();
            if (n > 0 && line.charAt(n - 1) == '\r') {
                line.setLength(n - 1);
            }
            return line.toString();
        }
    }
}
