package org.storylens.cli;

/**
 * Text from articles made safe to print on a terminal: control characters (C0, DEL, C1: escape sequences that recolour,
 * retitle or rewrite the screen) and the invisible characters that reorder or hide text (bidirectional overrides,
 * embeddings, isolates and marks; line and paragraph separators) are shown as visible escapes — {@code \e} for ESC,
 * {@code \n}, {@code \r}, {@code \t}, otherwise {@code \}{@code u202e} — so that a title reads as what it holds.
 * JSON output keeps the text as it is. Immutable.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** The text with every control and reordering character as a visible escape; null stays null. */
    static String escape(String text) {
        if (text == null || text.codePoints().noneMatch(TerminalText::unsafe)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    out.append(c).append(text.charAt(++i));
                } else {
                    out.append(String.format("\\u%04x", (int) c)); // a lone half of a pair
                }
            } else if (!unsafe(c)) {
                out.append(c);
            } else {
                switch (c) {
                    case '\u001b' -> out.append("\\e");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return out.toString();
    }

    /**
     * One table cell: line breaks become spaces, the rest is {@link #escape escaped}, and the result is cut to the
     * width (with an ellipsis) without splitting an escape or a surrogate pair.
     */
    static String cell(String text, int width) {
        String escaped = escape(text.replaceAll("\\R", " "));
        if (escaped.codePointCount(0, escaped.length()) <= width) {
            return escaped;
        }
        int end = escaped.offsetByCodePoints(0, width - 1);
        int escapeStart = escaped.lastIndexOf('\\', end - 1);
        if (escapeStart >= 0 && end - escapeStart < 6 && escapeStart + escapeLength(escaped, escapeStart) > end) {
            end = escapeStart; // an escape cut in half would read as something else
        }
        return escaped.substring(0, end) + "…";
    }

    private static int escapeLength(String escaped, int at) {
        return at + 1 < escaped.length() && escaped.charAt(at + 1) == 'u' ? 6 : 2;
    }

    /** Whether the character is one a terminal acts on or that reorders or hides the text around it. */
    private static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == 0x061c // Arabic letter mark
                || c == 0x200e || c == 0x200f // left-to-right, right-to-left marks
                || (c >= 0x202a && c <= 0x202e) // embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069) // isolates
                || c == 0x2028 || c == 0x2029 // line and paragraph separators
                || Character.isSurrogate((char) c) && c <= 0xffff;
    }
}
