package org.storylens.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.Set;

/**
 * Renders an HTML element as plain text in the shape the cleaner expects: one paragraph per block element, blank lines
 * between paragraphs, inline markup flattened, {@code <br>} as a line break. Thread-safe.
 */
public final class HtmlParagraphs {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "figure", "pre", "tr", "dd", "dt",
            "ul", "ol", "table", "aside", "nav", "form", "address", "hr");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template", "svg", "iframe",
            "button", "select", "input", "textarea", "object", "embed", "canvas", "video", "audio", "map");

    private static final java.util.regex.Pattern SOURCE_LINE_BREAK = java.util.regex.Pattern.compile("[\\r\\n]+");

    private final HtmlNesting nesting = new HtmlNesting(Limits.MAX_HTML_DEPTH);

    /**
     * The text of an HTML fragment, such as a feed entry's description; markup nested deeper than
     * {@link Limits#MAX_HTML_DEPTH} is read as its text.
     */
    public String fragmentText(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        nesting.flatten(body);
        return toText(body);
    }

    /** The text of an element; the caller bounds its nesting (it is walked recursively). */
    public String toText(Element root) {
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        walk(root, out, paragraph, root.normalName().equals("pre"));
        flush(out, paragraph);
        return out.toString().strip();
    }

    private void walk(Node node, StringBuilder out, StringBuilder paragraph, boolean preformatted) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                // a line break in the markup's source is a space; only <br> (and <pre>) breaks a line
                String whole = text.getWholeText();
                boolean breaks = !preformatted && (whole.indexOf('\n') >= 0 || whole.indexOf('\r') >= 0);
                paragraph.append(breaks ? SOURCE_LINE_BREAK.matcher(whole).replaceAll(" ") : whole);
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                if (SKIPPED.contains(tag)) {
                    continue;
                }
                if (tag.equals("br")) {
                    paragraph.append('\n');
                    continue;
                }
                boolean block = BLOCKS.contains(tag);
                if (block) {
                    flush(out, paragraph);
                }
                walk(element, out, paragraph, preformatted || tag.equals("pre"));
                if (block) {
                    flush(out, paragraph);
                } else if (tag.equals("td") || tag.equals("th")) {
                    paragraph.append(' ');
                }
            }
        }
    }

    private static void flush(StringBuilder out, StringBuilder paragraph) {
        String text = collapse(paragraph.toString());
        paragraph.setLength(0);
        if (!text.isEmpty()) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(text);
        }
    }

    /** Collapses runs of spaces (keeping explicit line breaks from {@code <br>}) and trims each line. */
    private static String collapse(String s) {
        StringBuilder b = new StringBuilder();
        for (String line : s.split("\n")) {
            String l = line.replace('\u00A0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
            if (!l.isEmpty()) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(l);
            }
        }
        return b.toString();
    }
}
