package org.storylens.analyse;

import org.junit.jupiter.api.Test;
import org.storylens.analyse.TimeExpression.Relation;
import org.storylens.clean.PublicationDate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimeResolverTest {

    /** Sunday. */
    private static final PublicationDate SUNDAY = published(2021, 12, 5);

    private final TimeResolver resolver = new TimeResolver();

    @Test
    void resolvesTuesdayAgainstPublicationDateByFutureTense() {
        TimeExpression tuesday = only("The two ministers will meet in Oslo on Tuesday.", SUNDAY, "Tuesday");
        assertThat(tuesday.value()).isEqualTo("2021-12-07");
        assertThat(tuesday.relation()).isEqualTo(Relation.FUTURE);
        assertThat(tuesday.type()).isEqualTo("DATE");
    }

    @Test
    void resolvesSaidSaturdayToTheLastSaturdayBeforePublication() {
        TimeExpression saturday = only("The spokesman said Saturday that the talks had stalled.", SUNDAY, "Saturday");
        assertThat(saturday.value()).isEqualTo("2021-12-04");
        assertThat(saturday.relation()).isEqualTo(Relation.PAST);
        assertThat(only("Mr Lenz said Friday he would veto the budget.", SUNDAY, "Friday").value())
                .isEqualTo("2021-12-03");
        assertThat(only("On Thursday, the minister resigned.", SUNDAY, "Thursday").value()).isEqualTo("2021-12-02");
    }

    @Test
    void countsThePublicationDayAsTheMostRecentOrNextSuchDay() {
        PublicationDate friday = published(2021, 12, 3);
        assertThat(only("The minister resigned on Friday.", friday, "Friday").value()).isEqualTo("2021-12-03");
        assertThat(only("The minister will resign on Friday.", friday, "Friday").value()).isEqualTo("2021-12-03");
    }

    @Test
    void readsLastAndNextBeforeAWeekdayAsStrictlyBeforeOrAfterPublication() {
        PublicationDate friday = published(2021, 12, 3);
        assertThat(only("Last Friday the board met in Turin.", friday, "Last Friday").value())
                .isEqualTo("2021-11-26");
        assertThat(only("The board meets again next Friday.", friday, "next Friday").value())
                .isEqualTo("2021-12-10");
    }

    @Test
    void readsSchedulingPhrasesAsFuture() {
        assertThat(only("The vote is set for Thursday.", SUNDAY, "Thursday").value()).isEqualTo("2021-12-09");
        assertThat(only("The report is due on Monday, officials said.", SUNDAY, "Monday").value())
                .isEqualTo("2021-12-06");
        TimeExpression friday = only("Union leaders have scheduled a strike for Friday.", SUNDAY, "Friday");
        assertThat(friday.value()).isEqualTo("2021-12-10");
        assertThat(friday.relation()).isEqualTo(Relation.FUTURE);
    }

    @Test
    void takesTheNearestWeekdayWhenThePresentTenseGivesNoDirection() {
        PublicationDate wednesday = published(2021, 12, 8);
        TimeExpression monday = only("The market is closed on Monday.", wednesday, "Monday");
        assertThat(monday.value()).isEqualTo("2021-12-06");
        assertThat(monday.relation()).isEqualTo(Relation.PRESENT);
        assertThat(only("The market is closed on Friday.", wednesday, "Friday").value()).isEqualTo("2021-12-10");
    }

    @Test
    void placesAnOrdinalDayInThePublicationMonthOrTheNeighbouringOneByTense() {
        TimeExpression seventh = only("The two leaders will hold a call on the 7th.", SUNDAY, "the 7th");
        assertThat(seventh.value()).isEqualTo("2021-12-07");
        assertThat(seventh.relation()).isEqualTo(Relation.FUTURE);
        assertThat(only("A spokesman confirmed the meeting on the 4th.", SUNDAY, "the 4th").value())
                .isEqualTo("2021-12-04");
        assertThat(only("The committee voted on the 28th.", published(2021, 12, 2), "the 28th").value())
                .isEqualTo("2021-11-28");
        assertThat(only("The bank will decide on the 3rd.", published(2021, 12, 28), "the 3rd").value())
                .isEqualTo("2022-01-03");
    }

    @Test
    void doesNotReadOrdinalsBeforeNounsAsDays() {
        List<TimeExpression> times = resolve("The 7th Fleet sailed past the 4th largest port in the region.",
                SUNDAY);
        assertThat(times).extracting(TimeExpression::text).doesNotContain("The 7th", "the 4th");
    }

    @Test
    void givesAMonthAndDayWithoutYearTheYearTheTenseAllows() {
        assertThat(only("On June 16, the two presidents met in Geneva.", SUNDAY, "June 16").value())
                .isEqualTo("2021-06-16");
        assertThat(only("The flood on December 28 killed five people.", published(2022, 1, 10), "December 28")
                .value()).isEqualTo("2021-12-28");
        assertThat(only("Elections will be held on March 3.", SUNDAY, "March 3").value()).isEqualTo("2022-03-03");
        assertThat(only("The summit took place in June.", SUNDAY, "June").value()).isEqualTo("2021-06");
    }

    @Test
    void takesTheNearestYearForADateWithinAMonthOfPublicationWhateverTheTense() {
        assertThat(only("The court gave no reason for the January 3 deadline.", SUNDAY, "January 3").value())
                .isEqualTo("2022-01-03");
    }

    @Test
    void resolvesRelativePeriodsAgainstThePublicationDate() {
        String text = "The leaders will talk next week. An attack may be planned for next month. Russia may invade "
                + "early next year. The exercises this spring were large. Russia seized Crimea in 2014. The "
                + "spokeswoman spoke earlier this week. He left yesterday and returns tomorrow.";
        List<TimeExpression> times = resolve(text, SUNDAY);
        assertThat(value(times, "next week")).isEqualTo("2021-W49");
        assertThat(value(times, "next month")).isEqualTo("2022-01");
        assertThat(value(times, "early next year")).isEqualTo("2022");
        assertThat(value(times, "this spring")).isEqualTo("2021-SP");
        assertThat(value(times, "2014")).isEqualTo("2014");
        assertThat(value(times, "earlier this week")).isEqualTo("2021-W48");
        assertThat(value(times, "yesterday")).isEqualTo("2021-12-04");
        assertThat(value(times, "tomorrow")).isEqualTo("2021-12-06");
    }

    @Test
    void keepsExplicitDatesAndLeavesRelativeOnesOpenWhenThePublicationDateIsUnknown() {
        String text = "The date of December 7 was considered. They will talk on Tuesday and again next week. "
                + "Russia seized Crimea in 2014. He left yesterday.";
        List<TimeExpression> times = resolve(text, null);
        assertThat(value(times, "December 7")).isEqualTo("XXXX-12-07");
        assertThat(value(times, "Tuesday")).isNull();
        assertThat(value(times, "next week")).isNull();
        assertThat(value(times, "yesterday")).isNull();
        assertThat(value(times, "2014")).isEqualTo("2014");
        assertThat(times).noneMatch(TimeExpression::inferred);
    }

    @Test
    void marksValuesThatRestOnAnInferredPublicationYear() {
        PublicationDate inferred = new PublicationDate(null, 12, 5, null, PublicationDate.Source.DATE_LINE,
                "December 5th", false).withInferredYear(2021);
        List<TimeExpression> times = resolve("The leaders will hold a call on the 7th. Russia seized Crimea in 2014.",
                inferred);
        TimeExpression seventh = find(times, "the 7th");
        assertThat(seventh.value()).isEqualTo("2021-12-07");
        assertThat(seventh.inferred()).isTrue();
        assertThat(find(times, "2014").inferred()).isFalse();
    }

    @Test
    void placesAPartOfTheDayOnItsDateAndKeepsClockTimes() {
        assertThat(only("Protesters marched through the city on Friday night.", SUNDAY, "Friday night").value())
                .isEqualTo("2021-12-03");
        assertThat(only("The blast came at 10:35 a.m. on Friday.", SUNDAY, "10:35 a.m. on Friday").value())
                .isEqualTo("2021-12-03T10:35");
    }

    @Test
    void takesNoAgeForATimeExpression() {
        assertThat(resolve("The 44-year-old mayor and a six-year-old boy were rescued on Friday.", SUNDAY))
                .extracting(TimeExpression::text).containsExactly("Friday");
    }

    @Test
    void leavesAPartOfTheDayWithoutADayOpen() {
        assertThat(only("The call would take place in the evening, Moscow time.", SUNDAY, "evening").value())
                .isNull();
    }

    @Test
    void countsBackFromPublicationAsPreciselyAsTheUnitOfAgo() {
        List<TimeExpression> times = resolve("The revolution won 41 years ago. The boy was rescued two months ago. "
                + "The boat left six weeks ago.", SUNDAY);
        assertThat(value(times, "41 years ago")).isEqualTo("1980");
        assertThat(value(times, "two months ago")).isEqualTo("2021-10");
        assertThat(value(times, "six weeks ago")).isEqualTo("2021-W42");
    }

    @Test
    void doesNotReadTheEndOfASpanGivenInThePastAsPast() {
        PublicationDate monday = published(2021, 12, 6);
        TimeExpression tuesday = only("The agency has given the family until Tuesday to sign.", monday, "Tuesday");
        assertThat(tuesday.value()).isEqualTo("2021-12-07");
    }

    @Test
    void readsTheRelationFromTheGoverningVerb() {
        List<TimeExpression> times = resolve("The talks were held in 2014. The talks will resume in 2023. "
                + "The talks have stalled since 2019. The office is closed this week.", SUNDAY);
        assertThat(find(times, "2014").relation()).isEqualTo(Relation.PAST);
        assertThat(find(times, "2023").relation()).isEqualTo(Relation.FUTURE);
        assertThat(find(times, "2019").relation()).isEqualTo(Relation.PAST);
        assertThat(find(times, "this week").relation()).isEqualTo(Relation.PRESENT);
    }

    @Test
    void readsAFourDigitNumberAsAYearOnlyInAYearContext() {
        List<TimeExpression> times = resolve("The quake struck at 1353 (1023 GMT). The number of evacuees rose to 1530 "
                + "and 2000 soldiers were sent. The dam, completed in 1968, was flooded in March 2009, and a 2022 "
                + "inspection found cracks that have been there since 1994; repairs are planned for 2026.", SUNDAY);
        assertThat(times).extracting(TimeExpression::text).doesNotContain("1353", "1023", "1023 GMT", "1530", "2000");
        assertThat(value(times, "1968")).isEqualTo("1968");
        assertThat(value(times, "March 2009")).isEqualTo("2009-03");
        assertThat(value(times, "2022")).isEqualTo("2022");
        assertThat(value(times, "1994")).isEqualTo("1994");
        assertThat(value(times, "2026")).isEqualTo("2026");
    }

    @Test
    void givesSpansIntoTheTextInTextOrder() {
        String text = "On the 4th the envoy arrived; talks will follow on Tuesday and the 9th.";
        List<TimeExpression> times = resolve(text, SUNDAY);
        assertThat(times).extracting(TimeExpression::text).containsExactly("the 4th", "Tuesday", "the 9th");
        assertThat(times).allSatisfy(t ->
                assertThat(text.substring(t.span().start(), t.span().end())).isEqualTo(t.text()));
    }

    @Test
    void aDayWrittenBeforeTheMonthIsTheDayEvenWhenANumberFollowsTheMonth() {
        PublicationDate friday = published(2021, 12, 3);
        List<TimeExpression> times = resolve("The ferry ran aground on 1 Dec 21 near Kestel.", friday);
        assertThat(times).extracting(TimeExpression::value).contains("2021-12-01").doesNotContain("2021-12-21");
    }

    @Test
    void readsABareWeekendByTheTenseOfItsVerb() {
        PublicationDate wednesday = published(2021, 12, 8);
        assertThat(only("The council agreed at the weekend to close the pool.", wednesday, "the weekend").value())
                .isEqualTo("2021-W48-WE");
        assertThat(only("The council will vote at the weekend on the pool.", wednesday, "the weekend").value())
                .isEqualTo("2021-W49-WE");
    }

    @Test
    void aMonthNameWrittenAsACommonWordIsNoDateAtTheBriefTier() {
        PublicationDate friday = published(2021, 12, 3);
        AnnotatedText annotated = Annotators.brief().annotate(
                "The march then reached the town hall, where the first lines of the march stopped.", friday.date());
        assertThat(resolver.resolve(annotated, friday)).extracting(TimeExpression::text)
                .noneMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("march"));
    }

    private static PublicationDate published(int year, int month, int day) {
        return new PublicationDate(year, month, day, null, PublicationDate.Source.METADATA, "test", false);
    }

    private List<TimeExpression> resolve(String text, PublicationDate published) {
        AnnotatedText annotated = Annotators.shared().annotate(text, published == null ? null : published.date());
        return resolver.resolve(annotated, published);
    }

    private TimeExpression only(String text, PublicationDate published, String words) {
        return find(resolve(text, published), words);
    }

    private static TimeExpression find(List<TimeExpression> times, String words) {
        return times.stream().filter(t -> t.text().equals(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no time expression \"" + words + "\" in " + times));
    }

    private static String value(List<TimeExpression> times, String words) {
        return find(times, words).value();
    }
}
