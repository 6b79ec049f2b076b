package org.storylens.brief;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Annotators;
import org.storylens.analyse.CoreNlpArticleAnalyser;
import org.storylens.analyse.EntityFinder;
import org.storylens.analyse.NumberFinder;
import org.storylens.analyse.QuoteFinder;
import org.storylens.analyse.TimeResolver;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.clean.PublicationYearInferrer;
import org.storylens.ingest.SourceFormat;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chronology of small invented stories, analysed by the real ingest-tier analysis. */
class TimelineBuilderTest {

    private static CoreNlpArticleAnalyser analyser;
    private final TimelineBuilder builder = new TimelineBuilder(new PublicationYearInferrer());

    @BeforeAll
    static void load() {
        analyser = new CoreNlpArticleAnalyser(Annotators.shared(), new EntityFinder(), new TimeResolver(),
                new QuoteFinder(), new NumberFinder());
    }

    private static AnalysedArticle article(String id, int month, int day, String... paragraphs) {
        PublicationDate published = new PublicationDate(2025, month, day, null, PublicationDate.Source.METADATA,
                "test", false);
        String text = String.join("\n\n", paragraphs);
        return analyser.analyse(new Article(id, "Title of " + id, "Outlet " + id, null, published, "en", text,
                List.of(), List.of(), null, id + ".txt", SourceFormat.TEXT, "hash-" + id, List.of()));
    }

    private List<TimelineEntry> timeline(AnalysedArticle... story) {
        return builder.build(Arrays.asList(story));
    }

    private static TimelineEntry entryWith(List<TimelineEntry> timeline, String words) {
        return timeline.stream().filter(t -> t.text().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry with \"" + words + "\" in " + timeline));
    }

    @Test
    void readsNoYearInAClockTimeOrAHeadcount() {
        List<TimelineEntry> timeline = timeline(article("quake", 4, 7,
                "The quake struck at 1353 (1023 GMT) on Sunday, the seismological centre said.",
                "The number of evacuated people has risen to 1530, the civil protection agency said on Monday.",
                "The village school, built in 1962, was destroyed."));
        assertThat(timeline).extracting(TimelineEntry::date)
                .doesNotContain("1353", "1023", "1530")
                .contains("2025-04-06", "2025-04-07", "1962");
        assertThat(entryWith(timeline, "risen to 1530").date()).isEqualTo("2025-04-07");
    }

    @Test
    void datesASentenceByItsMainClauseNotByALaterYearItMentions() {
        List<TimelineEntry> timeline = timeline(article("bridge", 6, 12,
                "The transport minister has confirmed that a 2019 survey found corrosion in the bridge that "
                        + "collapsed on Tuesday, and that repairs were not planned until 2027.",
                "Engineers closed the second bridge on Wednesday."));
        assertThat(timeline).extracting(TimelineEntry::date).doesNotContain("2027");
        assertThat(timeline).noneMatch(t -> t.text().contains("has confirmed"));
        assertThat(entryWith(timeline, "closed the second bridge").date()).isEqualTo("2025-06-11");
    }

    @Test
    void leavesOutASentenceWhoseMainEventIsDatedOnlyVaguely() {
        List<TimelineEntry> timeline = timeline(article("reservoir", 3, 12,
                "The operator said it had lowered the reservoir by two metres overnight and that the main wall, "
                        + "completed in 1968, was undamaged.",
                "The mayor visited the shelters on Tuesday."));
        assertThat(timeline).noneMatch(t -> t.text().contains("lowered the reservoir"));
        assertThat(entryWith(timeline, "visited the shelters").date()).isEqualTo("2025-03-11");
    }

    @Test
    void marksAnEventStillToComeInEveryReportAsScheduled() {
        List<TimelineEntry> timeline = timeline(
                article("sunday", 12, 7, "The two foreign ministers will hold talks in Oslo on Tuesday, "
                        + "officials said."),
                article("monday", 12, 8, "The foreign ministers of both countries are to hold talks in Oslo on "
                        + "Tuesday."));
        TimelineEntry talks = entryWith(timeline, "talks in Oslo");
        assertThat(talks.date()).isEqualTo("2025-12-09");
        assertThat(talks.sources()).containsExactly("sunday", "monday");
        assertThat(talks.scheduled()).isTrue();
    }

    @Test
    void takesTwoReportsOfOneDayStillToComeWithSharedWordsForOneEvent() {
        List<TimelineEntry> timeline = timeline(
                article("wire", 12, 5, "The two presidents will hold a video call on Tuesday, their offices said."),
                article("agency", 12, 6, "A government spokesman said the video call would take place on the "
                        + "evening of December 9."),
                article("other", 12, 6, "Farmers will block the motorway on Tuesday."));
        assertThat(entryWith(timeline, "video call").sources()).containsExactly("wire", "agency");
        assertThat(entryWith(timeline, "motorway").sources()).containsExactly("other");
    }

    @Test
    void doesNotMarkAnEventReportedAfterItHappenedAsScheduled() {
        List<TimelineEntry> timeline = timeline(
                article("before", 12, 7, "The two foreign ministers will hold talks in Oslo on Tuesday."),
                article("after", 12, 10, "The two foreign ministers held talks in Oslo on Tuesday."));
        TimelineEntry talks = entryWith(timeline, "talks in Oslo");
        assertThat(talks.sources()).containsExactly("before", "after");
        assertThat(talks.scheduled()).isFalse();
    }

    @Test
    void citesForAnEventOnlyTheSourcesWhoseOwnSentenceGivesItThatDate() {
        List<TimelineEntry> timeline = timeline(
                article("first", 3, 12, "A fire at a textile factory in Dhaka killed 40 people on Monday, "
                        + "officials said.", "The mayor of Dhaka visited the burnt factory on Monday."),
                article("second", 3, 12, "A fire at a textile factory in Dhaka killed 40 people on Monday, police "
                        + "said."),
                article("third", 3, 13, "A fire at a textile factory in Dhaka killed 52 people on Monday, the "
                        + "fire service said."));
        assertThat(timeline).allMatch(t -> t.date().equals("2025-03-10"));
        assertThat(entryWith(timeline, "killed 40").sources()).containsExactly("first", "second");
        assertThat(entryWith(timeline, "killed 52").sources()).containsExactly("third");
        assertThat(entryWith(timeline, "The mayor").sources()).containsExactly("first");
        assertThat(timeline).hasSize(3);
    }

    @Test
    void cutsAPronounAndItsReportingVerbOffAnEntryOrLeavesTheEntryOut() {
        List<TimelineEntry> timeline = timeline(article("report", 3, 13,
                "Minister Anna Brandt spoke in parliament on Thursday.",
                "She said the full inspection report would be published on Friday.",
                "He ordered an independent inquiry on Wednesday."));
        assertThat(entryWith(timeline, "inspection report").text())
                .isEqualTo("The full inspection report would be published on Friday.");
        assertThat(entryWith(timeline, "inspection report").scheduled()).isTrue();
        assertThat(timeline).noneMatch(t -> t.text().contains("inquiry"));
        assertThat(timeline).noneMatch(t -> t.text().matches("(?i)^(he|she)\\b.*"));
    }

    @Test
    void takesTheDateOfTheEventRatherThanTheTimeStampOpeningItsSentence() {
        List<TimelineEntry> timeline = timeline(article("stamp", 4, 11,
                "THURSDAY, APRIL 10, 2025, 9:12 AM\nTwo men went on trial on Wednesday for the robbery of a jeweller.",
                "Published: April 11, 2025\nA court in Leeds has set a date for the retrial."));
        assertThat(entryWith(timeline, "went on trial").date()).isEqualTo("2025-04-09");
        // the stamp, read as part of the sentence that follows it as in scraped pages, is cut off the entry
        assertThat(entryWith(timeline, "went on trial").text())
                .isEqualTo("Two men went on trial on Wednesday for the robbery of a jeweller.");
        assertThat(entryWith(timeline, "retrial").date()).isEqualTo("2025-04-11");
    }

    @Test
    void takesNoDateFromWithinAQuotation() {
        List<TimelineEntry> timeline = timeline(article("shelter", 3, 11,
                "The mayor toured the shelters on Tuesday.",
                "\"Tonight we think about the people who lost their homes,\" she told reporters."));
        assertThat(timeline).extracting(TimelineEntry::text).noneMatch(t -> t.contains("Tonight"));
        assertThat(timeline).hasSize(1);
    }

    @Test
    void aLeftOverDateLineWithNoVerbIsNoEvent() {
        List<TimelineEntry> entries = timeline(article("a", 3, 12,
                "KNS Mar 12, 2025, 05.",
                "The ferry Arna ran aground off Kestel on 11 March, the coastguard said."));
        assertThat(entries).extracting(TimelineEntry::text).noneMatch(t -> t.startsWith("KNS"));
        assertThat(entries).extracting(TimelineEntry::text).anyMatch(t -> t.contains("ran aground"));
    }

    @Test
    void aDateInAParticipleClauseDescribingANounDoesNotDateTheSentence() {
        List<TimelineEntry> entries = timeline(article("a", 3, 12,
                "The old skipper died in the harbour hospital while serving a ban imposed in 2019 for overfishing.",
                "The ferry Arna ran aground off Kestel on Tuesday, the coastguard said."));
        assertThat(entries).extracting(TimelineEntry::date).doesNotContain("2019");
        assertThat(entryWith(entries, "ran aground").date()).isEqualTo("2025-03-11");
    }

    @Test
    void aTimeCountedFromAnEventTheTextToldIsNoDate() {
        List<TimelineEntry> entries = timeline(article("a", 3, 12,
                "The skipper was first fined for overfishing in 2015.",
                "A year later, he was banned from the harbour of Kestel."));
        assertThat(entries).noneMatch(t -> t.text().contains("banned from the harbour"));
        assertThat(entries).extracting(TimelineEntry::date).doesNotContain("2026-03-12", "2026");
    }

    @Test
    void anEventToldInThePastIsNotDatedByTheTimeStampOpeningItsSentence() {
        List<TimelineEntry> entries = timeline(article("a", 3, 12,
                "Updated: March 12, 2025 18:50 CET\nThe ferry Arna ran aground off Kestel with 40 passengers on board.",
                "Published: March 12, 2025\nA court in Kestel has set a date for the inquiry."));
        assertThat(entries).noneMatch(t -> t.text().contains("ran aground"));
        assertThat(entryWith(entries, "set a date").date()).isEqualTo("2025-03-12");
    }
}
