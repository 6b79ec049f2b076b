package org.storylens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON-LD objects of a page (every {@code application/ld+json} script, arrays and {@code @graph}s flattened);
 * malformed scripts are skipped. Immutable.
 */
final class JsonLd {

    private final List<JsonNode> nodes;

    private JsonLd(List<JsonNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    static JsonLd of(Document doc, ObjectMapper json) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collect(json.readTree(script.data()), nodes);
            } catch (java.io.IOException | RuntimeException e) {
                // malformed JSON-LD is common; the meta tags still count
            }
        }
        return new JsonLd(nodes);
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        } else if (node.isObject()) {
            into.add(node);
            collect(node.get("@graph"), into);
        }
    }

    /** The first non-blank text value of a field, or null. */
    String text(String field) {
        for (JsonNode n : nodes) {
            JsonNode v = n.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText().strip();
            }
        }
        return null;
    }

    /** The publisher's name, or null. */
    String publisher() {
        for (JsonNode n : nodes) {
            JsonNode p = n.get("publisher");
            if (p != null) {
                JsonNode publisher = p.isArray() && p.size() > 0 ? p.get(0) : p;
                JsonNode name = resolve(publisher).get("name");
                if (name != null && name.isTextual() && !name.asText().isBlank()) {
                    return name.asText().strip();
                }
            }
        }
        return null;
    }

    /** The first author's name, or null. */
    String author() {
        for (JsonNode n : nodes) {
            JsonNode a = n.get("author");
            if (a != null) {
                JsonNode first = a.isArray() && a.size() > 0 ? a.get(0) : a;
                JsonNode name = first.isTextual() ? first : resolve(first).get("name");
                if (name != null && name.isTextual()) {
                    return name.asText().strip();
                }
            }
        }
        return null;
    }

    /** A bare {@code {"@id": ...}} reference, as in an {@code @graph}, replaced by the node it names. */
    private JsonNode resolve(JsonNode node) {
        JsonNode id = node.get("@id");
        if (node.has("name") || id == null || !id.isTextual()) {
            return node;
        }
        for (JsonNode candidate : nodes) {
            if (candidate != node && id.equals(candidate.get("@id")) && candidate.has("name")) {
                return candidate;
            }
        }
        return node;
    }
}
