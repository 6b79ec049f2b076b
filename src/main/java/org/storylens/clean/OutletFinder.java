package org.storylens.clean;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells who published an article and which agency its text is credited to. The outlet comes, in turn, from the
 * source's metadata, the URL's domain, an app promotion or copyright line the scrape left ("Stay tuned with 24 News
 * HD Android App", "© 2021 Example Times"), an outlet name opening the dateline ("Chinanews, December 5th"), and last
 * the agency in the dateline ("/ TASS /"). The wire is a known agency credited in a credit line, byline or the
 * dateline that is not the outlet itself. Thread-safe.
 */
public final class OutletFinder {

    /** Outlet and wire; either may be null. */
    public record Found(String outlet, String wire) {
    }

    private static final Pattern APP_PROMO = Pattern.compile(
            "(?i)(?:stay tuned with|download|get|install|follow)\\s+(?:the\\s+|our\\s+)?(.{2,50}?)\\s+"
                    + "(?:official\\s+)?(?:android|ios|iphone|mobile|news)?\\s*app\\b.*"
                    + "|(?i:.*\\b(?:app|application) (?:of|from|by))\\s+((?:the\\s+)?\\p{Lu}.{1,50}?)"
                    + "(?:\\s+(?i:for|on|in|and)\\b.*|[.!]?)");
    /** Lines near the top that hold the masthead: "Castrell Tribune · 12 March 2025", "Example Gazette | Weather". */
    private static final Pattern SEGMENT_SEPARATOR = Pattern.compile("\\s+[·•|]\\s+|\\s+[-–—]\\s+");
    private static final Pattern COPYRIGHT = Pattern.compile(
            "(?i)(?:©|\\(c\\)|copyright)\\s*(?:©\\s*)?(?:(?:19|20)\\d{2}\\s*(?:[-–]\\s*(?:19|20)\\d{2})?)?\\s*"
                    + "(.{2,60}?)[.,]?\\s*(?:all rights reserved\\.?)?\\s*");

    private final OutletTable table;

    public OutletFinder(OutletTable table) {
        this.table = table;
    }

    public Found find(String metadataOutlet, String url, List<RemovedLine> removed, Dateline dateline) {
        String outlet = canonical(metadataOutlet);
        if (outlet == null) {
            outlet = fromUrl(url);
        }
        if (outlet == null) {
            outlet = fromRemovedLines(removed);
        }
        if (outlet == null && dateline != null && (table.byName(dateline.place()).isPresent()
                || OutletNames.looksLikeOutlet(dateline.place()))) {
            outlet = canonical(dateline.place());
        }
        if (outlet == null) {
            outlet = fromSplitCredit(removed, dateline);
        }
        if (outlet == null && dateline != null && dateline.agency() != null) {
            outlet = canonical(dateline.agency());
        }
        String wire = wire(removed, dateline, outlet);
        return new Found(outlet, wire);
    }

    private String canonical(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return table.byName(name).map(Outlet::name).orElse(name.strip());
    }

    private String fromUrl(String url) {
        if (url == null || !url.matches("(?i)https?://.*")) {
            return null;
        }
        try {
            return table.byHost(URI.create(url.strip().replace(" ", "%20")).getHost()).map(Outlet::name).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String fromRemovedLines(List<RemovedLine> removed) {
        for (RemovedLine line : removed) {
            if (line.category().equals("app-promo")) {
                Matcher m = APP_PROMO.matcher(line.text());
                String promoted = m.matches() ? promotedName(m.group(1) != null ? m.group(1) : m.group(2)) : null;
                if (promoted != null && OutletNames.looksLikeName(promoted)) {
                    return canonical(promoted);
                }
                List<Outlet> named = table.namedIn(line.text());
                if (!named.isEmpty()) {
                    return named.get(0).name();
                }
            }
        }
        for (RemovedLine line : removed) {
            if (line.category().equals("published-line") || line.category().equals("navigation")) {
                for (String segment : SEGMENT_SEPARATOR.split(line.text())) {
                    if (table.byName(segment).isPresent() || OutletNames.looksLikeOutlet(segment)) {
                        return canonical(segment);
                    }
                }
            }
        }
        for (RemovedLine line : removed) {
            if (line.category().equals("copyright")) {
                // "© Reuters" on someone else's page credits the wire, not the publisher
                List<Outlet> named = table.namedIn(line.text());
                if (!named.isEmpty()) {
                    if (named.get(0).agency()) {
                        continue;
                    }
                    return named.get(0).name();
                }
                Matcher m = COPYRIGHT.matcher(line.text());
                if (m.matches() && OutletNames.looksLikeName(m.group(1))
                        && OutletNames.agencyIn(m.group(1)) == null) {
                    return canonical(m.group(1));
                }
            }
        }
        return null;
    }

    /** A credit line "Outlet / Agency" where the agency is the dateline's: the other half is the outlet. */
    private String fromSplitCredit(List<RemovedLine> removed, Dateline dateline) {
        if (dateline == null || dateline.agency() == null) {
            return null;
        }
        for (RemovedLine line : removed) {
            if (line.category().equals("credit")) {
                String[] halves = line.text().replaceAll("[.]$", "").split("\\s*/\\s*");
                if (halves.length == 2 && OutletTable.key(halves[1]).equals(OutletTable.key(dateline.agency()))
                        && OutletNames.looksLikeName(halves[0])) {
                    return canonical(halves[0]);
                }
            }
        }
        return null;
    }

    /**
     * The name in "download the free Daily Globe app": the words from the first capitalised one on (outlet names are
     * capitalised, "free", "new" or "official" are not); null when there is none ("download our free app").
     */
    private static String promotedName(String captured) {
        String[] words = captured.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            int first = words[i].codePointAt(0);
            if (Character.isUpperCase(first) || Character.isDigit(first)) {
                return String.join(" ", Arrays.copyOfRange(words, i, words.length));
            }
        }
        return null;
    }

    private String wire(List<RemovedLine> removed, Dateline dateline, String outlet) {
        for (RemovedLine line : removed) {
            if (line.category().equals("credit") || line.category().equals("byline")
                    || line.category().equals("copyright") || line.category().equals("dateline")) {
                Optional<String> agency = table.namedIn(line.text()).stream()
                        .filter(Outlet::agency)
                        .map(Outlet::name)
                        .filter(name -> !name.equals(outlet))
                        .findFirst();
                if (agency.isEmpty()) {
                    agency = Optional.ofNullable(OutletNames.agencyIn(line.text()))
                            .map(this::canonical)
                            .filter(name -> !name.equals(outlet));
                }
                if (agency.isPresent()) {
                    return agency.get();
                }
            }
        }
        if (dateline != null && dateline.agency() != null) {
            String agency = canonical(dateline.agency());
            if (!agency.equals(outlet)) {
                return agency;
            }
        }
        return null;
    }
}
