package org.storylens.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the metadata a scrape leaves at the start of an article's first paragraph off the text: a date prefix
 * ("date 2021-12-04 ...") and a dateline ("MOSCOW, December 3. / TASS /.", "WASHINGTON (Reuters) -",
 * "RIO DE JANEIRO, Brazil (AP) —", "LONDON —", "Chinanews, December 5th, a comprehensive report,"). Both are
 * reported as removed and handed on as metadata. Thread-safe.
 */
final class LeadMetadataStripper {

    /** The text left, what was removed, the date prefix's value and the dateline found (each may be null). */
    record Result(String text, List<RemovedLine> removed, DateText.Found datePrefix, Dateline dateline) {
    }

    private static final Pattern DATE_PREFIX = Pattern.compile(
            "^(?i:(?:date|published(?:\\s+on)?|posted(?:\\s+on)?|updated(?:\\s+on)?)\\s*:?\\s*)"
                    + "((?:19|20)\\d{2}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?)"
                    + "\\s+(?=\\S)");
    private static final String DAY = "\\d{1,2}(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:,?\\s+(?:19|20)\\d{2})?";
    private static final String DATE = "(?:" + DateText.MONTH + "\\s+" + DAY + YEAR + "|" + DAY + "\\s+"
            + DateText.MONTH + YEAR + ")";
    private static final String WORD = "\\p{Lu}[\\p{L}\\p{M}.'’-]*";
    private static final Pattern DATELINE = Pattern.compile(
            "^(?<place>" + WORD + "(?:[ -]" + WORD + "){0,3})"
                    // AP style names the state or country after the city: "RIO DE JANEIRO, Brazil (AP) —"
                    + "(?:,\\s*(?<region>(?!" + DateText.MONTH + "\\b)" + WORD + "(?:\\s" + WORD + "){0,2}))?"
                    + "(?:\\s*\\((?<paren>[^()\\n]{2,40})\\))?"
                    + "(?:,\\s*(?<date>" + DATE + "))?"
                    + "\\s*[.,]?\\s*"
                    + "(?:/\\s*(?<agencyS>[^/\\n]{2,40}?)\\s*/\\s*\\.?\\s*|\\((?<agencyP>[^()\\n]{2,40})\\)\\s*)?"
                    + "(?<dash>[:\\-–—]+\\s*)?"
                    + "(?:(?i:(?:an?\\s+)?(?:comprehensive|combined|compiled|staff|special)\\s+reports?)[,.:]?\\s*)?");

    private final OutletTable outlets;

    LeadMetadataStripper(OutletTable outlets) {
        this.outlets = outlets;
    }

    Result strip(String text) {
        List<RemovedLine> removed = new ArrayList<>();
        String rest = text.stripLeading();
        DateText.Found prefixDate = null;
        Matcher p = DATE_PREFIX.matcher(rest);
        if (p.find()) {
            prefixDate = DateText.parseValue(p.group(1)).orElse(null);
            removed.add(new RemovedLine(p.group().strip(), "published-line"));
            rest = rest.substring(p.end());
        }
        Dateline dateline = null;
        Matcher d = DATELINE.matcher(rest);
        if (d.find() && d.end() < rest.length()) {
            dateline = accept(d);
            if (dateline != null) {
                removed.add(new RemovedLine(dateline.text(), "dateline"));
                rest = capitalise(rest.substring(d.end()));
            }
        }
        return new Result(rest, removed, prefixDate, dateline);
    }

    /**
     * A dateline needs a date or an agency, and a place that cannot be the start of an ordinary sentence: written in
     * capitals, a known or outlet-shaped name, followed by a credited agency, or closed by a colon or dash after the
     * date ("Meravik (Veldania), March 12:").
     */
    private Dateline accept(Matcher d) {
        String place = d.group("place");
        String paren = d.group("paren");
        String dateText = d.group("date");
        String agency = first(d.group("agencyS"), d.group("agencyP"));
        if (agency == null && paren != null && (dateText == null || isAgency(paren))) {
            agency = paren;
        }
        boolean allCaps = place.equals(place.toUpperCase(java.util.Locale.ROOT)) && place.length() >= 3;
        boolean dash = d.group("dash") != null && d.group("dash").matches("(?s).*[-–—].*");
        if (dateText == null && agency == null && !(allCaps && dash)) {
            return null;
        }
        // Without a date, a name and a bracketed name only make a dateline when a dash, the slashes of "/ TASS /."
        // or a line break follow: "NASA (AP) mission" or "The BBC (British Broadcasting Corporation) said" are prose.
        if (dateText == null && agency != null && !dash && d.group("agencyS") == null
                && d.group().indexOf('\n') < 0) {
            return null;
        }
        if (agency != null && agency.split("\\s+").length > 4) {
            return null;
        }
        boolean outletName = outlets.byName(place).isPresent() || OutletNames.looksLikeOutlet(place);
        boolean credited = agency != null && isAgency(agency);
        boolean closed = dateText != null && (d.group("dash") != null || d.group("agencyS") != null
                || d.group("agencyP") != null);
        if (!allCaps && !outletName && !credited && !closed) {
            return null;
        }
        DateText.Found date = dateText == null ? null : DateText.find(dateText).orElse(null);
        String raw = d.group().strip();
        return new Dateline(raw.replaceAll("[,:\\-–—]+$", "").strip(), place, date,
                agency == null ? null : agency.strip());
    }

    private boolean isAgency(String name) {
        return outlets.byName(name).isPresent() || OutletNames.agencyIn(name) != null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String capitalise(String s) {
        if (s.isEmpty() || !Character.isLowerCase(s.codePointAt(0))) {
            return s;
        }
        return new StringBuilder().appendCodePoint(Character.toUpperCase(s.codePointAt(0)))
                .append(s.substring(Character.charCount(s.codePointAt(0)))).toString();
    }
}
