package org.storylens.clean;

/**
 * A run of text in another language or script than the article's, kept in the text and marked here (an untranslated
 * phrase left by machine translation, a name in its own script).
 *
 * @param start    offset of the first character in the article's text
 * @param end      offset after the last character
 * @param text     the fragment
 * @param language ISO 639-1 code of the fragment's language, or null when it cannot be told
 */
public record ForeignFragment(int start, int end, String text, String language) {

    public ForeignFragment {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
