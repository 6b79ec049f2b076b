package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.TimeExpression;
import org.storylens.clean.PublicationYearInferrer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds a story's chronology from the resolved time expressions of its articles: one entry per calendar value, with
 * the sentence of its first report and every article that dates something to it. Ordered by date, then by first
 * report. A date without a year ("December 7" in an undated article) takes the year that puts it nearest to the
 * story's dated articles, by the same rule as a publication date without a year. Thread-safe.
 */
public final class TimelineBuilder {

    private final PublicationYearInferrer years;

    public TimelineBuilder(PublicationYearInferrer years) {
        this.years = years;
    }

    private record Sighting(LocalDate start, String value, String sentence, String articleId, int order,
                            boolean future) {
    }

    /** @param story the story's articles, oldest first */
    public List<TimelineEntry> build(List<AnalysedArticle> story) {
        List<LocalDate> dated = story.stream()
                .map(a -> a.article().published() == null ? null : a.article().published().date())
                .filter(d -> d != null)
                .toList();
        List<Sighting> sightings = new ArrayList<>();
        int order = 0;
        for (AnalysedArticle a : story) {
            for (TimeExpression t : a.times()) {
                if (!"DATE".equals(t.type()) && !"TIME".equals(t.type())) {
                    continue;
                }
                String value = withYear(calendarPart(t.value()), dated);
                Optional<LocalDate> start = IsoPeriod.start(value);
                if (start.isEmpty()) {
                    continue;
                }
                Sentence s = a.sentences().get(t.sentence());
                sightings.add(new Sighting(start.get(), value, s.text().strip(), a.article().id(), order++,
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

    /** The calendar part of a value: "2021-12-07TEV" → "2021-12-07"; a time of day keeps only its date. */
    private static String calendarPart(String value) {
        if (value == null) {
            return null;
        }
        int t = value.indexOf('T');
        return t == 10 ? value.substring(0, 10) : value;
    }

    /** "XXXX-12-07" → the year that puts 7 December nearest to a dated article of the story; unchanged otherwise. */
    private String withYear(String value, List<LocalDate> dated) {
        if (value == null || !value.matches("XXXX-\\d{2}-\\d{2}")) {
            return value;
        }
        int month = Integer.parseInt(value.substring(5, 7));
        int day = Integer.parseInt(value.substring(8, 10));
        OptionalInt year = years.nearestYear(month, day, dated);
        return year.isPresent() ? LocalDate.of(year.getAsInt(), month, day).toString() : value;
    }
}
