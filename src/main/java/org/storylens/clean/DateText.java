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
 * Reads a calendar date written in one of the ways news sites write publication dates: ISO 8601, RFC 822, "5 Dec,
 * 2021", "December 5th", "Dec. 5, 2021 11:34 AM". A date without a year keeps the year null. Thread-safe.
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
            "(?<![\\d-])((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?"
                    + "(?:Z|[+-]\\d{2}:?\\d{2})?))?(?!\\d)");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?:" + TIME + ",?\\s+)?\\b" + MONTH + "\\s+" + DAY + "\\b(?:,?\\s+" + YEAR + "\\b)?(?:,?\\s+(?:at\\s+)?"
                    + TIME + ")?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?:" + TIME + ",?\\s+)?\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+" + YEAR + "\\b)?(?:,?\\s+(?:at\\s+)?"
                    + TIME + ")?", Pattern.CASE_INSENSITIVE);
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
        return find(v);
    }

    /** The first date written in the text, if any. */
    static Optional<Found> find(String text) {
        Found best = null;
        for (Pattern p : new Pattern[] {ISO, MONTH_DAY, DAY_MONTH, DOTTED}) {
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
