package org.storylens.ingest;

import java.util.regex.Pattern;

/** Tells whether a line reads like a headline rather than a sentence of body text. */
final class HeadlineShape {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.;,]\\s*[\"”’']?$");

    private HeadlineShape() {
    }

    static boolean looksLikeHeadline(String line) {
        String l = line.strip();
        if (l.length() < 12 || l.length() > 180) {
            return false;
        }
        long words = WORD.matcher(l).results().count();
        if (words < 3 || words > 25) {
            return false;
        }
        if (SENTENCE_END.matcher(l).find()) {
            return false;
        }
        int first = l.codePointAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || first == '"' || first == '“'
                || first == '\'' || first == '‘';
    }
}
