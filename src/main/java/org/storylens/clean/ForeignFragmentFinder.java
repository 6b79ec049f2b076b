package org.storylens.clean;

import org.storylens.ingest.Limits;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds runs of text written in another script than the article's own (an untranslated Russian phrase in an English
 * translation), so they can be kept but marked. Thread-safe.
 */
public final class ForeignFragmentFinder {

    private static final int MIN_LETTERS = 3;

    private final LanguageIdentifier languages;

    public ForeignFragmentFinder(LanguageIdentifier languages) {
        this.languages = languages;
    }

    /**
     * The fragments in order, at most {@link Limits#MAX_FOREIGN_FRAGMENTS} and one more: a text with more has its
     * first ones listed (the caller tells).
     */
    public List<ForeignFragment> find(String text) {
        UnicodeScript main = dominantScript(text);
        List<ForeignFragment> fragments = new ArrayList<>();
        if (main == null) {
            return fragments;
        }
        int i = 0;
        while (i < text.length() && fragments.size() <= Limits.MAX_FOREIGN_FRAGMENTS) {
            int cp = text.codePointAt(i);
            UnicodeScript s = scriptOf(cp);
            if (s == null || s == main) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int end = i;
            int letters = 0;
            int j = i;
            while (j < text.length()) {
                int c = text.codePointAt(j);
                UnicodeScript cs = scriptOf(c);
                if (cs == s) {
                    letters++;
                    end = j + Character.charCount(c);
                } else if (cs != null || c == '\n') {
                    break;
                }
                j += Character.charCount(c);
            }
            if (letters >= MIN_LETTERS) {
                String fragment = text.substring(start, end);
                fragments.add(new ForeignFragment(start, end, fragment, languages.identify(fragment)));
            }
            i = Math.max(end, i + 1);
        }
        return fragments;
    }

    private static UnicodeScript dominantScript(String text) {
        Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
        text.codePoints().forEach(cp -> {
            UnicodeScript s = scriptOf(cp);
            if (s != null) {
                counts.merge(s, 1, Integer::sum);
            }
        });
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** The script of a letter, or null for anything that is not a letter (digits, spaces, punctuation). */
    private static UnicodeScript scriptOf(int codePoint) {
        if (!Character.isLetter(codePoint)) {
            return null;
        }
        UnicodeScript s = UnicodeScript.of(codePoint);
        return s == UnicodeScript.COMMON || s == UnicodeScript.INHERITED ? null : s;
    }
}
