package org.storylens.serve;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.storylens.brief.ArticleEntry;
import org.storylens.brief.ArticleFallbacks;
import org.storylens.brief.BriefHtml;
import org.storylens.brief.ClaimEntry;
import org.storylens.brief.SourcedText;
import org.storylens.brief.StoryBrief;
import org.storylens.brief.SupportingSentence;
import org.storylens.brief.TimelineEntry;
import org.storylens.clean.OutletTable;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoryPageTest {

    private static final String HOSTILE = "<script>window.pwned=1</script><svg onload=alert(1)>";

    private final StoryPage page = new StoryPage(new PageLayout(), new BriefHtml(),
            new CoveragePanel(OutletTable.load()));

    private static StoryBrief brief(String title) {
        List<ArticleEntry> articles = List.of(
                new ArticleEntry("a-1", "First " + HOSTILE, "TASS", null, "2021-12-03", "en",
                        List.of("Share " + HOSTILE), null),
                new ArticleEntry("a 2", "Second", "Reuters", null, "2021-12-04", "en", List.of(), null));
        return new StoryBrief("s-1", title, articles, 2,
                List.of(new SourcedText("Biden and Putin will talk on Tuesday.", List.of("a-1", "a 2"),
                        List.of(new SupportingSentence("a-1", "Putin and Biden talk on Tuesday."),
                                new SupportingSentence("a 2", HOSTILE)))),
                List.of(), List.of(new TimelineEntry("2021-12-07", "The call " + HOSTILE, List.of("a-1"), true)),
                List.of(), List.of(),
                List.of(new ClaimEntry("The call is on Tuesday.", "agreed", List.of("a-1", "a 2"), List.of(),
                        "2021-12-03", "2021-12-04", List.of(), List.of())),
                List.of());
    }

    @Test
    void showsTheBriefWithAGuideToEachSectionAndTheWayBack() {
        Document doc = Jsoup.parse(page.render(brief("Biden and Putin to talk")));
        assertThat(doc.title()).isEqualTo("Biden and Putin to talk · storylens");
        assertThat(doc.selectFirst("nav.crumbs a").attr("href")).isEqualTo("/");
        assertThat(doc.selectFirst("article.story h1").text()).isEqualTo("Biden and Putin to talk");
        assertThat(doc.select("article.story section h2").eachText()).containsExactly("Disputes and updates",
                "Summary", "Claims", "Timeline", "Coverage", "Articles");
        // the first two sections open, the rest folded with their counts in view, each with its guide in the fold
        assertThat(doc.select("article.story section > h2").eachText()).containsExactly("Disputes and updates",
                "Summary");
        assertThat(doc.select("section > details.fold:not([open]) > summary").eachText()).containsExactly(
                "Claims 1 claim, 1 agreed", "Timeline 1 dated entry",
                "Coverage 2 outlets in 2 countries, 2 independent sources", "Articles 2 articles");
        assertThat(doc.selectFirst("section.s-claims > details.fold > summary + p.explain").text())
                .contains("Agreed:", "Disputed:", "Single source:");
        assertThat(doc.select("nav.story-toc a").eachAttr("href")).containsExactly("#s1-disputes-and-updates",
                "#s1-summary", "#s1-claims", "#s1-timeline", "#s1-coverage", "#s1-articles");
        doc.select("nav.story-toc a").eachAttr("href")
                .forEach(href -> assertThat(doc.getElementById(href.substring(1))).as(href).isNotNull());
        assertThat(doc.selectFirst("header p.state").text())
                .isEqualTo("updated 2021-12-04 · 2 articles / 2 independent sources · since 2021-12-03");
        assertThat(doc.selectFirst("section.s-summary > h2 + p.explain").text()).contains("hover", "click");
        assertThat(doc.select("section.s-timeline svg.timeline-svg g.mark")).hasSize(1);
        assertThat(doc.select("section.s-claims table.matrix tbody tr")).hasSize(1);
        assertThat(doc.select("ol.articles .a-title a").eachAttr("href")).containsExactly("/articles/a-1",
                "/articles/a%202");
        assertThat(doc.select("ol.summary a.chip").eachAttr("data-sentence"))
                .containsExactly("Putin and Biden talk on Tuesday.", HOSTILE);
    }

    @Test
    void anArticleWithoutOutletOrHeadlineIsNamedByItsSiteAndFirstSentenceNeverByItsId() {
        StoryBrief b = brief("t");
        List<ArticleEntry> articles = List.of(
                new ArticleEntry("000_e8e2082a32aa6747", null, null, null, "2021-12-03", "en", List.of(), null),
                new ArticleEntry("a 2", "", null, null, "2021-12-04", "en", List.of(), null));
        StoryBrief unnamed = new StoryBrief(b.id(), b.title(), articles, 2, b.summary(), b.entities(), b.timeline(),
                b.quotes(), b.numbers(), b.claims(), b.framing());
        ArticleFallbacks names = new ArticleFallbacks(Map.of("000_e8e2082a32aa6747", "dailypost.example"),
                Map.of("000_e8e2082a32aa6747", "Putin and Biden will talk on Tuesday, the Kremlin said."));
        Document doc = Jsoup.parse(page.render(unnamed, names));
        assertThat(doc.select("header .pill").eachText()).containsExactly("dailypost.example",
                "Unknown outlet (article 2)");
        assertThat(doc.select("ol.articles .a-title").eachText()).containsExactly(
                "First sentence: Putin and Biden will talk on Tuesday, the Kremlin said.", "Article 2, no headline");
        assertThat(doc.select("table.matrix th.outlet").eachText()).containsExactly("dailypost.example",
                "Unknown outlet (article 2)");
        assertThat(doc.select("a.chip").eachAttr("title")).allMatch(t -> !t.contains("000_e8e2082a32aa6747"));
        assertThat(doc.select("header, table.matrix, .a-title").text()).doesNotContain("000_e8e2082a32aa6747")
                .doesNotContain("No headline");
    }

    @Test
    void aSentenceThatOpensWithAQuotationMarkGetsNoSecondOneInItsTooltip() {
        StoryBrief b = brief("t");
        StoryBrief quoted = new StoryBrief(b.id(), b.title(), b.articles(), 2,
                List.of(new SourcedText("Putin said the talks matter.", List.of("a-1"),
                        List.of(new SupportingSentence("a-1", "“The talks matter,” Putin said.")))),
                b.entities(), b.timeline(), b.quotes(), b.numbers(), b.claims(), b.framing());
        Document doc = Jsoup.parse(page.render(quoted));
        assertThat(doc.selectFirst("ol.summary a.chip").attr("title")).endsWith("\n“The talks matter,” Putin said.");
    }

    @Test
    void hostileTextIsEscapedAndNothingIsInline() {
        Document doc = Jsoup.parse(page.render(brief(HOSTILE)));
        assertThat(doc.selectFirst("article.story h1").text()).isEqualTo(HOSTILE);
        assertThat(doc.select("main script, main img, svg[onload], [onload], [onerror], [style], style")).isEmpty();
        assertThat(doc.select("head script").eachAttr("src")).containsExactly("/assets/storylens.js");
        assertThat(doc.select("[href]").eachAttr("href")).allMatch(h -> h.startsWith("/") || h.startsWith("#"));
        assertThat(doc.select("svg.timeline-svg > title").text()).isEqualTo("Timeline: 1 dated entry");
        assertThat(doc.select("svg.timeline-svg g.mark > title").text()).contains(HOSTILE);
    }

    @Test
    void listsTheRelatedStoriesWithTheNamesTheyShareAfterTheBrief() {
        Document doc = Jsoup.parse(page.render(brief("Sola dam"), ArticleFallbacks.NONE, List.of(
                new RelatedStories.Related("s 2", "Rail plan " + HOSTILE, List.of("Halvard Brenne", "Meravik"), 3.1),
                new RelatedStories.Related("s-3", null, List.of("Aleksi Varga"), 1.2))));
        assertThat(doc.select("script:not([src])")).isEmpty();
        assertThat(doc.selectFirst("section.related-stories > h2").text()).isEqualTo("Related stories");
        assertThat(doc.select("section.related-stories li > a").eachAttr("href")).containsExactly("/stories/s%202",
                "/stories/s-3");
        assertThat(doc.select("section.related-stories li > a").eachText()).containsExactly("Rail plan " + HOSTILE,
                "Untitled story");
        assertThat(doc.select("section.related-stories p.shared").eachText()).containsExactly(
                "Shares: Halvard Brenne, Meravik", "Shares: Aleksi Varga");
        assertThat(Jsoup.parse(page.render(brief("Sola dam"))).select("section.related-stories")).isEmpty();
        // the table of contents leads to them too, with their count
        assertThat(doc.select("nav.story-toc li").last().text()).isEqualTo("Related stories (2 stories)");
        assertThat(doc.select("nav.story-toc a").last().attr("href")).isEqualTo("#related");
        assertThat(Jsoup.parse(page.render(brief("Sola dam"))).select("nav.story-toc a[href=#related]")).isEmpty();
    }

    @Test
    void theCoveragePanelGivesOutletsByCountryAndAffiliationArticlesByDayAndIndependentSources() {
        StoryBrief b = brief("Biden and Putin to talk");
        List<ArticleEntry> articles = List.of(
                new ArticleEntry("a1", "Kremlin on the call", "TASS", null, "2021-12-03T09:00:00Z", "en", List.of(),
                        null),
                new ArticleEntry("a2", "Call set", "Reuters", null, "2021-12-03", "en", List.of(), null),
                // a copy of the TASS article: the clusterer gives it the original's outlet as its wire
                new ArticleEntry("a3", "Kremlin on the call", "Meravik Today", "TASS", "2021-12-05", "en", List.of(),
                        "a1"),
                new ArticleEntry("a4", null, null, null, "2021-12-05", "en", List.of(), null),
                new ArticleEntry("a5", "Undated", "Daily " + HOSTILE, null, null, "en", List.of(), null));
        StoryBrief covered = new StoryBrief(b.id(), b.title(), articles, 4, b.summary(), b.entities(), b.timeline(),
                b.quotes(), b.numbers(), b.claims(), b.framing());
        ArticleFallbacks names = new ArticleFallbacks(Map.of("a4", "reuters.com"), Map.of());
        Document doc = Jsoup.parse(page.render(covered, names));

        org.jsoup.nodes.Element panel = doc.getElementById("s1-coverage");
        assertThat(panel.hasClass("s-coverage")).isTrue();
        assertThat(panel.selectFirst("details.fold:not([open]) > summary").text())
                .isEqualTo("Coverage 5 outlets in 2 countries, 4 independent sources");
        assertThat(doc.select("nav.story-toc a[href=#s1-coverage]").text())
                .isEqualTo("Coverage (5 outlets in 2 countries, 4 independent sources)");
        assertThat(panel.selectFirst("p.explain").text()).contains("by country", "state affiliation");
        assertThat(panel.selectFirst("p.coverage-figures").text())
                .isEqualTo("5 articles from 5 outlets make 4 independent sources.");
        // by country (the unnamed article's site is found in the outlet table), the most outlets first, unknown last
        assertThat(panel.select("ul.coverage-countries > li").eachText()).containsExactly(
                "United Kingdom (GB) 2 outlets: Reuters, reuters.com",
                "Russia (RU) 1 outlet: TASS state-affiliated",
                "Country unknown 2 outlets: Meravik Today, Daily " + HOSTILE);
        assertThat(panel.select("ul.coverage-affiliation > li").eachText()).containsExactly(
                "State-affiliated: 1 outlet (TASS)", "Not state-affiliated: 2 outlets",
                "Not known: 2 outlets (not in storylens's table of outlets)");
        // articles over time: every day of the span, drawn and listed, the undated ones named
        org.jsoup.nodes.Element chart = panel.selectFirst("svg.coverage-chart");
        assertThat(chart.attr("role")).isEqualTo("img");
        assertThat(chart.attr("aria-label")).isEqualTo(
                "Articles over time, by day: 3 Dec 2021 2; 4 Dec 2021 0; 5 Dec 2021 2");
        assertThat(chart.selectFirst("title").text()).isEqualTo(chart.attr("aria-label"));
        assertThat(chart.select("rect")).hasSize(2);
        assertThat(panel.select("ul.coverage-periods > li").eachText()).containsExactly(
                "3 Dec 2021: 2 articles 1 2", "4 Dec 2021: 0 articles", "5 Dec 2021: 2 articles 3 4",
                "Undated: 1 article");
        assertThat(panel.select("ul.coverage-periods a.chip").eachAttr("href"))
                .containsExactly("#s1-a1", "#s1-a2", "#s1-a3", "#s1-a4");
        // independent sources: the copy counts with its original
        assertThat(panel.selectFirst("p.coverage-copies").text()).startsWith("5 articles are 4 independent sources")
                .contains("(1 copy here)");
        assertThat(panel.select("ol.coverage-sources > li").eachText()).containsExactly(
                "TASS · 2 articles 1 3 (3 by Meravik Today copies or translates 1)",
                "Reuters · 1 article 2", "reuters.com · 1 article 4", "Daily " + HOSTILE + " · 1 article 5");
        assertThat(panel.select("script, [onload]")).isEmpty();
    }
}
