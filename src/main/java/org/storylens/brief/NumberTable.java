package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.NumberMention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the figures of a story's articles: the same value of the same unit (units of one family together: "m" and
 * "metres") from several articles is one entry with all of them as sources, in order of first report. A figure whose
 * unit or counted noun is not known ("a mother of 12") says nothing a reader can check and is left out; the entry
 * carries the first report's own wording, unit and attribution, never another article's. Thread-safe.
 */
public final class NumberTable {

    private record Sighting(NumberMention number, String articleId) {
    }

    /** @param story the story's articles, oldest first */
    public List<NumberEntry> build(List<AnalysedArticle> story) {
        Map<String, List<Sighting>> groups = new LinkedHashMap<>();
        for (AnalysedArticle a : story) {
            for (NumberMention n : a.numbers()) {
                if (n.unit() == null || n.unit().isBlank()) {
                    continue;
                }
                String key = n.value() + "|" + QuantityFacts.unitFamily(n.unit());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Sighting(n, a.article().id()));
            }
        }
        List<NumberEntry> entries = new ArrayList<>();
        for (List<Sighting> group : groups.values()) {
            NumberMention first = group.get(0).number();
            entries.add(new NumberEntry(whole(first.value()), first.unit(), first.qualifier(), first.text(),
                    first.attributedTo(), group.stream().map(Sighting::articleId).distinct().toList()));
        }
        return entries;
    }

    private static Number whole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }
}
