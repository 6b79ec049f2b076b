package org.storylens.brief;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's time stamp run into the start of a sentence's text ("PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2: 29 PM
 * UPDATED: ... 9: 31 AM Protesters poured ...", "Published time: March 12, 2013 02: 03 Edited time: ... Police
 * intervened ...", "MAR. 14, 2013, 8: 12 PM Hostility has been mounting ..."): words of stamping, calendar words,
 * numbers and capitals up to a clock time, then the sentence proper. Stateless.
 */
final class PageStamp {

    /** Words of a page's time stamp: "Originally published 05 / 03 / 2013 at 10: 20 AM EDT", "Edited time:". */
    private static final Set<String> STAMP_WORDS = Set.of("published", "updated", "posted", "originally", "last",
            "edited", "time", "at", "on", "am", "pm", "a", "p", "m", "edt", "est", "gmt", "bst", "utc", "cet", "pst",
            "pdt", "ist", "aest");
    private static final Pattern CALENDAR_WORD = Pattern.compile(
            "(?i)(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu|thurs?|fri|sat|sun"
                    + "|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?"
                    + "|nov(ember)?|dec(ember)?)");
    /** A clock time as the corpus spaces it, with its half of the day and zone: "2: 29 PM", "10: 55 P. M.", "02: 03". */
    private static final Pattern CLOCK = Pattern.compile("(?i)\\b\\d{1,2}\\s*:\\s*\\d{2}(\\s*:\\s*\\d{2})?"
            + "(\\s*(am|pm|a\\.\\s*m\\.|p\\.\\s*m\\.))?(\\s+(edt|est|gmt|bst|utc|cet|pst|pdt|ist|aest))?");
    /** A date written after the stamp's clock: "FEB. 2, 2009", "2 February 2009". */
    private static final Pattern DATE_AFTER_CLOCK = Pattern.compile("(?i)(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
            + "sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|"
            + "oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4})");
    /** A stamp ends this close to the sentence's start. */
    private static final int REACH = 140;
    /** What follows a stamp is a sentence of at least this many words. */
    private static final int MIN_REST_WORDS = 4;

    private PageStamp() {
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether the text before a point of a sentence is all time stamp ("PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM"). */
    private static boolean stampOnly(String before) {
        return Arrays.stream(before.split("[^\\p{L}]+")).allMatch(w -> w.isEmpty()
                || w.equals(w.toUpperCase(Locale.ROOT)) || STAMP_WORDS.contains(w.toLowerCase(Locale.ROOT))
                || CALENDAR_WORD.matcher(w).matches());
    }

    /** Where the sentence proper starts after a run-in time stamp, or 0 when the text opens with none. */
    static int end(String text) {
        if (text == null) {
            return 0;
        }
        Matcher clock = CLOCK.matcher(text);
        int end = 0;
        while (clock.find() && clock.end() <= REACH) {
            if (!stampOnly(text.substring(0, clock.start()))) {
                break;
            }
            end = clock.end();
        }
        if (end == 0) {
            return 0;
        }
        int start = skipSpace(text, end);
        Matcher date = DATE_AFTER_CLOCK.matcher(text).region(start, text.length());
        if (date.lookingAt()) {
            start = skipSpace(text, date.end()); // "10: 55 P. M. FEB. 2, 2009 Chargers lineman ..."
        }
        String rest = text.substring(start);
        boolean sentence = !rest.isEmpty() && (Character.isUpperCase(rest.charAt(0)) || Character.isDigit(rest.charAt(0)))
                && rest.split("\\s+").length >= MIN_REST_WORDS;
        return sentence ? start : 0;
    }
}
