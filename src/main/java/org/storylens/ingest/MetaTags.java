package org.storylens.ingest;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A page's {@code <meta>} values by name, property, itemprop or http-equiv (case-insensitive), the first non-blank
 * value of each; read in one pass over the page. Immutable.
 */
final class MetaTags {

    private final Map<String, String> values;

    private MetaTags(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static MetaTags of(Document doc) {
        Map<String, String> values = new HashMap<>();
        for (Element m : doc.select("meta[content]")) {
            String content = m.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String key = m.attr(attr).strip();
                if (!key.isEmpty()) {
                    values.putIfAbsent(key.toLowerCase(Locale.ROOT), content);
                }
            }
        }
        return new MetaTags(values);
    }

    /** The value under a key, or null. */
    String get(String key) {
        return values.get(key.toLowerCase(Locale.ROOT));
    }
}
