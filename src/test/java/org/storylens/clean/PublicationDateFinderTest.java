package org.storylens.clean;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationDateFinderTest {

    private final PublicationDateFinder finder = new PublicationDateFinder();

    private static final List<RemovedLine> DATE_LINES = List.of(
            new RemovedLine("By Helen Carter", "byline"),
            new RemovedLine("Updated: 8 March 2023, 09:12", "published-line"));
    private static final Dateline DATELINE_WITH_YEAR = new Dateline("LONDON, March 6, 2023 (Reuters)", "LONDON",
            DateText.find("March 6, 2023").orElseThrow(), "Reuters");
    private static final Dateline DATELINE_WITHOUT_YEAR = new Dateline("LONDON, March 6 (Reuters)", "LONDON",
            DateText.find("March 6").orElseThrow(), "Reuters");

    @Test
    void prefersMetadataToDateLinesAndDatelines() {
        PublicationDate d = finder.find("2023-03-07T18:00:00+01:00", DATE_LINES, null, DATELINE_WITH_YEAR)
                .orElseThrow();

        assertThat(d.iso()).isEqualTo("2023-03-07");
        assertThat(d.time()).isEqualTo("18:00:00+01:00");
        assertThat(d.source()).isEqualTo(PublicationDate.Source.METADATA);
        assertThat(d.evidence()).isEqualTo("2023-03-07T18:00:00+01:00");
        assertThat(d.yearInferred()).isFalse();
    }

    @Test
    void prefersALabelledDateLineToTheDateline() {
        PublicationDate d = finder.find(null, DATE_LINES, null, DATELINE_WITH_YEAR).orElseThrow();

        assertThat(d.iso()).isEqualTo("2023-03-08");
        assertThat(d.time()).isEqualTo("09:12");
        assertThat(d.source()).isEqualTo(PublicationDate.Source.DATE_LINE);
        assertThat(d.evidence()).isEqualTo("Updated: 8 March 2023, 09:12");
    }

    @Test
    void usesTheDatelineWhenNothingElseGivesADate() {
        PublicationDate d = finder.find(null, List.of(new RemovedLine("By Helen Carter", "byline")), null,
                DATELINE_WITH_YEAR).orElseThrow();

        assertThat(d.iso()).isEqualTo("2023-03-06");
        assertThat(d.source()).isEqualTo(PublicationDate.Source.DATELINE);
        assertThat(d.evidence()).isEqualTo("LONDON, March 6, 2023 (Reuters)");
    }

    @Test
    void takesTheDatePrefixAsADateLineWithItsOwnTextAsEvidence() {
        List<RemovedLine> removed = List.of(
                new RemovedLine("Last updated: 2 hours ago", "published-line"),
                new RemovedLine("date 2023-05-02", "published-line"),
                new RemovedLine("LONDON, May 2 (Reuters)", "dateline"));

        PublicationDate d = finder.find(null, removed, DateText.parseValue("2023-05-02").orElseThrow(),
                DATELINE_WITHOUT_YEAR).orElseThrow();

        assertThat(d.iso()).isEqualTo("2023-05-02");
        assertThat(d.source()).isEqualTo(PublicationDate.Source.DATE_LINE);
        assertThat(d.evidence()).isEqualTo("date 2023-05-02");
    }

    @Test
    void prefersADatelineWithAYearToADateLineWithout() {
        List<RemovedLine> removed = List.of(new RemovedLine("Posted 6 March, 14:05", "published-line"));

        PublicationDate d = finder.find(null, removed, null, DATELINE_WITH_YEAR).orElseThrow();

        assertThat(d.iso()).isEqualTo("2023-03-06");
        assertThat(d.source()).isEqualTo(PublicationDate.Source.DATELINE);
    }

    @Test
    void prefersALaterDateLineWithAYearToAnEarlierOneWithout() {
        List<RemovedLine> removed = List.of(
                new RemovedLine("Posted 6 March, 14:05", "published-line"),
                new RemovedLine("Updated March 7, 2023 at 4:15 p.m. EST", "published-line"));

        PublicationDate d = finder.find(null, removed, null, null).orElseThrow();

        assertThat(d.iso()).isEqualTo("2023-03-07");
        assertThat(d.evidence()).isEqualTo("Updated March 7, 2023 at 4:15 p.m. EST");
    }

    @Test
    void prefersADateLineToADatelineWhenNeitherHasAYear() {
        List<RemovedLine> removed = List.of(new RemovedLine("Posted 6 March, 14:05", "published-line"));

        PublicationDate d = finder.find(null, removed, null, DATELINE_WITHOUT_YEAR).orElseThrow();

        assertThat(d.source()).isEqualTo(PublicationDate.Source.DATE_LINE);
        assertThat(d.year()).isNull();
        assertThat(d.month()).isEqualTo(3);
        assertThat(d.day()).isEqualTo(6);
    }

    @Test
    void keepsAMissingYearMissing() {
        PublicationDate d = finder.find(null, List.of(), null, DATELINE_WITHOUT_YEAR).orElseThrow();

        assertThat(d.year()).isNull();
        assertThat(d.yearMissing()).isTrue();
        assertThat(d.yearInferred()).isFalse();
        assertThat(d.iso()).isNull();
        assertThat(d.date()).isNull();
    }

    @Test
    void fallsThroughUnparseableMetadata() {
        PublicationDate d = finder.find("sometime last week", DATE_LINES, null, null).orElseThrow();

        assertThat(d.source()).isEqualTo(PublicationDate.Source.DATE_LINE);
        assertThat(d.iso()).isEqualTo("2023-03-08");
    }

    @Test
    void keepsAMetadataDateWithoutAYearWhenTheTextHasNoBetterOne() {
        PublicationDate d = finder.find("December 5", List.of(), null, DATELINE_WITHOUT_YEAR).orElseThrow();

        assertThat(d.source()).isEqualTo(PublicationDate.Source.METADATA);
        assertThat(d.year()).isNull();
        assertThat(d.month()).isEqualTo(12);
        assertThat(d.day()).isEqualTo(5);
    }

    @Test
    void prefersADateWithAYearToMetadataWithout() {
        PublicationDate d = finder.find("December 5", List.of(), null, DATELINE_WITH_YEAR).orElseThrow();

        assertThat(d.source()).isEqualTo(PublicationDate.Source.DATELINE);
        assertThat(d.iso()).isEqualTo("2023-03-06");
    }

    @Test
    void ignoresDatesInLinesThatAreNotDateLines() {
        List<RemovedLine> removed = List.of(
                new RemovedLine("Posted by Mark Evans on 12 May 2023", "byline"),
                new RemovedLine("© 2021 Ashford Courier", "copyright"));

        assertThat(finder.find(null, removed, null, null)).isEmpty();
    }

    @Test
    void findsNothingWithoutAnyDate() {
        assertThat(finder.find(null, List.of(), null, null)).isEmpty();
        assertThat(finder.find("  ", List.of(), null,
                new Dateline("WASHINGTON (Reuters)", "WASHINGTON", null, "Reuters"))).isEmpty();
    }
}
