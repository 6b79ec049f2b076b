package org.storylens.clean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.ingest.Limits;
import org.storylens.ingest.Metadata;
import org.storylens.ingest.RawArticle;
import org.storylens.ingest.SourceFormat;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RuleBasedArticleCleanerTest {

    private static RuleBasedArticleCleaner cleaner;

    @BeforeAll
    static void buildOnce() {
        cleaner = RuleBasedArticleCleaner.withDefaults();
    }

    private static final String TYPHOON = """
            Home > World > Asia
            Typhoon forces evacuation of 200,000 in southern Japan
            By Kenji Watanabe, Reuters
            3 min read

            TOKYO, Sept. 12 (Reuters) - More than 200,000 people were ordered to leave their homes in southern \
            Japan on Tuesday as a powerful typhoon approached the island of Kyushu, officials said.

            Advertisement
            The weather agency warned of record rainfall and winds of up to 250 km/h.
            Photo: Residents fill sandbags in Kagoshima on Monday.
            Rail operators suspended bullet train services between Hiroshima and Fukuoka.

            Share this article
            © 2022 Harbour Times. All rights reserved.
            """;

    @Test
    void cleansAWireStoryRepublishedByAnotherOutlet() throws CleaningException {
        RawArticle raw = new RawArticle("typhoon", "pages/typhoon.html", SourceFormat.HTML, TYPHOON,
                new Metadata("Typhoon forces evacuation of 200,000 in southern Japan",
                        "https://www.harbourtimes.example/world/typhoon", null, null, null, "Kenji Watanabe"),
                List.of());

        Article a = cleaner.clean(raw);

        assertThat(a.text()).isEqualTo("""
                More than 200,000 people were ordered to leave their homes in southern Japan on Tuesday as a \
                powerful typhoon approached the island of Kyushu, officials said.

                The weather agency warned of record rainfall and winds of up to 250 km/h.
                Rail operators suspended bullet train services between Hiroshima and Fukuoka.""");
        assertThat(a.removed()).extracting(RemovedLine::text, RemovedLine::category).containsExactly(
                tuple("Home > World > Asia", "navigation"),
                tuple("Typhoon forces evacuation of 200,000 in southern Japan", "repeated-title"),
                tuple("By Kenji Watanabe, Reuters", "byline"),
                tuple("3 min read", "reading-time"),
                tuple("Advertisement", "advert"),
                tuple("Photo: Residents fill sandbags in Kagoshima on Monday.", "caption"),
                tuple("Share this article", "share-prompt"),
                tuple("© 2022 Harbour Times. All rights reserved.", "copyright"),
                tuple("TOKYO, Sept. 12 (Reuters)", "dateline"));
        assertThat(a.removedBoilerplate()).allSatisfy(line -> assertThat(a.text()).doesNotContain(line));
        assertThat(a.outlet()).isEqualTo("Harbour Times");
        assertThat(a.wire()).isEqualTo("Reuters");
        assertThat(a.published()).satisfies(d -> {
            assertThat(d.year()).isNull();
            assertThat(d.month()).isEqualTo(9);
            assertThat(d.day()).isEqualTo(12);
            assertThat(d.source()).isEqualTo(PublicationDate.Source.DATELINE);
        });
        assertThat(a.publishedAt()).isNull();
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.title()).isEqualTo("Typhoon forces evacuation of 200,000 in southern Japan");
        assertThat(a.foreignFragments()).isEmpty();
        assertThat(a.warnings()).isEmpty();
        assertThat(a.id()).isEqualTo("typhoon");
        assertThat(a.origin()).isEqualTo("pages/typhoon.html");
        assertThat(a.url()).isEqualTo("https://www.harbourtimes.example/world/typhoon");
    }

    @Test
    void cleansATranslatedLocalStoryAndMarksItsUntranslatedPhrase() throws CleaningException {
        String text = """
                Download the Riverside Gazette app
                KYIV, December 3. / Ukrinform /. The city administration said heating would be restored to \
                1,200\u00a0apartment blocks by Friday, calling the repairs «первоочередной задачей» for the \
                utilities.Engineers have worked around the clock since the strike on the power plant.



                Published: 9:05 PM, 3 Dec, 2022
                """;
        RawArticle raw = new RawArticle("heating", "feed.xml#7", SourceFormat.FEED, text, Metadata.EMPTY, List.of(),
                List.of("Repair crews\u00a0at a boiler house in Kyiv"));

        Article a = cleaner.clean(raw);

        assertThat(a.text()).isEqualTo("The city administration said heating would be restored to 1,200 apartment "
                + "blocks by Friday, calling the repairs «первоочередной задачей» for the utilities. Engineers have "
                + "worked around the clock since the strike on the power plant.");
        assertThat(a.removed()).extracting(RemovedLine::text, RemovedLine::category).containsExactly(
                tuple("Download the Riverside Gazette app", "app-promo"),
                tuple("Published: 9:05 PM, 3 Dec, 2022", "published-line"),
                tuple("KYIV, December 3. / Ukrinform /.", "dateline"),
                tuple("Repair crews at a boiler house in Kyiv", "markup"));
        assertThat(a.outlet()).isEqualTo("Riverside Gazette");
        assertThat(a.wire()).isEqualTo("Ukrinform");
        assertThat(a.publishedAt()).isEqualTo("2022-12-03");
        assertThat(a.published().source()).isEqualTo(PublicationDate.Source.DATE_LINE);
        assertThat(a.published().time()).isEqualTo("9:05 PM");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.foreignFragments()).singleElement().satisfies(f -> {
            assertThat(f.language()).isEqualTo("ru");
            assertThat(f.text()).isEqualTo("первоочередной задачей");
            assertThat(a.text().substring(f.start(), f.end())).isEqualTo(f.text());
        });
        assertThat(a.format()).isEqualTo(SourceFormat.FEED);
    }

    @Test
    void takesOutletAndDateFromMetadataFirst() throws CleaningException {
        RawArticle raw = new RawArticle("budget", "budget.json#1", SourceFormat.JSON_LINES,
                "PARIS, March 3 (AFP) — The government unveiled a leaner budget on Friday, cutting spending by "
                        + "two percent.",
                new Metadata(null, null, "2023-03-03T18:20:00+01:00", "Agence France-Presse", "fr", null),
                List.of());

        Article a = cleaner.clean(raw);

        assertThat(a.outlet()).isEqualTo("AFP");
        assertThat(a.wire()).isNull();
        assertThat(a.publishedAt()).isEqualTo("2023-03-03");
        assertThat(a.published().source()).isEqualTo(PublicationDate.Source.METADATA);
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void warnsAboutAnUnreadableMetadataDateAndKeepsTheReadersWarnings() throws CleaningException {
        RawArticle raw = new RawArticle("fair", "fair.html", SourceFormat.HTML,
                "The county fair opened on Saturday with a record 40,000 visitors.",
                new Metadata(null, null, "last Saturday", null, null, null), List.of("guessed encoding windows-1252"));

        Article a = cleaner.clean(raw);

        assertThat(a.published()).isNull();
        assertThat(a.warnings()).containsExactly("guessed encoding windows-1252",
                "unreadable publication date in metadata: last Saturday");
    }

    @Test
    void fallsBackToTheMetadataLanguageForTooLittleText() throws CleaningException {
        RawArticle raw = new RawArticle("short", "short.txt", SourceFormat.TEXT, "Ja.",
                new Metadata(null, null, null, null, "de-AT", null), List.of());

        assertThat(cleaner.clean(raw).language()).isEqualTo("de");
    }

    @Test
    void dropsABlankTitle() throws CleaningException {
        RawArticle raw = new RawArticle("untitled", "untitled.txt", SourceFormat.TEXT,
                "The library reopens on Monday after a two-year refurbishment.",
                new Metadata(" \u200b ", null, null, null, null, null), List.of());

        assertThat(cleaner.clean(raw).title()).isNull();
    }

    @Test
    void failsNamingTheOriginWhenOnlyDebrisIsLeft() {
        RawArticle raw = new RawArticle("empty", "crawl/2023/empty-page.html", SourceFormat.HTML,
                "Advertisement\n\nShare this article\nLeave a comment\n© 2023 Daily Globe",
                Metadata.EMPTY, List.of());

        assertThatThrownBy(() -> cleaner.clean(raw))
                .isInstanceOfSatisfying(CleaningException.class, e -> {
                    assertThat(e.origin()).isEqualTo("crawl/2023/empty-page.html");
                    assertThat(e.reason()).contains("no article text");
                })
                .hasMessageStartingWith("crawl/2023/empty-page.html: ");
    }

    @Test
    void hashesTheSameTextTheSameWhateverItsSpacingAndCase() throws CleaningException {
        Article a = cleaner.clean(raw("a", "The Mayor resigned on Friday.\n\nA by-election will follow in May."));
        Article b = cleaner.clean(raw("b", "  the mayor   RESIGNED on friday.\nA by election will follow in May!  "));
        Article c = cleaner.clean(raw("c", "The Mayor resigned on Thursday.\n\nA by-election will follow in May."));

        assertThat(a.contentHash()).isEqualTo(b.contentHash()).hasSize(32).matches("[0-9a-f]+");
        assertThat(c.contentHash()).isNotEqualTo(a.contentHash());
    }

    @Test
    void hashesOnlyTheCleanedText() throws CleaningException {
        Article plain = cleaner.clean(raw("plain", "Flood waters receded in the valley overnight."));
        Article messy = cleaner.clean(raw("messy",
                "Advertisement\nFlood waters receded in the valley overnight.\nShare this article"));

        assertThat(messy.contentHash()).isEqualTo(plain.contentHash());
    }

    private static RawArticle raw(String id, String text) {
        return new RawArticle(id, id + ".txt", SourceFormat.TEXT, text, Metadata.EMPTY, List.of());
    }

    // --- bounds on fields from the input

    private static final String FLOOD = "Flood waters rose overnight in the river valley, officials said on Monday.";

    private static RawArticle withMetadata(String title, String url, String outlet) {
        return new RawArticle("bounds", "feeds/bounds.xml#1", SourceFormat.FEED, FLOOD,
                new Metadata(title, url, null, outlet, null, null), List.of());
    }

    @Test
    void refusesATextThatIsOnlyRunsTooLongToBeWordsNamingTheInput() {
        java.util.Random random = new java.util.Random(7);
        StringBuilder blob = new StringBuilder();
        for (int run = 0; run < 3; run++) {
            random.ints(60_000, 'a', 'z' + 1).forEach(c -> blob.append((char) c));
            blob.append("\n\n");
        }

        CleaningException e = org.assertj.core.api.Assertions.catchThrowableOfType(CleaningException.class,
                () -> cleaner.clean(raw("blob", blob.toString())));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("blob").contains("no words in the text")
                .contains(String.format(java.util.Locale.ROOT, "%,d", Limits.MAX_TOKEN_CHARS));
    }

    @Test
    void cutsATitleLongerThanTheLimitAtAWordBoundaryWithAWarning() throws CleaningException {
        String huge = "Floodwater ".repeat(1_000_000);

        Article a = cleaner.clean(withMetadata(huge, null, null));

        assertThat(a.title()).hasSizeLessThanOrEqualTo(Limits.MAX_TITLE_CHARS).startsWith("Floodwater Floodwater")
                .endsWith("Floodwater…");
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w)
                .contains("title of 11,000,000 characters is longer than " + Limits.MAX_TITLE_CHARS));
    }

    @Test
    void keepsATitleWithinTheLimitWhole() throws CleaningException {
        String title = "Flood waters rise ".repeat(20).strip();

        Article a = cleaner.clean(withMetadata(title, null, null));

        assertThat(a.title()).isEqualTo(title);
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void dropsAnOutletAndAUrlLongerThanTheirLimitsWithAWarning() throws CleaningException {
        String outlet = "The Valley Courier ".repeat(50);
        String url = "https://valley-courier.test/news/" + "a".repeat(Limits.MAX_URL_CHARS);

        Article a = cleaner.clean(withMetadata("Flood waters rise", url, outlet));

        assertThat(a.url()).isNull();
        assertThat(a.outlet()).isNotEqualTo(outlet.strip()).satisfiesAnyOf(
                o -> assertThat(o).isNull(), o -> assertThat(o).hasSizeLessThanOrEqualTo(Limits.MAX_OUTLET_CHARS));
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).startsWith("outlet of 950 characters"))
                .anySatisfy(w -> assertThat(w).startsWith("URL of 2,081 characters is longer than 2,048"));
    }

    @Test
    void cutsATitleWithoutSpacesInsideItsOneWord() throws CleaningException {
        Article a = cleaner.clean(withMetadata("Ö".repeat(3 * Limits.MAX_TITLE_CHARS), null, null));

        assertThat(a.title()).isEqualTo("Ö".repeat(Limits.MAX_TITLE_CHARS - 1) + "…");
        assertThat(a.warnings()).singleElement().asString().contains("title of 1,500 characters");
    }

    @Test
    void dropsALanguageTagLongerThanTheLimitWithAWarning() throws CleaningException {
        RawArticle raw = new RawArticle("bounds", "feeds/bounds.xml#1", SourceFormat.FEED, "42, 41, 40.",
                new Metadata("Flood", null, null, null, "en-" + "x".repeat(10_000), null), List.of());

        Article a = cleaner.clean(raw);

        assertThat(a.language()).isNull();
        assertThat(a.warnings()).singleElement().asString()
                .isEqualTo("language tag of 10,003 characters is longer than 35: dropped");
    }

    @Test
    void listsTheFirstForeignFragmentsOfATextFullOfThemWithAWarning() throws CleaningException {
        String text = FLOOD + "\n\n" + "The mayor said \"вода\" again and again. ".repeat(1_000);
        RawArticle raw = new RawArticle("many", "many.txt", SourceFormat.TEXT, text, Metadata.EMPTY, List.of());

        Article a = cleaner.clean(raw);

        assertThat(a.foreignFragments()).hasSize(Limits.MAX_FOREIGN_FRAGMENTS)
                .allSatisfy(f -> assertThat(f.text()).isEqualTo("вода"));
        assertThat(a.warnings()).singleElement().asString()
                .isEqualTo("more than 200 fragments in another script: the first 200 are listed");
    }

    @Test
    void refusesATextLongerThanTheLimitNamingTheInput() {
        String text = (FLOOD + "\n\n").repeat(Limits.MAX_TEXT_CHARS / FLOOD.length() + 1);
        RawArticle raw = new RawArticle("long", "long.txt", SourceFormat.TEXT, text, Metadata.EMPTY, List.of());

        assertThatThrownBy(() -> cleaner.clean(raw)).isInstanceOf(CleaningException.class)
                .hasMessageStartingWith("long.txt: text of ")
                .hasMessageContaining("longer than the 2,000,000 an article may have");
    }

    @Test
    void warnsAsTheArticleArrivesThatAnalysisWillReadOnlyPartOfItsText() throws CleaningException {
        String text = (FLOOD + "\n\n").repeat(2 * Limits.MAX_ANALYSED_CHARS / FLOOD.length()) + "x".repeat(5_000);
        RawArticle raw = new RawArticle("long", "long.txt", SourceFormat.TEXT, text, Metadata.EMPTY, List.of());

        Article a = cleaner.clean(raw);

        assertThat(a.text()).hasSize(text.strip().length());
        assertThat(a.warnings()).hasSize(1).first().asString()
                .contains("longer than analysis reads: only the first").contains("(the text is kept whole)");
    }

    @Test
    void cleansMarkupNested100000LevelsDeepSentAsPlainText() throws CleaningException {
        String text = FLOOD + "\n\n" + "<div>".repeat(100_000) + "Deep." + "</div>".repeat(100_000);
        RawArticle raw = new RawArticle("deep", "api-body:1", SourceFormat.JSON_LINES, text, Metadata.EMPTY,
                List.of());

        Article a = cleaner.clean(raw);

        assertThat(a.text()).startsWith(FLOOD).hasSize(text.length());
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("without a space"));
    }
}
