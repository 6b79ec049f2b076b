package org.storylens.serve;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The frame every page shares: head (the linked style sheets and script, nothing inline), a header with the
 * storylens name, navigation and the search box (but on the stories list, which has its own), the page's {@code main}, and a footer. Pages are jsoup documents, so
 * every text is escaped by construction. Stateless.
 */
final class PageLayout {

    static final String STYLE_SHEET = "/assets/storylens.css";
    static final String SCRIPT = "/assets/storylens.js";
    static final String ICON = "/assets/storylens.svg";

    /** A new page with this title and the header's search box. */
    Document page(String title) {
        return page(title, true);
    }

    /**
     * A new page with this title; the header's search box is left out when the page has its own ({@code
     * headerSearch} false: the stories list, whose search and filters are one form), so a page has one search box.
     */
    Document page(String title, boolean headerSearch) {
        Document doc = Document.createShell("");
        doc.outputSettings().charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base)
                .prettyPrint(false); // the article text keeps its line breaks as they are
        doc.prependChild(new DocumentType("html", "", ""));
        doc.selectFirst("html").attr("lang", "en");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("meta").attr("name", "referrer").attr("content", "no-referrer");
        head.appendElement("title").text(Headlines.shown(title) + " · storylens");
        head.appendElement("link").attr("rel", "icon").attr("type", "image/svg+xml").attr("href", ICON);
        head.appendElement("link").attr("rel", "stylesheet").attr("href", STYLE_SHEET);
        head.appendElement("script").attr("src", SCRIPT).attr("defer", true);

        Element body = doc.body();
        body.appendElement("a").addClass("skip").attr("href", "#content").text("Skip to content");
        Element header = body.appendElement("header").addClass("site");
        Element inner = header.appendElement("div").addClass("site-inner");
        Element brand = inner.appendElement("a").addClass("brand").attr("href", "/");
        brand.appendElement("strong").text("storylens");
        brand.appendElement("span").addClass("tagline").text("news stories, every sentence traced to its sources");
        Element nav = inner.appendElement("nav").attr("aria-label", "Site");
        nav.appendElement("a").attr("href", "/").text("Stories");
        if (headerSearch) {
            Element form = inner.appendElement("form").addClass("search").attr("action", "/").attr("method", "get")
                    .attr("role", "search");
            form.appendElement("label").addClass("visually-hidden").attr("for", "site-search").text("Search stories");
            form.appendElement("input").attr("type", "search").attr("name", "q").id("site-search")
                    .attr("placeholder", "Search titles and text");
            form.appendElement("button").attr("type", "submit").text("Search");
        }
        body.appendElement("main").id("content");
        Element footer = body.appendElement("footer").addClass("site");
        footer.appendElement("p").text("storylens groups news articles into stories and writes a brief for each, in "
                + "which every statement is followed by the numbers of the articles that contain it. Article text is "
                + "shown as it was cleaned; nothing on these pages is fetched from elsewhere.");
        return doc;
    }

    static Element main(Document doc) {
        return doc.getElementById("content");
    }

    static String html(Document doc) {
        return doc.outerHtml() + "\n";
    }

    /** The address of a story's page. */
    static String storyHref(String id) {
        return "/stories/" + segment(id);
    }

    /** The address of an article's page. */
    static String articleHref(String id) {
        return "/articles/" + segment(id);
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "2021-12-03 – 2021-12-06", one day alone, or null when neither is known. */
    static String dateSpan(Object from, Object to) {
        if (from == null && to == null) {
            return null;
        }
        if (from == null || to == null || from.equals(to)) {
            return String.valueOf(from == null ? to : from);
        }
        return from + " – " + to;
    }
}
