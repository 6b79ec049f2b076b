package org.storylens.clean;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills in the year of publication dates that lack one ("December 5th") from the other articles read with them: the
 * year that puts the date nearest to a dated article. The date is marked as inferred. An article with nothing to infer
 * from keeps its year missing; today's date is never used. Thread-safe.
 */
public final class PublicationYearInferrer {

    /**
     * Beyond this distance to the nearest dated article, a year is not inferred. It must stay well under half a year:
     * every day of the year lies within 183 days of some year's copy of it, so a limit of half a year never refuses,
     * and at that distance the year before or after is nearly as likely.
     */
    private static final long MAX_DAYS = 92;

    public List<Article> inferMissingYears(List<Article> batch) {
        List<LocalDate> known = batch.stream()
                .map(Article::published)
                .filter(d -> d != null && d.year() != null && !d.yearInferred())
                .map(PublicationDate::date)
                .toList();
        List<Article> out = new ArrayList<>(batch.size());
        for (Article a : batch) {
            PublicationDate d = a.published();
            if (d == null || d.year() != null || known.isEmpty()) {
                out.add(a);
                continue;
            }
            Integer best = null;
            long bestDistance = Long.MAX_VALUE;
            for (LocalDate k : known) {
                for (int year = k.getYear() - 1; year <= k.getYear() + 1; year++) {
                    if (d.month() == 2 && d.day() == 29 && !java.time.Year.isLeap(year)) {
                        continue;
                    }
                    long distance = Math.abs(ChronoUnit.DAYS.between(k, LocalDate.of(year, d.month(), d.day())));
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = year;
                    }
                }
            }
            out.add(best != null && bestDistance <= MAX_DAYS ? a.withPublished(d.withInferredYear(best)) : a);
        }
        return out;
    }
}
