package org.storylens.serve;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.EntityType;
import org.storylens.analyse.NumberMention;
import org.storylens.analyse.Quote;
import org.storylens.analyse.Span;
import org.storylens.analyse.TimeExpression;
import org.storylens.clean.Article;
import org.storylens.clean.OutletTable;
import org.storylens.clean.PublicationDate;
import org.storylens.clean.RemovedLine;
import org.storylens.ingest.SourceFormat;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticlePageTest {

    private static final String TEXT = "Governor Ilse Varga said on Tuesday: \"About 1,200 people left Meravik.\"\n\n"
            + "<script>window.pwned=1</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))";

    private final ArticlePage page = new ArticlePage(new PageLayout(), OutletTable.load(), new ArticleHighlights());

    private static Article article(String title, String url) {
        return new Article("a-1", title, "Reuters", "AFP", new PublicationDate(2025, 3, 11, null,
                PublicationDate.Source.METADATA, "meta", false), "en", TEXT,
                List.of(new RemovedLine("Share this <b>article</b>", "share")), List.of(), url, "a-1.txt",
                SourceFormat.TEXT, "hash", List.of());
    }

    private static int at(String s) {
        return TEXT.indexOf(s);
    }

    private static Span span(String s) {
        return new Span(at(s), at(s) + s.length());
    }

    /** Entities, a date inside nothing, a figure and a person inside a quote, and spans that cross each other. */
    private static AnalysedArticle analysis(Article a) {
        Span quote = new Span(at("About"), at("Meravik.") + "Meravik.".length());
        return new AnalysedArticle(a, List.of(),
                List.of(new EntityMention("Ilse Varga", EntityType.PERSON, span("Ilse Varga"), 0),
                        new EntityMention("Meravik", EntityType.LOCATION, span("Meravik"), 0),
                        // crosses the quote's start: left out rather than breaking the marks
                        new EntityMention("Tuesday: \"About", EntityType.MISC,
                                new Span(at("Tuesday"), at("About") + 5), 0),
                        new EntityMention("beyond", EntityType.MISC, new Span(TEXT.length() - 2, TEXT.length() + 9), 0)),
                List.of(new TimeExpression("on Tuesday", span("on Tuesday"), 0, "2025-03-11", "DATE",
                        TimeExpression.Relation.PAST, false)),
                List.of(new Quote("About 1,200 people left Meravik.", quote, 0, "Ilse Varga", true)),
                List.of(new NumberMention("About 1,200 people", span("1,200"), 0, 1200, "about", "people",
                        "Ilse Varga"),
                        // crosses the figure before it: left out
                        new NumberMention("200 people left", new Span(at("200 people"), at("people left") + 11), 0,
                                200, null, null, null)),
                null);
    }

    private Document render(Article a, AnalysedArticle analysis, String storyId) {
        return Jsoup.parse(page.render(new StoryLibrary.ArticleView(a, analysis, storyId)));
    }

    @Test
    void theMarkedTextIsTheArticleTextCharacterForCharacter() {
        Article a = article("Title", null);
        Element text = render(a, analysis(a), "s-1").selectFirst("div.article-text");
        assertThat(text.wholeText()).isEqualTo(TEXT);
        Element quote = text.selectFirst("mark.quote");
        assertThat(quote.attr("title")).isEqualTo("quote of Ilse Varga");
        assertThat(quote.select("mark.entity.location").eachText()).containsExactly("Meravik");
        assertThat(quote.select("mark.number").eachText()).containsExactly("1,200");
        assertThat(quote.selectFirst("mark.number").attr("title")).isEqualTo("figure: 1,200 people, according to "
                + "Ilse Varga");
        assertThat(text.select("mark.entity.person").eachText()).containsExactly("Ilse Varga");
        assertThat(text.select("mark.date").eachText()).containsExactly("on Tuesday");
        assertThat(text.selectFirst("mark.date").attr("title")).isEqualTo("date: 2025-03-11");
        assertThat(text.select("mark.entity.misc")).as("crossing and out-of-range spans are left out").isEmpty();
        assertThat(text.select("script, img")).isEmpty();
    }

    @Test
    void showsMetadataTheLegendTheRemovedBoilerplateAndTheWayBackToItsStory() {
        Article a = article("Dam <script>x</script>", "https://example.org/news?id=1&x=%3Cb%3E");
        Document doc = render(a, analysis(a), "s-1");
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Dam <script>x</script>");
        assertThat(doc.title()).isEqualTo("Dam <script>x</script> · storylens");
        assertThat(doc.select("dl.article-meta dt").eachText()).containsExactly("Outlet", "Published", "Wire",
                "Language", "URL", "Id");
        assertThat(doc.selectFirst("dl.article-meta").text()).contains("Reuters (GB)", "2025-03-11", "AFP");
        Element url = doc.selectFirst("dl.article-meta a.external");
        assertThat(url.attr("href")).isEqualTo("https://example.org/news?id=1&x=%3Cb%3E");
        assertThat(url.attr("rel")).isEqualTo("noopener noreferrer nofollow");
        assertThat(doc.select(".legend mark").eachText()).contains("person", "place", "date or time", "figure");
        assertThat(doc.selectFirst("details.removed summary").text()).isEqualTo("Removed boilerplate: 1 line");
        assertThat(doc.select("details.removed li").eachText()).containsExactly("Share this <b>article</b>");
        assertThat(doc.selectFirst("a.story-link").attr("href")).isEqualTo("/stories/s-1");
        assertThat(doc.select("[style], style, main script, [onerror], [onload]")).isEmpty();
        assertThat(doc.select("head script").eachAttr("src")).containsExactly("/assets/storylens.js");
        assertThat(doc.select("head link[rel=stylesheet]").eachAttr("href")).containsExactly("/assets/storylens.css");
    }

    @Test
    void anAddressThatIsNotHttpIsShownAsTextNeverAsALink() {
        for (String url : List.of("javascript:window.pwned=1", "JAVASCRIPT:alert(1)", "data:text/html,<script>",
                "//evil.example/x", "file:///etc/passwd", " javascript:alert(1)",
                "https://example.org/<script>")) {
            Document doc = render(article("t", url), null, null);
            assertThat(doc.select("main a[href]").eachAttr("href")).as(url).containsExactly("/");
            assertThat(doc.selectFirst("dl.article-meta").text()).as(url).contains(url.strip());
        }
    }

    @Test
    void anArticleWithoutAnalysisOrStoryIsShownPlainlyWithTheTextWhole() {
        Document doc = render(article(null, null), null, null);
        assertThat(doc.selectFirst("h1").text()).startsWith("First sentence: ").doesNotContain("No headline");
        assertThat(doc.selectFirst("div.article-text").wholeText()).isEqualTo(TEXT);
        assertThat(doc.select("div.article-text mark")).isEmpty();
        assertThat(doc.selectFirst(".legend").text()).contains("not been analysed");
        assertThat(doc.select("a.story-link")).isEmpty();
    }
}
