package org.storylens.ingest;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes a page's chrome out of its parsed document before the main content is looked for: navigation, banners,
 * forms, hidden copies, share bars, adverts, related links and comments. An element is judged by its tag or role, by
 * the whole tokens of its class and id, and by its content:
 * <ul>
 *     <li>A class or id token names junk when it is a junk word, alone or joined by {@code -}/{@code _} only to
 *     layout words ({@code sidebar-left}, {@code share_bar}, {@code post-comments}); a token that joins a junk word
 *     to anything else ({@code ad_body}, {@code modal-enabled}, {@code sidebar-and-content-body}) names no junk.</li>
 *     <li>Words that themes and scripts also put on the article's own wrapper (paywall, share, sidebar, modal, ...)
 *     and structural chrome ({@code form}, {@code aside}, hidden elements) remove an element only when it holds no
 *     article prose; comments, related links and consent banners go whatever they hold.</li>
 *     <li>A hidden element ({@code hidden}, {@code aria-hidden}, {@code display:none}) goes when it is small or its
 *     text repeats text shown elsewhere; a hidden element holding prose found nowhere else is the article.</li>
 * </ul>
 * Thread-safe.
 */
final class PageChrome {

    /** Always chrome, whatever they hold. */
    private static final String ALWAYS = "noscript, script, style, iframe, template, button, select, input, textarea";
    /** Chrome unless they hold the article's prose (some sites put the whole page inside one form or aside). */
    private static final String STRUCTURAL = "nav, footer, aside, form, menu, [role=navigation], [role=banner], "
            + "[role=contentinfo], [role=complementary], dialog";
    private static final String HIDDEN = "[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none], "
            + "[style~=(?i)visibility\\s*:\\s*hidden]";

    /** Junk words whose elements go whatever they hold. */
    private static final Set<String> HARD = words("comment", "comments", "respond", "replies", "disqus",
            "related", "recommended", "recommendations", "newsletter", "newsletters", "cookie", "cookies",
            "consent", "gdpr", "outbrain", "taboola", "breadcrumb", "breadcrumbs", "tags", "tagcloud", "author",
            "authors", "bio", "masthead", "navbar", "navigation", "nav", "menu", "footer", "pagination", "pager",
            "signup", "trending", "popular", "most", "more", "readmore", "teaser", "teasers");
    /**
     * Junk words that themes and scripts also put on the article's own wrapper: such an element goes only when it
     * holds no article prose.
     */
    private static final Set<String> SOFT = words("share", "sharing", "social", "sidebar", "paywall", "modal",
            "popup", "promo", "subscribe", "subscription", "ad", "ads", "advert", "adverts", "advertisement",
            "sponsor", "sponsored", "widget", "widgets", "banner", "toolbar");
    /**
     * Words that say where or how a block sits, not what it holds: joined to a junk word they keep it junk
     * ({@code sidebar-left}, {@code share-buttons}, {@code post-comments}).
     */
    private static final Set<String> LAYOUT = words("left", "right", "top", "bottom", "wrap", "wrapper",
            "container", "box", "area", "section", "block", "list", "links", "link", "bar", "module", "inner",
            "outer", "holder", "panel", "title", "header", "heading", "items", "item", "tools", "icons", "icon",
            "buttons", "button", "btn", "articles", "stories", "posts", "news", "form", "count", "unit", "slot",
            "label", "placeholder", "primary", "secondary", "post", "entry", "article", "story", "page", "site",
            "single", "js", "wp", "global", "sticky", "inline", "mobile", "desktop", "col", "column", "zone", "rail",
            "region", "frame", "overlay", "main", "footer", "nav", "menu", "widget", "widgets", "container",
            "wrapper", "row", "group", "layer", "sidebar", "mod", "component", "card", "cards", "feed", "grid",
            "carousel", "slider", "tabs", "tab", "large", "small", "big", "horizontal", "vertical", "desk", "home",
            "footer", "head", "body-bottom", "block");
    private static final Pattern TOKEN_PARTS = Pattern.compile("[-_]+|(?<=[a-z])(?=[A-Z])");
    private static final Pattern DIGITS = Pattern.compile("\\d+|[a-z]");

    private static Set<String> words(String... words) {
        return Set.copyOf(List.of(words));
    }

    /** Below this much text outside links, an element holds no article prose. */
    private static final int MIN_PROSE_CHARS = 400;

    /**
     * Removes the chrome from {@code doc}.
     *
     * @return the texts of the short pieces of debris found inside the story itself (a share bar, an advert label):
     * worth listing as removed; page chrome around the story is not listed
     */
    List<String> remove(Document doc) {
        List<String> removed = new ArrayList<>();
        doc.select(ALWAYS).remove();
        removeHidden(doc);
        for (Element e : doc.body().select(STRUCTURAL)) {
            if (attached(e) && !holdsProse(e)) {
                e.remove();
            }
        }
        // the page's masthead goes; a story's own header (headline, standfirst, byline) stays for the cleaner
        for (Element header : doc.select("header")) {
            if (attached(header) && header.parents().stream().noneMatch(p -> p.is("article, main, [role=main]"))
                    && !holdsProse(header)) {
                header.remove();
            }
        }
        for (Element e : doc.body().select("[class], [id]")) {
            Junk junk = junk(e);
            if (junk == Junk.NONE || !attached(e) || e.is("article, main, body") || e.parents().is("p")) {
                continue; // a span inside a paragraph is part of its sentence, whatever its class
            }
            if (junk == Junk.SOFT && holdsProse(e)) {
                continue;
            }
            if (junk == Junk.HARD && e.is("[itemprop=articleBody]")) {
                continue;
            }
            // debris inside the story itself (a share bar, an inline "Read more", an ad label) is worth listing;
            // page chrome around it (menus, sidebars, footers) is not
            String text = e.text().strip();
            boolean inStory = e.parents().stream().anyMatch(p -> p.is("article, main, [role=main]"));
            if (inStory && !text.isEmpty() && text.length() <= 200) {
                removed.add(text);
            }
            e.remove();
        }
        return removed;
    }

    enum Junk { NONE, SOFT, HARD }

    /** How strongly the element's class and id tokens name junk. */
    static Junk junk(Element e) {
        Junk strongest = Junk.NONE;
        List<String> tokens = new ArrayList<>(e.classNames());
        if (!e.id().isBlank()) {
            tokens.add(e.id());
        }
        for (String token : tokens) {
            Junk j = junkToken(token);
            if (j.ordinal() > strongest.ordinal()) {
                strongest = j;
            }
        }
        return strongest;
    }

    /** A junk word alone, or joined only to layout words: {@code sidebar}, {@code share-bar}, {@code post_comments}. */
    static Junk junkToken(String token) {
        String[] parts = TOKEN_PARTS.split(token.strip());
        Junk word = Junk.NONE;
        for (String raw : parts) {
            String part = raw.toLowerCase(Locale.ROOT);
            if (part.isEmpty() || DIGITS.matcher(part).matches()) {
                continue;
            }
            if (HARD.contains(part)) {
                word = Junk.HARD;
            } else if (SOFT.contains(part)) {
                if (word == Junk.NONE) {
                    word = Junk.SOFT;
                }
            } else if (!LAYOUT.contains(part)) {
                return Junk.NONE; // "ad_body", "modal-enabled", "content-sidebar-wrap": a junk word is not the point
            }
        }
        return word;
    }

    /**
     * Hidden elements: small ones (menus, dialogs, icons) and copies of text shown elsewhere go; a hidden element
     * holding prose found nowhere else on the page (an article revealed by script) stays.
     */
    private static void removeHidden(Document doc) {
        List<Element> hidden = new ArrayList<>(doc.body().select(HIDDEN));
        for (Element e : hidden) {
            if (!attached(e)) {
                continue;
            }
            if (!holdsProse(e)) {
                e.remove();
                continue;
            }
            Element placeholder = new Element("span");
            e.replaceWith(placeholder);
            boolean shownElsewhere = sharesMostSentences(e, doc.body());
            placeholder.replaceWith(e);
            if (shownElsewhere) {
                e.remove();
            }
        }
    }

    /** False once the element or one of its ancestors was taken out of the document. */
    private static boolean attached(Element e) {
        return e.ownerDocument() != null;
    }

    /** True when most of the element's sentences (runs of text ended by a full stop) occur in {@code rest}. */
    private static boolean sharesMostSentences(Element e, Element rest) {
        String whole = rest.text();
        int found = 0;
        int total = 0;
        for (String sentence : e.text().split("(?<=[.!?])\\s+")) {
            String s = sentence.strip();
            if (s.length() < 30) {
                continue;
            }
            total++;
            if (whole.contains(s)) {
                found++;
            }
        }
        return total > 0 && found * 2 >= total;
    }

    /**
     * True when the element holds article prose: at least {@link #MIN_PROSE_CHARS} characters outside links in its
     * paragraphs (those not mostly links), or in the whole element when at most a quarter of its text is in links.
     */
    static boolean holdsProse(Element e) {
        int all = e.text().length();
        if (all < MIN_PROSE_CHARS) {
            return false;
        }
        int linked = linkChars(e);
        if (all - linked >= MIN_PROSE_CHARS && linked * 4 <= all) {
            return true;
        }
        int prose = 0;
        for (Element p : e.select("p")) {
            int chars = p.text().length();
            int inLinks = linkChars(p);
            if (inLinks * 2 < chars) {
                prose += chars - inLinks;
                if (prose >= MIN_PROSE_CHARS) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int linkChars(Element e) {
        int linked = 0;
        for (Element a : e.select("a")) {
            linked += a.text().length();
        }
        return linked;
    }
}
