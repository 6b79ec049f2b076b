package org.storylens.analyse;

import org.storylens.analyse.TimeExpression.Relation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places one time expression on the calendar from its words, SUTime's value for it, the tense it is used in and the
 * publication date. Where SUTime is known to go wrong (weekdays, dates without a year, a day of the month on its
 * own) the value is computed here; otherwise SUTime's is kept, but only when it does not rest on a date nobody gave
 * (an undated article never gets today's date).
 *
 * <p>Weekdays: a past-tense or "last" weekday is the latest such day on or before publication, a future one the
 * first on or after it; news wires write "said Friday" on the Friday itself, so the publication day counts. With no
 * tense the nearest such day is taken. Days of the month alone: the nearest such day that the tense allows.
 * Dates and months without a year: within a month of publication the nearest is taken whatever the tense (the verb
 * often belongs to another event: "gave no reason for the Jan. 14 deadline"); further away the tense decides.
 */
final class CalendarRules {

    /** A value and whether it was computed from the publication date. */
    record Placed(String value, boolean fromPublication) {
    }

    private static final Pattern EXPLICIT_YEAR = Pattern.compile("\\b(1[0-9]|20)\\d\\d\\b|'\\d\\d\\b");
    private static final Pattern ORDINAL_DAY = Pattern.compile("(?i)(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)");
    private static final String MONTH = "\\b(january|february|march|april|may|june|july|august|september|october|"
            + "november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?";
    private static final Pattern MONTH_DAY = Pattern.compile("(?i)" + MONTH + "\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern DAY_MONTH = Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
            + MONTH);
    private static final Pattern MONTH_ALONE = Pattern.compile("(?i)" + MONTH);
    private static final Pattern WEEKDAY = Pattern.compile("(?i)\\b(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|"
            + "sun)(?:day)?\\b\\.?");
    private static final Pattern WEEK_OF = Pattern.compile("(?i)\\bweek\\s+of\\b");
    private static final Pattern AGO = Pattern.compile("(?i)\\b(\\d+|an?|one|two|three|four|five|six|seven|eight|"
            + "nine|ten|eleven|twelve)\\s+(day|week|month|year|decade)s?\\s+ago\\b");
    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve");
    private static final Pattern CLOCK = Pattern.compile("T\\d\\d.*");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("mon", DayOfWeek.MONDAY, "tue",
            DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);
    private static final int NEAR_DAYS = 31;

    Placed place(String text, String sutimeValue, String type, Relation relation, LocalDate published) {
        String value = withoutPartOfDay(sutimeValue);
        if (EXPLICIT_YEAR.matcher(text).find() || type.equals("DURATION") || type.equals("SET")) {
            return new Placed(value, false);
        }
        Matcher ago = AGO.matcher(text);
        if (ago.find()) {
            return published == null ? new Placed(null, false)
                    : new Placed(ago(amount(ago.group(1)), ago.group(2).toLowerCase(Locale.ROOT), published), true);
        }
        Matcher ordinal = ORDINAL_DAY.matcher(text);
        if (ordinal.matches()) {
            return published == null ? new Placed(null, false)
                    : new Placed(dayOfMonth(Integer.parseInt(ordinal.group(1)), relation, published), true);
        }
        String clock = timeOfDay(value);
        Matcher monthDay = MONTH_DAY.matcher(text);
        Matcher dayMonth = DAY_MONTH.matcher(text);
        boolean found = monthDay.find();
        if (found || dayMonth.find()) {
            Placed placed = found
                    ? monthAndDay(month(monthDay.group(1)), Integer.parseInt(monthDay.group(2)), clock, relation,
                    published)
                    : monthAndDay(month(dayMonth.group(2)), Integer.parseInt(dayMonth.group(1)), clock, relation,
                    published);
            return WEEK_OF.matcher(text).find() && placed.value() != null && !placed.value().startsWith("X")
                    ? new Placed(isoWeek(LocalDate.parse(placed.value().substring(0, 10))), true) : placed;
        }
        Matcher month = MONTH_ALONE.matcher(text);
        if (month.find() && value != null && value.matches("(\\d{4}|XXXX)-\\d\\d")) {
            return monthAlone(month(month.group(1)), relation, published);
        }
        Matcher weekday = WEEKDAY.matcher(text);
        if (weekday.find() && (value == null || !value.startsWith("P"))) {
            if (published == null) {
                return new Placed(null, false);
            }
            String lower = text.toLowerCase(Locale.ROOT);
            DayOfWeek day = WEEKDAYS.get(weekday.group(1).toLowerCase(Locale.ROOT).substring(0, 3));
            boolean last = lower.matches("(?s).*\\blast\\b.*");
            boolean next = lower.matches("(?s).*\\bnext\\b.*");
            Relation direction = last ? Relation.PAST : next ? Relation.FUTURE : relation;
            return new Placed(weekday(day, direction, last || next, published) + clock, true);
        }
        return kept(value, published);
    }

    /** SUTime's value, unless it rests on a publication date that is not known. */
    private static Placed kept(String value, LocalDate published) {
        boolean calendar = value != null && !value.isEmpty() && Character.isDigit(value.charAt(0));
        if (published == null && calendar) {
            return new Placed(null, false);
        }
        return new Placed(value, calendar);
    }

    /** SUTime's clock time ({@code T10:35}) to keep on a date computed here. */
    private static String timeOfDay(String value) {
        int t = value == null ? -1 : value.indexOf('T');
        return t >= 0 && CLOCK.matcher(value.substring(t)).matches() ? value.substring(t) : "";
    }

    /** The brief's dates are ISO 8601, which has no parts of the day: "Friday night" is placed on Friday. */
    private static String withoutPartOfDay(String value) {
        return value == null ? null : value.replaceFirst("T(MO|AF|EV|NI|DT)$", "");
    }

    private static int amount(String number) {
        String n = number.toLowerCase(Locale.ROOT);
        return n.matches("\\d+") ? Integer.parseInt(n) : n.startsWith("a") ? 1 : NUMBERS.indexOf(n);
    }

    /** "41 years ago", "two months ago", "six weeks ago": as precise as the unit counted. */
    private static String ago(int amount, String unit, LocalDate published) {
        return switch (unit) {
            case "day" -> published.minusDays(amount).toString();
            case "week" -> isoWeek(published.minusWeeks(amount));
            case "month" -> published.minusMonths(amount).toString().substring(0, 7);
            case "year" -> String.valueOf(published.minusYears(amount).getYear());
            default -> String.valueOf(published.minusYears(10L * amount).getYear());
        };
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.toLowerCase(Locale.ROOT).substring(0, 3)) + 1;
    }

    private static Placed monthAndDay(int month, int day, String clock, Relation relation, LocalDate published) {
        if (day < 1 || day > 31) {
            return new Placed(null, false);
        }
        if (published == null) {
            return new Placed(String.format("XXXX-%02d-%02d", month, day), false);
        }
        LocalDate best = null;
        for (int year = published.getYear() - 1; year <= published.getYear() + 1; year++) {
            if (day <= LocalDate.of(year, month, 1).lengthOfMonth()) {
                best = choose(best, LocalDate.of(year, month, day), relation, published, NEAR_DAYS);
            }
        }
        return best == null ? new Placed(null, false) : new Placed(best + clock, true);
    }

    private static Placed monthAlone(int month, Relation relation, LocalDate published) {
        if (published == null) {
            return new Placed(String.format("XXXX-%02d", month), false);
        }
        LocalDate best = null;
        LocalDate start = published.withDayOfMonth(1);
        for (int year = published.getYear() - 1; year <= published.getYear() + 1; year++) {
            best = choose(best, LocalDate.of(year, month, 1), relation, start, NEAR_DAYS);
        }
        return new Placed(best.toString().substring(0, 7), true);
    }

    private static String dayOfMonth(int day, Relation relation, LocalDate published) {
        LocalDate best = null;
        for (int shift = -1; shift <= 1; shift++) {
            LocalDate month = published.withDayOfMonth(1).plusMonths(shift);
            if (day <= month.lengthOfMonth()) {
                best = choose(best, month.withDayOfMonth(day), relation, published, 0);
            }
        }
        return best == null ? null : best.toString();
    }

    /**
     * The better of two readings: within {@code nearDays} of publication any reading goes; beyond, past ones may not
     * lie after publication nor future ones before it; of those allowed, the nearest wins.
     */
    private static LocalDate choose(LocalDate best, LocalDate candidate, Relation relation, LocalDate published,
                                    int nearDays) {
        long distance = ChronoUnit.DAYS.between(published, candidate);
        boolean allowed = Math.abs(distance) <= nearDays
                || !(relation == Relation.PAST && distance > 0 || relation == Relation.FUTURE && distance < 0);
        if (!allowed) {
            return best;
        }
        if (best == null) {
            return candidate;
        }
        return Math.abs(distance) < Math.abs(ChronoUnit.DAYS.between(published, best)) ? candidate : best;
    }

    private static String isoWeek(LocalDate date) {
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static LocalDate weekday(DayOfWeek day, Relation relation, boolean strict, LocalDate published) {
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
}
