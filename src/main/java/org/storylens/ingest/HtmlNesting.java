package org.storylens.ingest;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;

/**
 * Bounds how deeply a parsed HTML tree is nested before anything walks it recursively (readability4j, the paragraph
 * renderer): an element nested deeper than the limit is replaced by its text. jsoup parses and reads text without
 * recursion, so markup nested 100,000 levels deep is read, not a stack overflow. Thread-safe.
 */
final class HtmlNesting {

    private final int maxDepth;

    /** @param maxDepth the deepest element kept as markup, counted from the root given to {@link #flatten} (0) */
    HtmlNesting(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    /**
     * Replaces each element nested more than the limit below {@code root} by a text node holding its text.
     *
     * @return how many elements were replaced (each with everything inside it)
     */
    int flatten(Element root) {
        int replaced = 0;
        Deque<Element> elements = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        elements.push(root);
        depths.push(0);
        while (!elements.isEmpty()) {
            Element element = elements.pop();
            int depth = depths.pop();
            // childNodes(), not children(): jsoup caches the children() list in the element's attributes, and a
            // clone (readability4j works on one) would share that cache with this document
            for (Node node : new ArrayList<>(element.childNodes())) {
                if (!(node instanceof Element child)) {
                    continue;
                }
                if (depth + 1 > maxDepth) {
                    child.replaceWith(new TextNode(" " + child.text() + " "));
                    replaced++;
                } else {
                    elements.push(child);
                    depths.push(depth + 1);
                }
            }
        }
        return replaced;
    }
}
