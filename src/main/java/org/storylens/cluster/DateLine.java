package org.storylens.cluster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a headline that is only a date line ("Last Updated: Monday, 28 November 2005, 02:24 GMT", "Posted 11/27/2005
 * 7:21 AM", "11 / 28 / 05"), as scraped pages often give in place of a title: the date of the report. A headline
 * with words of its own is not a date line. Thread-safe.
 */
final class DateLine {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH
            + ",?\\s+((?:19|20)\\d{2})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH
            + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b");
    private static final Pattern SLASHED = Pattern.compile("\\b(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4}|\\d{2})\\b");
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Set<String> DATE_WORDS = Set.of("posted", "updated", "last", "published", "on", "at", "am",
            "pm", "gmt", "utc", "et", "est", "edt", "pst", "pdt", "cet", "cest", "bst", "ist", "hrs", "st", "nd", "rd",
            "th", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed",
            "thu", "fri", "sat", "sun", "a", "m", "p");

    private DateLine() {
    }

    /** The date a date-line headline gives, or null when the headline has words of its own or no full date. */
    static LocalDate of(String headline) {
        if (headline == null) {
            return null;
        }
        String h = headline.toLowerCase(Locale.ROOT);
        Matcher words = WORD.matcher(h);
        int own = 0;
        while (words.find()) {
            String w = words.group();
            if (!DATE_WORDS.contains(w) && !(w.length() >= 3 && MONTHS.containsKey(w.substring(0, 3)))) {
                own++;
            }
        }
        if (own > 1) {
            return null;
        }
        try {
            Matcher m = DAY_MONTH_YEAR.matcher(h);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)));
            }
            m = MONTH_DAY_YEAR.matcher(h);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = SLASHED.matcher(h);
            if (m.find()) {
                int year = Integer.parseInt(m.group(3));
                // US order, the usual one of slashed dates on English news pages; two-digit years are this century's
                return LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }
}
