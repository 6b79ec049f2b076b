package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.TimeExpression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a story's chronology from the resolved time expressions of its articles: one entry per calendar value, with
 * the sentence of its first report and every article that dates something to it. Ordered by date, then by first
 * report. Thread-safe.
 */
public final class TimelineBuilder {

    private record Sighting(LocalDate start, String value, String sentence, String articleId, int order,
                            boolean future) {
    }

    /** @param story the story's articles, oldest first */
    public List<TimelineEntry> build(List<AnalysedArticle> story) {
        List<Sighting> sightings = new ArrayList<>();
        int order = 0;
        for (AnalysedArticle a : story) {
            for (TimeExpression t : a.times()) {
                Optional<LocalDate> start = IsoPeriod.start(t.value());
                if (start.isEmpty() || !"DATE".equals(t.type())) {
                    continue;
                }
                Sentence s = a.sentences().get(t.sentence());
                sightings.add(new Sighting(start.get(), t.value(), s.text().strip(), a.article().id(), order++,
                        t.relation() == TimeExpression.Relation.FUTURE));
            }
        }
        Map<String, List<Sighting>> byValue = new LinkedHashMap<>();
        for (Sighting s : sightings) {
            byValue.computeIfAbsent(s.value(), v -> new ArrayList<>()).add(s);
        }
        List<TimelineEntry> entries = new ArrayList<>();
        byValue.values().stream()
                .sorted(Comparator.comparing((List<Sighting> l) -> l.get(0).start())
                        .thenComparing(l -> l.get(0).value().length())
                        .thenComparingInt(l -> l.get(0).order()))
                .forEach(l -> entries.add(new TimelineEntry(l.get(0).value(), l.get(0).sentence(),
                        l.stream().map(Sighting::articleId).distinct().toList(),
                        l.stream().allMatch(Sighting::future))));
        return entries;
    }
}
