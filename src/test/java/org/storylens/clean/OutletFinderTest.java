package org.storylens.clean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutletFinderTest {

    private static OutletFinder finder;

    @BeforeAll
    static void loadOutlets() {
        finder = new OutletFinder(OutletTable.load());
    }

    @Test
    void canonicalisesTheMetadataNameThroughAliases() {
        assertThat(finder.find("Agence France-Presse", null, List.of(), null).outlet()).isEqualTo("AFP");
        assertThat(finder.find("the guardian", null, List.of(), null).outlet()).isEqualTo("The Guardian");
    }

    @Test
    void keepsAnUnknownMetadataNameAsWritten() {
        assertThat(finder.find("  Riverside Gazette ", null, List.of(), null).outlet()).isEqualTo("Riverside Gazette");
    }

    @Test
    void prefersMetadataToTheUrl() {
        assertThat(finder.find("Riverside Gazette", "https://edition.cnn.com/2023/05/02/world/story.html", List.of(),
                null).outlet()).isEqualTo("Riverside Gazette");
    }

    @Test
    void takesTheOutletFromTheUrlHostIncludingSubDomains() {
        assertThat(finder.find(null, "https://edition.cnn.com/2023/05/02/world/story.html", List.of(), null).outlet())
                .isEqualTo("CNN");
        assertThat(finder.find("  ", "https://www.bbc.co.uk/news/world-65432", List.of(), null).outlet())
                .isEqualTo("BBC");
    }

    @Test
    void ignoresUnknownAndMalformedUrls() {
        assertThat(finder.find(null, "https://www.riverside-gazette.test/a", List.of(), null).outlet()).isNull();
        assertThat(finder.find(null, "ftp://cnn.com/file", List.of(), null).outlet()).isNull();
        assertThat(finder.find(null, "https://cnn.com/a b|c", List.of(), null).outlet()).isNull();
    }

    @Test
    void takesTheOutletFromAnAppPromotion() {
        List<RemovedLine> removed = List.of(
                new RemovedLine("By Helen Carter", "byline"),
                new RemovedLine("Download the Daily Globe app for breaking news alerts", "app-promo"));

        assertThat(finder.find(null, null, removed, null).outlet()).isEqualTo("Daily Globe");
    }

    @Test
    void takesTheOutletFromAStayTunedPromotion() {
        List<RemovedLine> removed = List.of(new RemovedLine("Stay tuned with Harbour Times Android App", "app-promo"));

        assertThat(finder.find(null, null, removed, null).outlet()).isEqualTo("Harbour Times");
    }

    @Test
    void skipsLowerCaseWordsBeforeThePromotedName() {
        List<RemovedLine> removed = List.of(
                new RemovedLine("Download the free Daily Globe app", "app-promo"),
                new RemovedLine("Install the official Harbour Times mobile app", "app-promo"));

        assertThat(finder.find(null, null, removed, null).outlet()).isEqualTo("Daily Globe");
    }

    @Test
    void takesNoOutletFromAPromotionThatNamesNone() {
        List<RemovedLine> removed = List.of(
                new RemovedLine("Download our free app", "app-promo"),
                new RemovedLine("Get it on Google Play", "app-promo"));

        assertThat(finder.find(null, null, removed, null).outlet()).isNull();
    }

    @Test
    void takesTheOutletFromACopyrightLine() {
        assertThat(finder.find(null, null, List.of(
                new RemovedLine("Copyright 2022 Riverside Gazette. All rights reserved.", "copyright")), null).outlet())
                .isEqualTo("Riverside Gazette");
        assertThat(finder.find(null, null, List.of(
                new RemovedLine("© 2023 Dawn Media Group", "copyright")), null).outlet()).isEqualTo("Dawn");
    }

    @Test
    void takesNoOutletFromACopyrightLineWithoutAName() {
        assertThat(finder.find(null, null, List.of(new RemovedLine("All rights reserved.", "copyright")), null)
                .outlet()).isNull();
    }

    @Test
    void prefersAnAppPromotionToACopyrightLine() {
        List<RemovedLine> removed = List.of(
                new RemovedLine("© 2023 Northern Echo Media", "copyright"),
                new RemovedLine("Download the Daily Globe app", "app-promo"));

        assertThat(finder.find(null, null, removed, null).outlet()).isEqualTo("Daily Globe");
    }

    @Test
    void takesTheOutletFromAnOutletNamedInTheDateline() {
        Dateline dateline = new Dateline("Xinhua, May 2nd, a comprehensive report", "Xinhua",
                DateText.find("May 2nd").orElseThrow(), null);

        OutletFinder.Found found = finder.find(null, null, List.of(), dateline);

        assertThat(found.outlet()).isEqualTo("Xinhua");
        assertThat(found.wire()).isNull();
    }

    @Test
    void takesTheDatelineAgencyAsOutletWhenNothingElseNamesOne() {
        Dateline dateline = new Dateline("KYIV, December 3. / Ukrinform /.", "KYIV", null, "Ukrinform");

        OutletFinder.Found found = finder.find(null, null, List.of(), dateline);

        assertThat(found.outlet()).isEqualTo("Ukrinform");
        assertThat(found.wire()).isNull();
    }

    @Test
    void takesTheDatelineAgencyAsWireWhenTheOutletIsKnown() {
        Dateline dateline = new Dateline("KYIV, December 3. / Ukrinform /.", "KYIV", null, "Ukrinform");

        OutletFinder.Found found = finder.find("Kyiv Post", null, List.of(), dateline);

        assertThat(found.outlet()).isEqualTo("Kyiv Post");
        assertThat(found.wire()).isEqualTo("Ukrinform");
    }

    @Test
    void takesTheWireFromAnInputsCredit() {
        OutletFinder.Found found = finder.find("Hindustan Times", null,
                List.of(new RemovedLine("(With inputs from PTI)", "credit")), null);

        assertThat(found.outlet()).isEqualTo("Hindustan Times");
        assertThat(found.wire()).isEqualTo("PTI");
    }

    @Test
    void takesTheWireFromAnAgencyDescription() {
        OutletFinder.Found found = finder.find(null, "https://www.dawn.com/news/1234",
                List.of(new RemovedLine("Agence France-Presse is an international news agency.", "credit")), null);

        assertThat(found.outlet()).isEqualTo("Dawn");
        assertThat(found.wire()).isEqualTo("AFP");
    }

    @Test
    void takesTheWireFromAByline() {
        OutletFinder.Found found = finder.find("The Globe and Mail", null,
                List.of(new RemovedLine("By John Smith, Reuters", "byline")), null);

        assertThat(found.wire()).isEqualTo("Reuters");
    }

    @Test
    void takesTheFirstCreditedAgencyInDocumentOrder() {
        List<RemovedLine> removed = List.of(
                new RemovedLine("By Maria Garcia, Reuters", "byline"),
                new RemovedLine("(With inputs from AFP)", "credit"));

        assertThat(finder.find("Daily Globe", null, removed, null).wire()).isEqualTo("Reuters");
    }

    @Test
    void ignoresAgenciesNamedInCaptions() {
        List<RemovedLine> removed = List.of(new RemovedLine("(AP Photo/Jane Doe)", "caption"));

        assertThat(finder.find("Daily Globe", null, removed, null).wire()).isNull();
    }

    @Test
    void ignoresPublishersNamedInCredits() {
        List<RemovedLine> removed = List.of(new RemovedLine("(With inputs from CNN)", "credit"));

        assertThat(finder.find("Daily Globe", null, removed, null).wire()).isNull();
    }

    @Test
    void leavesTheWireEmptyWhenItIsTheOutletItself() {
        Dateline dateline = new Dateline("WASHINGTON (Reuters)", "WASHINGTON", null, "Reuters");
        List<RemovedLine> removed = List.of(
                new RemovedLine("By John Smith, Reuters", "byline"),
                new RemovedLine("WASHINGTON (Reuters)", "dateline"));

        OutletFinder.Found found = finder.find(null, "https://www.reuters.com/world/us/story", removed, dateline);

        assertThat(found.outlet()).isEqualTo("Reuters");
        assertThat(found.wire()).isNull();
    }

    @Test
    void leavesTheWireEmptyWhenTheMetadataNamesTheAgencyByAnAlias() {
        List<RemovedLine> removed = List.of(new RemovedLine("— AFP", "credit"));

        OutletFinder.Found found = finder.find("Agence France-Presse", null, removed, null);

        assertThat(found.outlet()).isEqualTo("AFP");
        assertThat(found.wire()).isNull();
    }

    @Test
    void doesNotFindShortAliasesInsideWordsOrLowerCaseText() {
        List<RemovedLine> removed = List.of(
                new RemovedLine("By Jane Doe, CAPTION APPROVED", "byline"),
                new RemovedLine("Source: ap and apnews readers", "credit"),
                new RemovedLine("By APPLE Staff", "byline"));

        assertThat(finder.find("Daily Globe", null, removed, null).wire()).isNull();
    }

    @Test
    void findsTheAssociatedPressByItsShortAlias() {
        List<RemovedLine> removed = List.of(new RemovedLine("By Jane Doe, AP", "byline"));

        assertThat(finder.find("Daily Globe", null, removed, null).wire()).isEqualTo("Associated Press");
    }

    @Test
    void findsNothingInAnArticleWithoutClues() {
        OutletFinder.Found found = finder.find(null, null, List.of(new RemovedLine("Advertisement", "advert")), null);

        assertThat(found.outlet()).isNull();
        assertThat(found.wire()).isNull();
    }
}
