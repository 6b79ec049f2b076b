package org.storylens.ingest;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes pointers to other pages out of an extracted article: a paragraph, list item or heading that is (nearly) all
 * one link elsewhere ("ALSO ON THE SITE: Another story", a linked related headline), and teaser cards (a nested
 * {@code <article>} holding a linked headline and a line of summary). Links within a sentence stay: only blocks whose
 * text is at least {@link #LINKED_SHARE} link text go. When such blocks would be a large part of the text (a list of
 * links is the article), nothing is taken. Thread-safe.
 */
final class LinkedTeasers {

    /** A block is a pointer elsewhere when this share of its text or more is link text. */
    static final double LINKED_SHARE = 0.8;
    /** Pointers are taken only while they hold at most this share of the article's text. */
    private static final double MAX_SHARE_OF_TEXT = 0.3;
    private static final int MAX_TEASER_PROSE = 400;

    /** Removes the teasers from {@code content}. */
    void remove(Element content) {
        int total = content.text().length();
        if (total == 0) {
            return;
        }
        List<Element> teasers = new ArrayList<>();
        int teaserChars = 0;
        for (Element card : content.select("article")) {
            if (card != content && card.select("article").size() == 1 && isTeaserCard(card)) {
                teasers.add(card);
                teaserChars += card.text().length();
            }
        }
        for (Element block : content.select("p, li, h2, h3, h4, h5, h6, dd, dt")) {
            if (teasers.stream().anyMatch(t -> block.parents().contains(t)) || block.parents().is("p, li")) {
                continue;
            }
            String text = block.text().strip();
            if (!text.isEmpty() && linkedChars(block) >= LINKED_SHARE * text.length()) {
                teasers.add(block);
                teaserChars += text.length();
            }
        }
        if (teaserChars > MAX_SHARE_OF_TEXT * total) {
            return; // a list of links is the article itself
        }
        teasers.forEach(Element::remove);
    }

    /** A nested article with a linked headline and little prose besides. */
    private static boolean isTeaserCard(Element card) {
        boolean linkedHeadline = false;
        for (Element h : card.select("h1, h2, h3, h4, h5, h6, [itemprop=headline]")) {
            if (h.text().length() > 0 && (linkedChars(h) >= LINKED_SHARE * h.text().length()
                    || h.parents().is("a[href]"))) {
                linkedHeadline = true;
                break;
            }
        }
        return linkedHeadline && card.text().length() - linkedChars(card) <= MAX_TEASER_PROSE;
    }

    /** Characters of text inside links to another page (not "#..." anchors or script links). */
    private static int linkedChars(Element e) {
        int linked = 0;
        for (Element a : e.select("a[href]")) {
            String href = a.attr("href").strip();
            if (!href.isEmpty() && !href.startsWith("#") && !href.regionMatches(true, 0, "javascript:", 0, 11)) {
                linked += a.text().length();
            }
        }
        return linked;
    }
}
