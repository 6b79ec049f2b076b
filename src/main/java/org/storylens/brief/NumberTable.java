package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.NumberMention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges the figures of a story's articles: the same value of the same unit from several articles is one entry with
 * all of them as sources, in order of first report. Thread-safe.
 */
public final class NumberTable {

    private record Sighting(NumberMention number, String articleId) {
    }

    /** @param story the story's articles, oldest first */
    public List<NumberEntry> build(List<AnalysedArticle> story) {
        Map<String, List<Sighting>> groups = new LinkedHashMap<>();
        for (AnalysedArticle a : story) {
            for (NumberMention n : a.numbers()) {
                String key = n.value() + "|" + (n.unit() == null ? "" : n.unit().toLowerCase(Locale.ROOT));
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Sighting(n, a.article().id()));
            }
        }
        List<NumberEntry> entries = new ArrayList<>();
        for (List<Sighting> group : groups.values()) {
            NumberMention first = group.get(0).number();
            String attributed = group.stream().map(g -> g.number().attributedTo())
                    .filter(x -> x != null).findFirst().orElse(null);
            entries.add(new NumberEntry(whole(first.value()), first.unit(), first.qualifier(), first.text(), attributed,
                    group.stream().map(Sighting::articleId).distinct().toList()));
        }
        return entries;
    }

    private static Number whole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }
}
