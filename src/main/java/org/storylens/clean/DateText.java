package org.storylens.clean;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a calendar date written in one of the ways news sites write publication dates: ISO 8601 (also with one-digit
 * month or day, and the basic form {@code 20210504T132005+0200}), RFC 822, ctime with the year last ("Tue Jan 28
 * 15:28:56 CET 2020"), "5 Dec, 2021", "December 5th", "Dec. 5, 2021 11:34 AM", "10/05/2022 05:22 pm" (month first
 * unless the first number cannot be a month), "2022/01/26", and, as a whole metadata value, Unix seconds or
 * milliseconds. A date with a time zone or offset is the date where it was written (the page's local date), never
 * moved to UTC. A date without a year keeps the year null. Thread-safe.
 */
final class DateText {

    /** A date as written; {@code year} is null when the text gave none. */
    record Found(Integer year, int month, int day, String time, int start, int end) {
    }

    static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "((?:19|20)\\d{2})";
    private static final String TIME = "(\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?\\s*(?:[AaPp]\\.?[Mm]\\.?)?)";

    private static final Pattern ISO = Pattern.compile(
            "(?<![\\d-])((?:19|20)\\d{2})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?"
                    + "(?:Z|[+-]\\d{2}:?\\d{2})?))?(?!\\d)");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?:" + TIME + ",?\\s+)?\\b" + MONTH + "\\s+" + DAY + "\\b(?:,?\\s+" + YEAR + "\\b)?(?:,?\\s+(?:at\\s+)?"
                    + TIME + ")?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?:" + TIME + ",?\\s+)?\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+" + YEAR + "\\b)?(?:,?\\s+(?:at\\s+)?"
                    + TIME + ")?", Pattern.CASE_INSENSITIVE);
    /** ctime and its kin: "Tue Jan 28 15:28:56 CET 2020", "Jan 28 15:28:56 2020". */
    private static final Pattern CTIME = Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?)"
            + "(?:\\s+[A-Z]{2,5}|\\s+[+-]\\d{4})?\\s+" + YEAR + "\\b", Pattern.CASE_INSENSITIVE);
    /** "10/05/2022", "10/05/2022 05:22 pm": month first, as US sites write it, unless the first number is over 12. */
    private static final Pattern SLASHED = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?![\\d/])"
            + "(?:,?\\s+(?:at\\s+)?" + TIME + ")?");
    /** "2022/01/26", "2022/1/26 14:32". */
    private static final Pattern YEAR_SLASHED = Pattern.compile("(?<![\\d/])((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})"
            + "(?![\\d/])(?:,?\\s+" + TIME + ")?");
    /** ISO 8601 basic form, as a whole value: "20210504T132005+0200", "20210504". */
    private static final Pattern ISO_BASIC = Pattern.compile("((?:19|20)\\d{2})(\\d{2})(\\d{2})"
            + "(?:T(\\d{2})(\\d{2})(\\d{2})?(?:\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern UNIX_TIME = Pattern.compile("\\d{9,10}|\\d{12,13}");
    private static final Pattern DOTTED = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d{2})(?![\\d.])");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private DateText() {
    }

    /** Parses a whole metadata value (ISO, RFC 822/1123, or any form {@link #find} knows). */
    static Optional<Found> parseValue(String value) {
        String v = value.strip();
        try {
            OffsetDateTime t = OffsetDateTime.parse(v);
            // the time as written after "yyyy-MM-ddT", offset included (08:30:00Z), as find() gives it
            return Optional.of(new Found(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), v.substring(11), 0,
                    v.length()));
        } catch (DateTimeParseException e) {
            // not ISO with offset; try the others
        }
        try {
            ZonedDateTime t = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Optional.of(new Found(t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    t.toLocalTime().toString(), 0, v.length()));
        } catch (DateTimeParseException e) {
            // not RFC 1123
        }
        Matcher basic = ISO_BASIC.matcher(v);
        if (basic.matches()) {
            int year = Integer.parseInt(basic.group(1));
            int month = Integer.parseInt(basic.group(2));
            int day = Integer.parseInt(basic.group(3));
            String time = basic.group(4) == null ? null : basic.group(4) + ":" + basic.group(5)
                    + (basic.group(6) == null ? "" : ":" + basic.group(6))
                    + (basic.group(7) == null ? "" : basic.group(7));
            return valid(year, month, day) ? Optional.of(new Found(year, month, day, time, 0, v.length()))
                    : Optional.empty();
        }
        if (UNIX_TIME.matcher(v).matches()) {
            long seconds = Long.parseLong(v) / (v.length() >= 12 ? 1000 : 1);
            // an epoch count carries no offset: its date is the UTC date
            java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
            if (t.getYear() < 1995 || t.getYear() > 2100) {
                return Optional.empty();
            }
            return Optional.of(new Found(t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                    t.toLocalTime().toString() + "Z", 0, v.length()));
        }
        return find(v);
    }

    /** The first date written in the text, if any. */
    static Optional<Found> find(String text) {
        Found best = null;
        for (Pattern p : new Pattern[] {ISO, CTIME, MONTH_DAY, DAY_MONTH, YEAR_SLASHED, SLASHED, DOTTED}) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                Found f = toFound(p, m);
                if (f != null) {
                    if (best == null || f.start() < best.start()) {
                        best = f;
                    }
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Found toFound(Pattern p, Matcher m) {
        Integer year;
        int month;
        int day;
        String time;
        if (p == ISO) {
            year = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
            day = Integer.parseInt(m.group(3));
            time = m.group(4);
        } else if (p == CTIME) {
            month = month(m.group(1));
            day = Integer.parseInt(m.group(2));
            time = m.group(3);
            year = Integer.parseInt(m.group(4));
        } else if (p == SLASHED) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            boolean dayFirst = first > 12 && second <= 12;
            month = dayFirst ? second : first;
            day = dayFirst ? first : second;
            year = Integer.parseInt(m.group(3));
            time = m.group(4);
        } else if (p == YEAR_SLASHED) {
            year = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
            day = Integer.parseInt(m.group(3));
            time = m.group(4);
        } else if (p == MONTH_DAY) {
            month = month(m.group(2));
            day = Integer.parseInt(m.group(3));
            year = m.group(4) == null ? null : Integer.parseInt(m.group(4));
            time = m.group(1) != null ? m.group(1) : m.group(5);
        } else if (p == DAY_MONTH) {
            day = Integer.parseInt(m.group(2));
            month = month(m.group(3));
            year = m.group(4) == null ? null : Integer.parseInt(m.group(4));
            time = m.group(1) != null ? m.group(1) : m.group(5);
        } else {
            day = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
            year = Integer.parseInt(m.group(3));
            time = null;
        }
        if (!valid(year, month, day)) {
            return null;
        }
        return new Found(year, month, day, time == null ? null : time.strip(), m.start(), m.end());
    }

    private static boolean valid(Integer year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        try {
            LocalDate.of(year == null ? 2000 : year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static int month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT).substring(0, 3));
    }
}
