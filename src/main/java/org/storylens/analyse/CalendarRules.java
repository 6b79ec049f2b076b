package org.storylens.analyse;

import org.storylens.analyse.TimeExpression.Relation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places one time expression on the calendar from its words, SUTime's value for it, the tense it is used in and the
 * publication date. Where SUTime is known to go wrong (weekdays, dates and months without a year, a day of the month
 * on its own, "N years ago") the value is computed by {@link PublicationCalendar}; otherwise SUTime's is kept, but
 * only when it does not rest on a date nobody gave (an undated article never gets today's date). Parts of the day
 * are dropped ("Friday night" is placed on Friday: the brief's dates are ISO 8601); clock times are kept.
 */
final class CalendarRules {

    /** A value and whether it was computed from the publication date. */
    record Placed(String value, boolean fromPublication) {
    }

    private static final Placed OPEN = new Placed(null, false);
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
    /** "a year later", "two days later", "a week afterwards": counted from an event the text told, not from publication. */
    private static final Pattern LATER = Pattern.compile("(?i)(?:just\\s+|some\\s+|about\\s+)?(?:\\d+|an?|one|two|"
            + "three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a\\s+few)\\s+(?:hour|day|week|month|"
            + "year|decade)s?\\s+(?:later|afterwards?|earlier|before)");
    private static final Pattern BARE_PART_OF_DAY = Pattern.compile("(?i)(the\\s+)?(morning|afternoon|evening|night)");
    private static final Pattern CLOCK = Pattern.compile("T\\d\\d.*");
    /** "at the weekend", "over the weekend", "this weekend": which weekend, the tense says. */
    private static final Pattern BARE_WEEKEND = Pattern.compile("(?i)(?:the|this)\\s+weekend");
    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("mon", DayOfWeek.MONDAY, "tue",
            DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    Placed place(String text, String sutimeValue, String type, Relation relation, LocalDate published) {
        String value = withoutPartOfDay(sutimeValue);
        if (EXPLICIT_YEAR.matcher(text).find() || type.equals("DURATION") || type.equals("SET")) {
            return new Placed(value, false);
        }
        if (LATER.matcher(text.strip()).matches()) {
            return OPEN; // "A year later, he was convicted": a year after the event the article last told
        }
        if (BARE_PART_OF_DAY.matcher(text).matches()) {
            // "in the evening" is the evening of some event; SUTime would put it on the publication day
            return OPEN;
        }
        PublicationCalendar calendar = published == null ? null : new PublicationCalendar(published);
        if (BARE_WEEKEND.matcher(text).matches() && published != null
                && (relation == Relation.PAST || relation == Relation.FUTURE)) {
            return new Placed(weekend(published, relation), true);
        }
        Matcher ago = AGO.matcher(text);
        if (ago.find()) {
            return calendar == null ? OPEN : new Placed(calendar.ago(amount(ago.group(1)), unit(ago.group(2))), true);
        }
        Matcher ordinal = ORDINAL_DAY.matcher(text);
        if (ordinal.matches()) {
            LocalDate day = calendar == null ? null : calendar.dayOfMonth(Integer.parseInt(ordinal.group(1)), relation);
            return day == null ? OPEN : new Placed(day.toString(), true);
        }
        String clock = clockTime(value);
        Matcher monthDay = MONTH_DAY.matcher(text);
        Matcher dayMonth = DAY_MONTH.matcher(text);
        boolean monthDayFound = monthDay.find();
        boolean dayMonthFound = dayMonth.find();
        // "10 Nov 11": the day written first is the day; the "11" after the month is a year
        boolean monthFirst = monthDayFound && !(dayMonthFound && dayMonth.start() < monthDay.start());
        if (monthFirst || dayMonthFound) {
            int month = month(monthFirst ? monthDay.group(1) : dayMonth.group(2));
            int day = Integer.parseInt(monthFirst ? monthDay.group(2) : dayMonth.group(1));
            if (day < 1 || day > 31) {
                return OPEN;
            }
            if (calendar == null) {
                return new Placed(String.format("XXXX-%02d-%02d", month, day), false);
            }
            LocalDate date = calendar.monthAndDay(month, day, relation);
            if (date == null) {
                return OPEN;
            }
            boolean week = WEEK_OF.matcher(text).find();
            return new Placed(week ? PublicationCalendar.isoWeek(date) : date + clock, true);
        }
        Matcher month = MONTH_ALONE.matcher(text);
        if (month.find() && value != null && value.matches("(\\d{4}|XXXX)-\\d\\d")) {
            return calendar == null ? new Placed(String.format("XXXX-%02d", month(month.group(1))), false)
                    : new Placed(calendar.month(month(month.group(1)), relation).toString(), true);
        }
        Matcher weekday = WEEKDAY.matcher(text);
        if (weekday.find() && (value == null || !value.startsWith("P"))) {
            if (calendar == null) {
                return OPEN;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            DayOfWeek day = WEEKDAYS.get(weekday.group(1).toLowerCase(Locale.ROOT).substring(0, 3));
            boolean last = lower.matches("(?s).*\\blast\\b.*");
            boolean next = lower.matches("(?s).*\\bnext\\b.*");
            Relation direction = last ? Relation.PAST : next ? Relation.FUTURE : relation;
            return new Placed(calendar.weekday(day, direction, last || next) + clock, true);
        }
        return kept(value, published);
    }

    /**
     * "agreed at the weekend" in a Wednesday's report is the weekend before it, "will vote at the weekend" the one
     * after (SUTime takes the publication week's for both); a report written on the weekend means that one.
     */
    private static String weekend(LocalDate published, Relation relation) {
        boolean onWeekend = published.getDayOfWeek() == DayOfWeek.SATURDAY
                || published.getDayOfWeek() == DayOfWeek.SUNDAY;
        LocalDate saturday = published.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        if (!onWeekend && relation == Relation.FUTURE) {
            saturday = saturday.plusWeeks(1);
        }
        return PublicationCalendar.isoWeek(saturday) + "-WE";
    }

    /** SUTime's value, unless it rests on a publication date that is not known. */
    private static Placed kept(String value, LocalDate published) {
        boolean calendar = value != null && !value.isEmpty() && Character.isDigit(value.charAt(0));
        if (published == null && calendar) {
            return OPEN;
        }
        return new Placed(value, calendar);
    }

    /** SUTime's clock time ({@code T10:35}) to keep on a date computed here. */
    private static String clockTime(String value) {
        int t = value == null ? -1 : value.indexOf('T');
        return t >= 0 && CLOCK.matcher(value.substring(t)).matches() ? value.substring(t) : "";
    }

    private static String withoutPartOfDay(String value) {
        return value == null ? null : value.replaceFirst("T(MO|AF|EV|NI|DT)$", "");
    }

    private static int amount(String number) {
        String n = number.toLowerCase(Locale.ROOT);
        return n.matches("\\d+") ? Integer.parseInt(n) : n.startsWith("a") ? 1 : NUMBERS.indexOf(n);
    }

    private static ChronoUnit unit(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "day" -> ChronoUnit.DAYS;
            case "week" -> ChronoUnit.WEEKS;
            case "month" -> ChronoUnit.MONTHS;
            case "year" -> ChronoUnit.YEARS;
            default -> ChronoUnit.DECADES;
        };
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.toLowerCase(Locale.ROOT).substring(0, 3)) + 1;
    }
}
