package org.storylens.clean;

import org.storylens.ingest.Limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of an article's text that analysis reads, bounded so that no article can make analysis unboundedly slow
 * or large: at most {@link Limits#MAX_ANALYSED_CHARS} characters (cut at a paragraph or word boundary), with every
 * run of non-space characters longer than {@link Limits#MAX_TOKEN_CHARS} — no word, but a blob, a hash or markup
 * without spaces — replaced by as many spaces. Cutting and blanking keep every character where it was, so the spans
 * analysis finds are offsets into the article's own text. The stored text stays whole. The cleaner gives the
 * warnings to the article it builds; the analyse stage reads the text.
 *
 * @param text     what analysis reads: the article's text itself when no bound bites
 * @param warnings one per bound that bit
 */
public record AnalysableText(String text, List<String> warnings) {

    public AnalysableText {
        warnings = List.copyOf(warnings);
    }

    /** The part of a cleaned article text that analysis reads. */
    public static AnalysableText of(String articleText) {
        String text = articleText;
        List<String> warnings = new ArrayList<>();
        if (text.length() > Limits.MAX_ANALYSED_CHARS) {
            int cut = prefixEnd(text, Limits.MAX_ANALYSED_CHARS);
            warnings.add(String.format(Locale.ROOT, "text of %,d characters is longer than analysis reads: only the "
                    + "first %,d are analysed (the text is kept whole)", text.length(), cut));
            text = text.substring(0, cut);
        }
        char[] chars = null;
        int runs = 0;
        int blanked = 0;
        int longest = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && !isSpace(text.charAt(i))) {
                continue;
            }
            if (i - start > Limits.MAX_TOKEN_CHARS) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                java.util.Arrays.fill(chars, start, i, ' ');
                runs++;
                blanked += i - start;
                longest = Math.max(longest, i - start);
            }
            start = i + 1;
        }
        if (chars != null) {
            text = new String(chars);
            warnings.add(String.format(Locale.ROOT, "%d run(s) of more than %d characters without a space (%,d "
                    + "characters, the longest %,d) are no words: analysis skips them", runs, Limits.MAX_TOKEN_CHARS,
                    blanked, longest));
        }
        return new AnalysableText(text, warnings);
    }

    /** Where a prefix of at most {@code max} characters ends: after a paragraph, else between words, else at max. */
    private static int prefixEnd(String text, int max) {
        int paragraph = text.lastIndexOf("\n\n", max - 2);
        if (paragraph >= max / 2) {
            return paragraph;
        }
        for (int i = max; i > max / 2; i--) {
            if (isSpace(text.charAt(i))) {
                return i;
            }
        }
        return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
