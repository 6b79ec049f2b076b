package org.storylens.clean;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

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
            OptionalInt year = d == null || d.year() != null ? OptionalInt.empty()
                    : nearestYear(d.month(), d.day(), known);
            out.add(year.isPresent() ? a.withPublished(d.withInferredYear(year.getAsInt())) : a);
        }
        return out;
    }

    /**
     * The year that puts a month and day nearest to one of the known dates, or empty when there are none within
     * reach (or the day never exists in the candidate years).
     */
    public OptionalInt nearestYear(int month, int day, List<LocalDate> known) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (LocalDate k : known) {
            for (int year = k.getYear() - 1; year <= k.getYear() + 1; year++) {
                if (day > YearMonth.of(year, month).lengthOfMonth()) {
                    continue;
                }
                long distance = Math.abs(ChronoUnit.DAYS.between(k, LocalDate.of(year, month, day)));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = year;
                }
            }
        }
        return bestDistance <= MAX_DAYS ? OptionalInt.of(best) : OptionalInt.empty();
    }
}
