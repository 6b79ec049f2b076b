package org.storylens.eval;

import java.util.Locale;

/**
 * A text reduced to its letters and digits, lower-cased, with the position of each kept character in the original:
 * so that a brief's sentence (cleaned, whitespace made one space, quotation marks changed) is still found in the
 * article it came from.
 */
final class LooseText {

    private final String loose;
    private final int[] positions;

    LooseText(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int[] at = new int[text.length() * 2 + 1];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                String lower = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
                for (int k = 0; k < lower.length(); k++) {
                    b.append(lower.charAt(k));
                    at[n++] = i;
                }
            }
            i += Character.charCount(cp);
        }
        this.loose = b.toString();
        this.positions = java.util.Arrays.copyOf(at, Math.max(n, 0));
    }

    /** The letters and digits of a text, lower-cased. */
    static String of(String text) {
        return text == null ? "" : new LooseText(text).loose;
    }

    /** True when {@code part}'s letters and digits occur in order, unbroken, in {@code whole}'s. */
    static boolean contains(String whole, String part) {
        String p = of(part);
        return !p.isEmpty() && of(whole).contains(p);
    }

    /**
     * Where {@code part} is in the original text, as {@code [start, end)} of the original characters, or null. The
     * first occurrence is taken.
     */
    int[] find(String part) {
        String p = of(part);
        if (p.isEmpty()) {
            return null;
        }
        int i = loose.indexOf(p);
        if (i < 0) {
            return null;
        }
        return new int[]{positions[i], positions[i + p.length() - 1] + 1};
    }
}
