package org.storylens.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Removes debris lines from article text: lines matching the maintained phrase list, a repeat of the title, navigation
 * crumbs ("Home | World | Europe"), and bare agency credits ("— AFP", "(Reuters)") naming known outlets. Each removed
 * line is reported with its category. Thread-safe.
 */
public final class BoilerplateRemover {

    /** The text left and what was removed from it. */
    public record Result(String text, List<RemovedLine> removed) {
    }

    private static final Pattern CRUMB_SEPARATOR = Pattern.compile("\\s+(?:\\||>|»|/|›)\\s+");

    private static final Pattern CREDIT_FRAME = Pattern.compile("^[\\s\\-–—(\\[]+|[\\s)\\].]+$");
    private static final Pattern CREDIT_JOINER = Pattern.compile("\\s*(?:[,/&]|\\band\\b|\\bwith\\b|\\bvia\\b)\\s*");

    private final BoilerplatePatterns patterns;
    private final OutletTable outlets;

    public BoilerplateRemover(BoilerplatePatterns patterns, OutletTable outlets) {
        this.patterns = patterns;
        this.outlets = outlets;
    }

    public Result remove(String text, String title) {
        List<RemovedLine> removed = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        String titleKey = title == null ? null : key(title);
        for (String paragraph : text.split("\n\\s*\n")) {
            List<String> kept = new ArrayList<>();
            for (String line : paragraph.split("\n")) {
                String l = line.strip();
                if (l.isEmpty()) {
                    continue;
                }
                String category = categoryOf(l, titleKey);
                if (category == null) {
                    kept.add(l);
                } else {
                    removed.add(new RemovedLine(l, category));
                }
            }
            if (!kept.isEmpty()) {
                paragraphs.add(String.join("\n", kept));
            }
        }
        if (paragraphs.isEmpty()) {
            // an article whose whole text is its headline (a one-sentence item) keeps it: that is no repeat
            for (int i = 0; i < removed.size(); i++) {
                if (removed.get(i).category().equals("repeated-title")) {
                    String only = removed.remove(i).text();
                    return new Result(only, removed);
                }
            }
        }
        return new Result(String.join("\n\n", paragraphs), removed);
    }

    /**
     * The category of debris a line removed elsewhere (by a reader, from markup) belongs to, or {@code markup} when
     * no pattern names it.
     */
    public String categoryOfRemoved(String line) {
        String category = categoryOf(line.strip(), null);
        return category == null ? "markup" : category;
    }

    private String categoryOf(String line, String titleKey) {
        if (titleKey != null && !titleKey.isEmpty() && key(line).equals(titleKey)) {
            return "repeated-title";
        }
        String category = patterns.categoryOf(line).orElse(null);
        if (category != null) {
            return category;
        }
        if (isCrumbs(line)) {
            return "navigation";
        }
        if (isAgencyCredit(line)) {
            return "credit";
        }
        return null;
    }

    /**
     * "— AFP", "(Reuters)", "-- Xinhua / AP": a dash or brackets around nothing but known outlet names. Dialogue in
     * translated interviews ("— Yes.") and stage directions ("(Laughter)") are not credits, which is why this needs
     * the outlet table rather than a pattern of capitalised words.
     */
    private boolean isAgencyCredit(String line) {
        if (line.length() > 80 || !line.matches("^\\s*(?:[-–—]{1,2}|\\(|\\[).*")) {
            return false;
        }
        String inner = CREDIT_FRAME.matcher(line).replaceAll("");
        if (inner.isEmpty()) {
            return false;
        }
        for (String name : CREDIT_JOINER.split(inner)) {
            if (outlets.byName(name).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Three or more short segments joined by separators and no sentence punctuation: a menu or breadcrumb. */
    private static boolean isCrumbs(String line) {
        String[] parts = CRUMB_SEPARATOR.split(line);
        if (parts.length < 3 || line.matches(".*[.!?]\\s*$")) {
            return false;
        }
        for (String p : parts) {
            if (p.isBlank() || p.strip().split("\\s+").length > 4) {
                return false;
            }
        }
        return true;
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
