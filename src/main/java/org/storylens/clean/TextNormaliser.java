package org.storylens.clean;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Normalises article text: Unicode NFC, one kind of line break and space, no invisible characters, trimmed lines, at
 * most one blank line between paragraphs, and the space restored where scraping glued two sentences together
 * ("integrity.White House", "fire”By"). Thread-safe.
 */
public final class TextNormaliser {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\t\\x0B\\f\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000 ]+");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F]");
    /** A sentence end glued to the next sentence: two lower-case letters, a full stop, a capitalised word. */
    private static final Pattern GLUED_SENTENCE = Pattern.compile("(?<=\\p{Ll}\\p{Ll})([.!?])(?=\\p{Lu}\\p{Ll})");
    /** A closing curly quote glued to the next word. */
    private static final Pattern GLUED_QUOTE = Pattern.compile("(?<=[\\p{L}.,!?])”(?=\\p{Lu})");

    public String normalise(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC);
        t = t.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        t = INVISIBLE.matcher(t).replaceAll("");
        t = CONTROL.matcher(t).replaceAll("");
        t = SPACES.matcher(t).replaceAll(" ");
        t = GLUED_SENTENCE.matcher(t).replaceAll("$1 ");
        t = GLUED_QUOTE.matcher(t).replaceAll("” ");
        StringBuilder out = new StringBuilder(t.length());
        int blank = 0;
        for (String line : t.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(l);
            blank = 0;
        }
        return out.toString();
    }
}
