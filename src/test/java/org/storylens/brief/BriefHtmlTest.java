package org.storylens.brief;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storylens.brief.BriefFixtures.COURIER;
import static org.storylens.brief.BriefFixtures.CRACKS;
import static org.storylens.brief.BriefFixtures.EVACUATED_1200;
import static org.storylens.brief.BriefFixtures.EVACUATED_1500;
import static org.storylens.brief.BriefFixtures.EVACUATED_1850;
import static org.storylens.brief.BriefFixtures.IMG;
import static org.storylens.brief.BriefFixtures.LINK;
import static org.storylens.brief.BriefFixtures.NO_DEFECTS;
import static org.storylens.brief.BriefFixtures.PIXEL;
import static org.storylens.brief.BriefFixtures.SCRIPT;

class BriefHtmlTest {

    private static final BriefHtml HTML = new BriefHtml();

    private static Document page(Brief brief) {
        return Jsoup.parse(HTML.render(brief));
    }

    @Test
    void hostileArticleTextStaysTextAndBecomesNoElementOrHandler() {
        String html = HTML.render(BriefFixtures.hostile());
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script, img, iframe, object, embed, link, base, form, svg, math")).isEmpty();
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute of <%s>", e.tagName()).doesNotStartWith("on");
            }
        }
        // the hostile strings are all still there, to be read as the articles wrote them
        String text = doc.text();
        assertThat(text).contains(SCRIPT, IMG, LINK, PIXEL, "Tom & \"Jerry\" <News>", "# Breaking " + SCRIPT);
        assertThat(doc.selectFirst("h1").text()).isEqualTo(SCRIPT + " Dam \"breach\" & flood");
    }

    @Test
    void nothingOnThePagePointsOutsideIt() {
        for (Brief brief : List.of(BriefFixtures.hostile(), BriefFixtures.full())) {
            Document doc = page(brief);
            assertThat(doc.select("[src], [srcset], [action], [formaction], [background], [poster], [data]"))
                    .isEmpty();
            assertThat(doc.select("[href]")).allSatisfy(a -> assertThat(a.attr("href")).matches("#s\\d+(-a\\d+|-[a-z-]+)?"));
            assertThat(doc.select("[style]")).isEmpty();
            String css = doc.select("style").html();
            assertThat(css).doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    if (!a.getKey().equals("title")) {
                        assertThat(a.getValue()).as("%s of <%s>", a.getKey(), e.tagName())
                                .doesNotContain("://").doesNotStartWith("//").doesNotContainIgnoringCase("javascript:");
                    }
                }
            }
        }
    }

    @Test
    void declaresAPolicyThatForbidsScriptsAndFetchesBeforeAnyContent() {
        String html = HTML.render(BriefFixtures.full());
        assertThat(html).startsWithIgnoringCase("<!doctype html>");
        Document doc = Jsoup.parse(html);
        Element csp = doc.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
        assertThat(csp).isNotNull();
        assertThat(csp.attr("content")).isEqualTo("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        assertThat(doc.head().child(0).attr("charset")).isEqualToIgnoringCase("utf-8");
        assertThat(doc.head().child(1)).isEqualTo(csp);
        assertThat(doc.select("style")).hasSize(1);
    }

    @Test
    void rendersEverySectionOfAFullStory() {
        Element story = page(BriefFixtures.full()).getElementById("s1");
        assertThat(story.select("h2").eachText()).containsExactly("Disputes and updates", "Summary", "Claims",
                "Quotes", "Figures", "Timeline", "Entities", "Framing by outlet", "Articles");
        assertThat(story.selectFirst("header .facts").text()).isEqualTo("Latest figure: 1,850 people (reported "
                + "2025-03-13) · updated 2025-03-13 · 6 articles / 5 independent sources · since 2025-03-11");
        assertThat(story.select("ol.summary > li")).hasSize(4);
    }

    @Test
    void summaryChipsNumberTheArticlesAndNameOutletAndDate() {
        Element story = page(BriefFixtures.full()).getElementById("s1");
        Element second = story.select("ol.summary > li").get(1);
        assertThat(second.select("a.chip").eachText()).containsExactly("1", "3", "6");
        Element courier = second.select("a.chip").get(2);
        assertThat(courier.attr("href")).isEqualTo("#s1-a6");
        assertThat(courier.attr("title")).isEqualTo("Orlen Valley Courier, 2025-03-13: Minister orders inquiry "
                + "into Sola dam collapse");
        assertThat(story.getElementById("s1-a6").text()).contains(COURIER);
    }

    @Test
    void claimsAreGroupedByStatusWithBothSidesOfADisputeAndUpdatesMarked() {
        Element story = page(BriefFixtures.full()).getElementById("s1");
        assertThat(story.select(".claim-groups > .group > h3").eachText())
                .containsExactly("Agreed (2)", "Disputed (1)", "Single source (3)");
        Element disputed = story.selectFirst(".group.disputed li");
        assertThat(disputed.selectFirst(".claim-text").text()).isEqualTo(CRACKS);
        assertThat(disputed.selectFirst(".side").text()).contains("conflicts with", NO_DEFECTS, "reported 2025-03-12");
        assertThat(disputed.selectFirst(".side").select("a.chip").eachText()).containsExactly("4");
        Element superseded = story.selectFirst(".group.agreed li.superseded");
        assertThat(superseded.selectFirst(".claim-text").text()).isEqualTo(EVACUATED_1200);
        assertThat(superseded.selectFirst(".update").text()).contains("updated by later reports", EVACUATED_1500);
    }

    @Test
    void claimMatrixMarksTheOutletsWhoseArticlesStateEachClaim() {
        Element matrix = page(BriefFixtures.full()).getElementById("s1").selectFirst("table.matrix");
        assertThat(matrix.select("thead th.outlet").eachText()).containsExactly("Brannsk Herald", "Meravik Today",
                "Dagposten English", "Brannsk State Television", "Regional Digest", "Orlen Valley Courier");
        assertThat(matrix.select("tbody tr")).hasSize(7);
        Element cracks = matrix.select("tbody tr").get(2);
        assertThat(cracks.hasClass("disputed")).isTrue();
        assertThat(cracks.select("td.mark").stream().map(Element::text).toList()).isEqualTo(List.of("✓", "", "", "", "", "✓"));
        Element evacuated = matrix.select("tbody tr").get(1);
        // the copy in Regional Digest states it too
        assertThat(evacuated.select("td.mark").stream().map(Element::text).toList()).isEqualTo(List.of("✓", "✓", "", "", "✓", ""));
    }

    @Test
    void timelineMarksBackgroundAndScheduledEntries() {
        Element chrono = page(BriefFixtures.full()).getElementById("s1").selectFirst("ol.chrono");
        assertThat(chrono.select("li")).hasSize(5);
        assertThat(chrono.select("li.background time").eachText()).containsExactly("2022");
        assertThat(chrono.select("li.scheduled time").eachText()).containsExactly("2025-03-18");
        assertThat(chrono.selectFirst("li.scheduled .badge").text()).isEqualTo("scheduled");
    }

    @Test
    void quotesFiguresFramingAndArticlesAreShown() {
        Element story = page(BriefFixtures.full()).getElementById("s1");
        assertThat(story.select(".speaker > h3").eachText()).containsExactly("Ilse Varga", "Oren Talvik",
                "Speaker not named");
        assertThat(story.select(".speaker").get(0).select("blockquote")).hasSize(2);
        assertThat(story.select(".speaker").get(0).select("blockquote.reported")).hasSize(1);
        assertThat(story.select("table.numbers tbody td.num").eachText()).containsExactly("about 1,200",
                "more than 1,500", "1,850", "2", "some 2.5");
        assertThat(story.select(".card")).hasSize(6);
        Element state = story.select(".card").get(3);
        assertThat(state.selectFirst("h3").text()).isEqualTo("Brannsk State Television state-affiliated");
        assertThat(state.select("ul.omits li").eachText()).containsExactly(EVACUATED_1200, CRACKS);
        assertThat(state.select(".words li").eachText()).containsExactly("control", "incident", "authorities",
                "calm");
        assertThat(story.select("ol.articles > li")).hasSize(6);
        Element herald = story.getElementById("s1-a1");
        assertThat(herald.select("details > ul > li").eachText()).containsExactly("Share this article",
                "Read more: Floods in the north", "Photo: Brannsk Herald / archive");
        assertThat(story.getElementById("s1-a5").text()).contains("copy of");
    }

    @Test
    void theStoryLeadsWithEachDisputeOnceAndTheUpdatesBeforeTheSummary() {
        Element story = page(BriefFixtures.full()).getElementById("s1");
        Element first = story.selectFirst("section");
        assertThat(first.hasClass("s-disputes-and-updates")).isTrue();
        assertThat(first.select("ul.disputes > li")).hasSize(1);
        assertThat(first.select("ul.disputes > li .claim-text").eachText()).containsExactly(CRACKS, NO_DEFECTS);
        // what changed, the latest report first
        assertThat(first.select("ul.updates > li > .now .claim-text").eachText())
                .containsExactly(EVACUATED_1850, EVACUATED_1500);
        assertThat(first.select("ul.updates > li").get(0).select(".earlier").text()).contains(EVACUATED_1500);
        // the claims section lists the dispute once too: the second side only as the first one's opponent
        assertThat(story.select("section.s-claims .group.disputed > ul > li > .claim-text").eachText())
                .containsExactly(CRACKS);
    }

    @Test
    void aDenialShowsWhoAssertsAndWhoDenies() {
        ClaimEntry accusation = new ClaimEntry("The council accused Kestrel Mining of polluting the river.",
                "disputed", List.of("a"), List.of("Kestrel Mining denied polluting the river."), "2024-05-02",
                "2024-05-02", List.of(), List.of(), List.of(), "assertion", List.of("council"),
                List.of("Kestrel Mining"));
        ClaimEntry denial = new ClaimEntry("Kestrel Mining denied polluting the river.", "disputed", List.of("b"),
                List.of(accusation.text()), "2024-05-03", "2024-05-03", List.of(), List.of(), List.of(), "denial",
                List.of("council"), List.of("Kestrel Mining"));
        StoryBrief s = new StoryBrief("s-x", "Pollution row", List.of(new ArticleEntry("a", "Row", "One", null,
                "2024-05-02", "en", List.of(), null), new ArticleEntry("b", "Reply", "Two", null, "2024-05-03", "en",
                List.of(), null)), 2, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(accusation, denial), List.of());
        Element section = page(new Brief("now", List.of(s))).selectFirst("section.s-disputes-and-updates");
        assertThat(section.select("ul.disputes > li")).hasSize(1);
        assertThat(section.selectFirst(".holders").text())
                .isEqualTo("asserted by council; denied by Kestrel Mining");
        assertThat(section.select(".side .label").eachText()).containsExactly("assertion", "denial");
    }

    @Test
    void emptySectionsAreLeftOutAndNamedOnce() {
        Element small = page(BriefFixtures.full()).getElementById("s2");
        assertThat(small.select("h2").eachText()).containsExactly("Disputes and updates", "Articles");
        assertThat(small.selectFirst("section.s-disputes-and-updates .no-disputes").text())
                .isEqualTo("No disputes among 1 source.");
        assertThat(small.selectFirst(".empty-sections").text()).isEqualTo("Nothing found for: summary, claims, "
                + "quotes, figures, timeline, entities, framing by outlet.");
    }

    @Test
    void entitiesBeyondTheFifteenthAreFoldedAway() {
        List<EntityEntry> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 18; i++) {
            many.add(new EntityEntry("Entity " + i, "MISC", List.of(), List.of("a"), 20 - i));
        }
        StoryBrief s = new StoryBrief("s-1", "t", List.of(new ArticleEntry("a", "t", null, null, null, null,
                List.of(), null)), 1, List.of(), many, List.of(), List.of(), List.of(), List.of(), List.of());
        Element section = page(new Brief("now", List.of(s))).selectFirst("section.s-entities");
        assertThat(section.select("> details.fold > table tbody tr")).hasSize(15);
        assertThat(section.select("> details.fold > details.more > summary").text())
                .isEqualTo("3 more entities, mentioned less");
        assertThat(section.select("> details.fold > details.more tbody td b").eachText()).containsExactly("Entity 16", "Entity 17",
                "Entity 18");
        // an article without outlet or wire is listed as such, not by its id twice
        assertThat(page(new Brief("now", List.of(s))).selectFirst("ol.articles .meta").text())
                .startsWith("Unknown outlet (article 1) · undated");
        assertThat(page(new Brief("now", List.of(s))).select("header .pill").eachText())
                .containsExactly("Unknown outlet (article 1)");
    }

    @Test
    void severalStoriesGetATableOfContents() {
        Document doc = page(BriefFixtures.full());
        assertThat(doc.select("nav.toc a").eachAttr("href")).containsExactly("#s1", "#s2");
        assertThat(doc.title()).isEqualTo("Spillway of Sola dam collapses, villages evacuated and 1 other story · "
                + "storylens brief");
    }

    @Test
    void aBriefWithoutStoriesIsStillAPage() {
        Document doc = page(new Brief("2025-03-14T09:30:00Z", List.of()));
        assertThat(doc.select("main").text()).contains("No stories.");
        assertThat(doc.select("article")).isEmpty();
    }

    @Test
    void theHeaderDatesAnArticleTheBriefLeavesUndatedByTheDayTheStoriesListGivesIt() {
        StoryBrief story = new StoryBrief("s-ferry", "Ferry Arna runs aground off Kestel", List.of(
                new ArticleEntry("a1", "Ferry Arna runs aground", "Kestel Post", null, "2025-03-11", "en", List.of(),
                        null),
                new ArticleEntry("a2", "Ferry Arna refloated", "Harbour Blog", null, null, "en", List.of(), null)),
                2, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        ArticleFallbacks listed = new ArticleFallbacks(java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of("a1", "2025-03-11", "a2", "2025-03-14"));
        Document page = Jsoup.parse(HTML.render(new Brief("2025-03-15T00:00:00Z", List.of(story)), listed));
        assertThat(page.selectFirst("header .facts").text()).contains("updated 2025-03-14", "since 2025-03-11");
        Document unlisted = Jsoup.parse(HTML.render(new Brief("2025-03-15T00:00:00Z", List.of(story))));
        assertThat(unlisted.selectFirst("header .facts").text()).contains("updated 2025-03-11");
    }
}
