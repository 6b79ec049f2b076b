package org.storylens.analyse;

import org.storylens.analyse.TimeExpression.Relation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * Calendar arithmetic around one publication date: which Tuesday, which 7th, which December 7 an article means,
 * given whether it speaks of the past or the future. Immutable.
 */
final class PublicationCalendar {

    /** Within this many days of publication a date without a year is taken as is, whatever the tense. */
    private static final int NEAR_DAYS = 31;

    private final LocalDate published;

    PublicationCalendar(LocalDate published) {
        this.published = published;
    }

    /**
     * Past: the latest such day on or before publication (strictly before for "last"); future: the first on or after
     * it (strictly after for "next"); otherwise the nearest.
     */
    LocalDate weekday(DayOfWeek day, Relation relation, boolean strict) {
        LocalDate before = published.with(strict ? TemporalAdjusters.previous(day)
                : TemporalAdjusters.previousOrSame(day));
        LocalDate after = published.with(strict ? TemporalAdjusters.next(day) : TemporalAdjusters.nextOrSame(day));
        return switch (relation) {
            case PAST -> before;
            case FUTURE -> after;
            default -> published.toEpochDay() - before.toEpochDay() <= after.toEpochDay() - published.toEpochDay()
                    ? before : after;
        };
    }

    /** A day of the month written alone: the nearest such day the tense allows ("the 31st" may go two months back). */
    LocalDate dayOfMonth(int day, Relation relation) {
        LocalDate best = null;
        for (int shift = -2; shift <= 2; shift++) {
            LocalDate month = published.withDayOfMonth(1).plusMonths(shift);
            if (day <= month.lengthOfMonth()) {
                best = choose(best, month.withDayOfMonth(day), relation, published, 0);
            }
        }
        return best;
    }

    /** A month and day without a year, or null when the month never has that day. */
    LocalDate monthAndDay(int month, int day, Relation relation) {
        LocalDate best = null;
        for (int year = published.getYear() - 1; year <= published.getYear() + 1; year++) {
            if (day <= YearMonth.of(year, month).lengthOfMonth()) {
                best = choose(best, LocalDate.of(year, month, day), relation, published, NEAR_DAYS);
            }
        }
        return best;
    }

    /** A month without a year. */
    YearMonth month(int month, Relation relation) {
        LocalDate best = null;
        for (int year = published.getYear() - 1; year <= published.getYear() + 1; year++) {
            best = choose(best, LocalDate.of(year, month, 1), relation, published.withDayOfMonth(1), NEAR_DAYS);
        }
        return YearMonth.from(best);
    }

    /** "41 years ago", "two months ago", "six weeks ago": as precise as the unit counted. */
    String ago(int amount, ChronoUnit unit) {
        LocalDate then = published.minus(amount, unit);
        return switch (unit) {
            case DAYS -> then.toString();
            case WEEKS -> isoWeek(then);
            case MONTHS -> YearMonth.from(then).toString();
            default -> String.valueOf(then.getYear());
        };
    }

    static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * The better of two readings: within {@code nearDays} of publication any reading goes; beyond, past ones may not
     * lie after publication nor future ones before it; of those allowed, the nearest wins.
     */
    private static LocalDate choose(LocalDate best, LocalDate candidate, Relation relation, LocalDate reference,
                                    int nearDays) {
        long distance = ChronoUnit.DAYS.between(reference, candidate);
        boolean allowed = Math.abs(distance) <= nearDays
                || !(relation == Relation.PAST && distance > 0 || relation == Relation.FUTURE && distance < 0);
        if (!allowed) {
            return best;
        }
        if (best == null) {
            return candidate;
        }
        return Math.abs(distance) < Math.abs(ChronoUnit.DAYS.between(reference, best)) ? candidate : best;
    }
}
