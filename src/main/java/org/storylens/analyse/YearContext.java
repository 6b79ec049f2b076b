package org.storylens.analyse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether a number that SUTime reads as a year is one. SUTime takes any four-digit number for a year, so that
 * "0240 GMT" becomes the year 240 and "has risen to 1530" the year 1530. A number written alone is a year only in a
 * year context: after "in", "since", "during" and their kind ("in 1990", "since 1994"), after a month ("March 2009"),
 * after a time noun and "of" ("the end of 2009"), before "'s", or between a determiner and the singular noun it
 * modifies ("a 2022 inspection"); and never next to a clock word (GMT, UTC, hours, a.m.), before a plural noun
 * ("1530 people"), with a thousands separator ("1,530") or outside 1000–2199. Stateless.
 */
final class YearContext {

    private static final Pattern BARE_NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})+|\\d{4}");
    private static final Pattern CLOCK_WORD = Pattern.compile("(?i)gmt|utc|bst|cet|est|edt|pst|z|hrs?|hours?|h|"
            + "local|a\\.?m\\.?|p\\.?m\\.?");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    /** Words after which a number alone is a year whatever it counts: "in 1990", "since 1994". */
    private static final Set<String> YEAR_BEFORE = Set.of("in", "since", "during", "circa", "early", "late", "mid",
            "fiscal", "year", "spring", "summer", "autumn", "fall", "winter", "before", "after");
    /** Words after which only a recent year is a year, and not after a verb of change or an amount: "by 2030",
     * "dating to 1994", but "rose by 2000", "risen to 1900", "from 1,200 to 1900". */
    private static final Set<String> RECENT_YEAR_BEFORE = Set.of("by", "until", "till", "from", "to", "for",
            "through", "between");
    /** Nouns that, followed by "of", take a year: "the end of 2009", "the summer of 1990". */
    private static final Set<String> TIME_NOUNS = Set.of("end", "beginning", "start", "middle", "half", "quarter",
            "part", "spring", "summer", "autumn", "fall", "winter", "year", "years", "months", "course", "rest");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "its", "his", "her", "their", "our",
            "this", "that", "'s", "’s", "last", "next");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.",
            "apr", "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.",
            "nov", "nov.", "dec", "dec.");

    /** True when the mention is a number alone, possibly with a clock word, that stands for no year in its context. */
    boolean notAYear(AnnotatedText text, AnnotatedText.Mention m) {
        List<Token> sentence = text.tokens().get(m.sentence());
        List<Token> tokens = sentence.subList(m.firstToken(), m.lastToken());
        Token number = null;
        for (Token t : tokens) {
            if (BARE_NUMBER.matcher(t.word()).matches()) {
                if (number != null) {
                    return false; // "1990-1995", two numbers: SUTime's range, left to it
                }
                number = t;
            } else if (!CLOCK_WORD.matcher(t.word()).matches()) {
                return false; // "March 2009", "the 1990s", "2009 spring": more than a number
            }
        }
        if (number == null) {
            return false;
        }
        if (tokens.size() > 1 || !FOUR_DIGITS.matcher(number.word()).matches()) {
            return true; // "0240 GMT", "1,530"
        }
        int at = number.index();
        Token before = at > 0 ? sentence.get(at - 1) : null;
        Token after = at + 1 < sentence.size() ? sentence.get(at + 1) : null;
        if (after != null && CLOCK_WORD.matcher(after.word()).matches()) {
            return true;
        }
        boolean no = !yearContext(sentence, at, Integer.parseInt(number.word()), before, after);
        return no;
    }

    private static boolean yearContext(List<Token> sentence, int at, int value, Token before, Token after) {
        if (value < 1000 || value > 2199) {
            return false;
        }
        if (after != null && after.pos().equals("NNS")) {
            return false; // "1530 people", "2000 troops"
        }
        boolean recent = value >= 1900 && value <= 2100;
        if (after != null && (after.word().equals("'s") || after.word().equals("’s"))) {
            return true;
        }
        if (before == null) {
            return recent && after != null && after.word().equals(",");
        }
        String b = lower(before);
        if (YEAR_BEFORE.contains(b) || MONTHS.contains(b)) {
            return true;
        }
        Token twoBefore = at > 1 ? sentence.get(at - 2) : null;
        if (b.equals(",") && twoBefore != null && (MONTHS.contains(lower(twoBefore))
                || twoBefore.word().matches("\\d{1,2}(st|nd|rd|th)?") && at > 2
                && MONTHS.contains(lower(sentence.get(at - 3))))) {
            return true; // "March 12, 2009" split by CoreNLP
        }
        if (b.equals("of") && twoBefore != null && (TIME_NOUNS.contains(lower(twoBefore))
                || MONTHS.contains(lower(twoBefore)))) {
            return true;
        }
        if ((b.equals("and") || b.equals("or") || b.equals(",") || b.equals("to") || b.equals("-") || b.equals("–"))
                && twoBefore != null && FOUR_DIGITS.matcher(twoBefore.word()).matches() && recent) {
            return true; // "between 1990 and 1995", "2019 to 2021", "in 1994, 1995 and 1997"
        }
        if (RECENT_YEAR_BEFORE.contains(b)) {
            // after a verb of change "by" and "from" give an amount: "rose by 2000", "fell from 2000"
            // after an amount, "to" gives another: "from 1,200 to 1900"
            boolean amount = twoBefore != null && ((b.equals("by") || b.equals("from") || b.equals("to"))
                    && twoBefore.pos().startsWith("VB") || twoBefore.pos().equals("CD"));
            return recent && !amount;
        }
        // a determiner, the year, a singular noun or adjective: "a 2022 inspection", "Russia's 2014 annexation"
        return DETERMINERS.contains(b) && after != null && (after.pos().equals("NN") || after.pos().equals("JJ")
                || after.pos().equals("NNP"));
    }

    private static String lower(Token t) {
        return t.word().toLowerCase(Locale.ROOT);
    }
}
