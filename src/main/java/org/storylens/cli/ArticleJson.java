package org.storylens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storylens.clean.Article;
import org.storylens.clean.ForeignFragment;
import org.storylens.clean.RemovedLine;

import java.util.List;

/**
 * Renders articles as the {@code articles} items of the brief contract (id, title, outlet, wire, publishedAt,
 * language, removedBoilerplate) plus {@code text}, and with {@code details} what else the cleaner established.
 */
final class ArticleJson {

    private final ObjectMapper json = new ObjectMapper();

    ObjectNode document(List<Article> articles, boolean details) {
        ObjectNode root = json.createObjectNode();
        ArrayNode items = root.putArray("articles");
        articles.forEach(a -> items.add(item(a, details)));
        return root;
    }

    ObjectNode item(Article a, boolean details) {
        ObjectNode o = json.createObjectNode();
        o.put("id", a.id());
        o.put("title", a.title());
        o.put("outlet", a.outlet());
        o.put("wire", a.wire());
        o.put("publishedAt", a.publishedAt());
        o.put("language", a.language());
        ArrayNode removed = o.putArray("removedBoilerplate");
        a.removedBoilerplate().forEach(removed::add);
        o.put("text", a.text());
        if (details) {
            ObjectNode d = o.putObject("details");
            d.put("origin", a.origin());
            d.put("url", a.url());
            d.put("format", a.format() == null ? null : a.format().name().toLowerCase(java.util.Locale.ROOT));
            d.put("contentHash", a.contentHash());
            if (a.published() != null) {
                ObjectNode p = d.putObject("published");
                p.put("month", a.published().month());
                p.put("day", a.published().day());
                if (a.published().year() != null) {
                    p.put("year", a.published().year());
                }
                p.put("time", a.published().time());
                p.put("yearMissing", a.published().yearMissing());
                p.put("yearInferred", a.published().yearInferred());
                p.put("source", a.published().source().name().toLowerCase(java.util.Locale.ROOT));
                p.put("evidence", a.published().evidence());
            }
            ArrayNode rm = d.putArray("removed");
            for (RemovedLine r : a.removed()) {
                rm.addObject().put("category", r.category()).put("text", r.text());
            }
            ArrayNode ff = d.putArray("foreignFragments");
            for (ForeignFragment f : a.foreignFragments()) {
                ff.addObject().put("start", f.start()).put("end", f.end()).put("text", f.text())
                        .put("language", f.language());
            }
            ArrayNode w = d.putArray("warnings");
            a.warnings().forEach(w::add);
        }
        return o;
    }

    String write(ObjectNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
