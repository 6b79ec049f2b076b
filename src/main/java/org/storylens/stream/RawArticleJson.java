package org.storylens.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storylens.ingest.Metadata;
import org.storylens.ingest.RawArticle;
import org.storylens.ingest.SourceFormat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A raw article as the topic carries it: one UTF-8 JSON object {@code {"id", "origin", "format", "text", "metadata":
 * {"title", "url", "publishedAt", "outlet", "language", "author"}, "warnings": [], "removed": [], "inferredYear"}},
 * absent metadata fields left out. {@code inferredYear} (absent when there is none) is the year {@code ingest} would
 * give the article's publication date when its text names a day without a year ("March 11th"), inferred from the
 * articles published with it: cleaned alone in the job, the article gets the same date as in an {@code ingest} batch.
 * Thread-safe.
 */
public final class RawArticleJson {

    private final ObjectMapper json = new ObjectMapper();

    /**
     * A record read back: the article, and the year inferred for its publication date from the articles published
     * with it (null when there was none to infer).
     */
    public record Decoded(RawArticle article, Integer inferredYear) {
    }

    /** The article as the JSON bytes {@code publish} writes, with no inferred year. */
    public byte[] write(RawArticle article) {
        return write(article, null);
    }

    /** The article as the JSON bytes {@code publish} writes; {@code inferredYear} may be null. */
    public byte[] write(RawArticle article, Integer inferredYear) {
        ObjectNode root = json.createObjectNode();
        root.put("id", article.id());
        root.put("origin", article.origin());
        root.put("format", article.format().name().toLowerCase(Locale.ROOT));
        root.put("text", article.text());
        ObjectNode meta = root.putObject("metadata");
        Metadata m = article.metadata();
        putIfPresent(meta, "title", m.title());
        putIfPresent(meta, "url", m.url());
        putIfPresent(meta, "publishedAt", m.publishedAt());
        putIfPresent(meta, "outlet", m.outlet());
        putIfPresent(meta, "language", m.language());
        putIfPresent(meta, "author", m.author());
        ArrayNode warnings = root.putArray("warnings");
        article.warnings().forEach(warnings::add);
        ArrayNode removed = root.putArray("removed");
        article.removed().forEach(removed::add);
        if (inferredYear != null) {
            root.put("inferredYear", inferredYear);
        }
        try {
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(article.origin() + ": cannot write as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The article the bytes hold.
     *
     * @param where names the record in errors (topic, partition and offset)
     * @throws IllegalArgumentException naming {@code where} and what is wrong, when the bytes are no raw article
     */
    public RawArticle read(byte[] bytes, String where) {
        return decode(bytes, where).article();
    }

    /**
     * The article the bytes hold, with the year inferred for it.
     *
     * @param where names the record in errors (topic, partition and offset)
     * @throws IllegalArgumentException naming {@code where} and what is wrong, when the bytes are no raw article
     */
    public Decoded decode(byte[] bytes, String where) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + ": not a JSON object");
        }
        String format = required(root, "format", where);
        SourceFormat sourceFormat;
        try {
            sourceFormat = SourceFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown format '" + format + "'", e);
        }
        JsonNode meta = root.path("metadata");
        Metadata metadata = new Metadata(text(meta, "title"), text(meta, "url"), text(meta, "publishedAt"),
                text(meta, "outlet"), text(meta, "language"), text(meta, "author"));
        String body = required(root, "text", where);
        if (body.isBlank()) {
            throw new IllegalArgumentException(where + ": the article text is blank");
        }
        RawArticle article = new RawArticle(required(root, "id", where), required(root, "origin", where),
                sourceFormat, body, metadata, strings(root.path("warnings")), strings(root.path("removed")));
        JsonNode year = root.get("inferredYear");
        return new Decoded(article, year != null && year.canConvertToInt() && year.isIntegralNumber()
                ? Integer.valueOf(year.intValue()) : null);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String required(JsonNode root, String field, String where) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(v -> {
                if (v.isTextual()) {
                    out.add(v.asText());
                }
            });
        }
        return out;
    }
}
