package org.storylens.brief;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** What sets two claims against each other, and what must not: on small invented stories. */
class ClaimRelationsTest {

    @RegisterExtension
    static final InventedStories stories = new InventedStories();

    private static String article(String title, String date, String... sentences) {
        return InventedStories.dated(title, date, sentences);
    }

    @Test
    void aPageTimeStampRunIntoASentenceIsNotTheDayOfWhatItTells() throws IOException {
        StoryBrief brief = stories.brief("dateline",
                article("Fire at Lenno bank", "5 May 2024",
                        "Three people died when a bank in Lenno went up in flames on Sunday as thousands of people "
                                + "marched through the town."),
                article("Lenno bank fire", "5 May 2024",
                        "Updated Mon 6 May 2024, 9: 03am AEST Three people died when a bank in Lenno went up in flames as "
                                + "thousands of people marched through the town."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void refusingToSayOneThingDoesNotDenyWhatTheSameSourceSaidOfAnother() throws IOException {
        StoryBrief brief = stories.brief("would-not-say",
                article("Aldam office shooting", "10 Apr 2024",
                        "Witnesses said the gunman used a shotgun, Aldam police Lieutenant Mara Venn said."),
                article("Aldam gunman was refused permit", "11 Apr 2024",
                        "The gunman was refused a handgun permit in March, said Venn, who would not say why the "
                                + "permit was refused."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aNationwideCountIsNotACountOfOneCity() throws IOException {
        StoryBrief brief = stories.brief("nationwide",
                article("Strike empties Veldan streets", "5 May 2024",
                        "An estimated 100,000 people took to the streets as part of nationwide strikes against the "
                                + "budget cuts.",
                        "The unions of Lenno called the strike."),
                article("Lenno march", "5 May 2024",
                        "Police said as many as 20,000 people took to the streets of Lenno on Wednesday."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aBackgroundDisasterFarLargerIsNotADisputedCount() throws IOException {
        StoryBrief brief = stories.brief("far-apart",
                article("Flood kills six in Orvan valley", "5 May 2024",
                        "Six people were killed when the Orvan burst its banks on Sunday, the regional governor said."),
                article("Orvan valley flood", "5 May 2024",
                        "A flood in the same valley killed more than 2,400 people, the worst the region has seen.",
                        "Rescue teams worked through the night in the Orvan valley."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aNegationInARelativeClauseDeniesNothingAnotherReportSays() throws IOException {
        StoryBrief brief = stories.brief("relative-clause-negation",
                article("Holt beats Rusk in Lenno final", "5 May 2024",
                        "Mira Holt beat Dana Rusk in the Lenno final on Sunday, a match in which Rusk did not win a "
                                + "single game."),
                article("Holt wins Lenno final", "5 May 2024",
                        "Mira Holt won the Lenno final on Sunday in under an hour."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aPlainDenialOfTheSameActByTheSameAgentIsStillDisputed() throws IOException {
        StoryBrief brief = stories.brief("main-clause-negation",
                article("Kestel harbour board approves pier", "5 May 2024",
                        "The Kestel harbour board approved the new pier on Monday, the Kestel Gazette reported."),
                article("No decision on Kestel pier", "5 May 2024",
                        "The Kestel harbour board did not approve the new pier on Monday, board chair Lina Ost said."));
        assertThat(brief.claims()).anySatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aNegationThatAssertsNothingDoesNotMakeItsSentenceAnAffirmation() throws IOException {
        StoryBrief brief = stories.brief("unasserted-negation",
                article("Holt will not defend Lenno title", "5 May 2024",
                        "Mira Holt has decided not to defend her Lenno title, her agent said on Sunday."),
                article("Fans react to Holt news", "5 May 2024",
                        "Fans voiced their disappointment that Mira Holt would not defend her Lenno title."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aPlayersFigureIsNotTheTeamsFigureInTheSameUnit() throws IOException {
        StoryBrief brief = stories.brief("player-and-team",
                article("Rays beat Owls", "5 May 2024",
                        "Lena Moss scored 31 points as the Harbour City Rays beat the Kestel Owls 88-80 on Sunday."),
                article("Rays pull clear of Owls", "5 May 2024",
                        "The Rays scored 52 points in the second half to pull clear of the Owls on Sunday."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void anEarlierEventNamedByItsMonthIsBackgroundNotADisputedCount() throws IOException {
        StoryBrief brief = stories.brief("past-month",
                article("Quake kills ten on Orva island", "5 Nov 2024",
                        "Ten people were killed when an earthquake struck Orva island, officials said."),
                article("Orva island quake", "5 Nov 2024",
                        "A quake struck Orva island in September, killing seven people, officials said.",
                        "Rescue teams reached the villages of Orva island."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aSumOverSeveralEventsIsNotTheFigureOfOne() throws IOException {
        StoryBrief brief = stories.brief("sum-over-events",
                article("Patrol boat foils Kestel raid", "5 May 2024",
                        "During the raid, sailors of the patrol boat Arna seized six rifles from the skiffs, the navy "
                                + "said."),
                article("Arna seizes rifles", "5 May 2024",
                        "Sailors of the patrol boat Arna have seized a total of 14 rifles from skiffs during the five "
                                + "raids it foiled, the navy said."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aFigureTheOtherReportAlsoGivesIsNotDisputedByItsOtherFigure() throws IOException {
        StoryBrief brief = stories.brief("both-figures-given",
                article("Rayne ends season strong", "5 May 2024",
                        "Dario Rayne finished the season with 52 catches for 440 yards, as well as 404 yards "
                                + "rushing and two touchdowns."),
                article("Rayne season over", "5 May 2024",
                        "Dario Rayne finished the season with 404 yards rushing and 440 yards receiving."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aStretchOfAGameIsNotTheWholeGame() throws IOException {
        StoryBrief brief = stories.brief("stretch",
                article("Kell leads Owls past Rays", "5 May 2024",
                        "Tomas Kell completed 29 passes on Sunday as the Owls beat the Rays."),
                article("Owls beat Rays", "5 May 2024",
                        "Tomas Kell completed his first 12 passes on Sunday as the Owls beat the Rays."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aCountBeforeASingularUnitMeasuresTheNounAfterIt() throws IOException {
        StoryBrief brief = stories.brief("singular-unit",
                article("Dray runs wild", "5 May 2024",
                        "Ari Dray finished with 210 yards rushing as the Owls beat the Rays on Sunday."),
                article("Owls beat Rays", "5 May 2024",
                        "Ari Dray opened the second half with an 80 yard rushing touchdown as the Owls beat the "
                                + "Rays on Sunday."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aFigureAfterAnObjectNameIsTheSubjects() throws IOException {
        StoryBrief brief = stories.brief("object-name",
                article("Owls beat Rays", "5 May 2024",
                        "Mara Sava complemented Lena Orlo inside by scoring 14 points on Sunday."),
                article("Orlo leads Owls", "5 May 2024",
                        "Lena Orlo scored 11 points on Sunday."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void figuresOfSeveralCountriesInOneSentenceAreEachTheirCountrys() throws IOException {
        StoryBrief brief = stories.brief("per-country",
                article("Cable cut slows calls", "5 May 2024",
                        "As much as 55 percent of voice traffic in Kenya, 52 percent in Tanzania and 80 percent in "
                                + "Uganda was cut off when the cable broke, the operator said."),
                article("Cable break", "5 May 2024",
                        "As much as 70 percent of voice traffic between the two continents was cut off when the cable "
                                + "broke, the operator said."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void figuresOfOneCountryInTwoReportsAreStillDisputed() throws IOException {
        StoryBrief brief = stories.brief("same-country",
                article("Cable cut slows calls", "5 May 2024",
                        "As much as 55 percent of voice traffic in Kenya, 52 percent in Tanzania and 80 percent in "
                                + "Uganda was cut off when the cable broke, the operator said."),
                article("Cable break hits Uganda", "5 May 2024",
                        "As much as 30 percent of voice traffic in Uganda was cut off when the cable broke, the "
                                + "regulator said."));
        assertThat(brief.claims()).anySatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aRelativeDayResolvedAgainstTwoReportDatesIsNoDisputedDay() throws IOException {
        StoryBrief brief = stories.brief("relative-day",
                article("Lenno power back", "6 May 2024",
                        "Further restoration continued throughout the weekend and crews will keep working on the "
                                + "harbour lines over the next day or two, the utility said."),
                article("Lenno power restored", "14 May 2024",
                        "Further restoration continued throughout the weekend and crews will keep working on the "
                                + "harbour lines over the next day or two, the utility said."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void theDayAReportWasMadeIsNotTheDayOfWhatItTells() throws IOException {
        StoryBrief brief = stories.brief("report-day",
                article("Kestel vote to have two parties", "27 Sep 2024",
                        "For the first time the Kestel council vote will have two parties, the Kestel Gazette reported "
                                + "26 September, citing the election commission."),
                article("Two parties in Kestel vote", "27 Sep 2024",
                        "The Kestel council vote scheduled for 15 December will for the first time have two parties, "
                                + "according to the election commission."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aPagesPublishedAndUpdatedStampsAreNotTheDayOfWhatItTells() throws IOException {
        StoryBrief brief = stories.brief("stamps",
                article("Lenno march", "7 May 2024",
                        "PUBLISHED: MONDAY, MAY 6, 2024, 10: 34 PM UPDATED: TUESDAY, MAY 7, 2024, 9: 36 AM Crowds "
                                + "marched through the streets of Lenno after the shooting of a teenager by police."),
                article("Lenno marches go on", "9 May 2024",
                        "PUBLISHED: WEDNESDAY, MAY 8, 2024, 2: 29 PM UPDATED: THURSDAY, MAY 9, 2024, 9: 31 AM Crowds "
                                + "marched through the streets of Lenno after the shooting of a teenager by police."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
        assertThat(brief.claims()).allSatisfy(c -> assertThat(c.text()).doesNotContain("PUBLISHED", "UPDATED"));
        assertThat(brief.summary()).allSatisfy(s -> assertThat(s.toString()).doesNotContain("PUBLISHED"));
    }

    @Test
    void aSentenceThatAlsoNegatesIsNotSplitFromTheNegationItShares() throws IOException {
        StoryBrief brief = stories.brief("both-negate",
                article("Velt shot", "5 May 2024",
                        "Police earlier confirmed that Ana Velt was shot in the back of the head and may never have "
                                + "seen the gunman."),
                article("Velt killed", "5 May 2024",
                        "Ana Velt was shot in the back of the head and never saw the gunman."),
                article("Velt mourned", "5 May 2024",
                        "Ana Velt was shot in the back of the head and never saw the gunman, police said."));
        assertThat(brief.claims()).filteredOn(c -> c.text().contains("Velt")).hasSize(1);
    }

    @Test
    void refusingToSayWhatDeniesNothingSaidOfIt() throws IOException {
        StoryBrief brief = stories.brief("refusal",
                article("Singer in clinic", "5 May 2024",
                        "Publicist Lena Orlo said on Friday that the singer went to the Valen clinic."),
                article("Singer treated", "5 May 2024",
                        "Publicist Lena Orlo would not say what the singer was being treated for at the Valen clinic."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void whatWillBeDoneDoesNotGainsayWhatIsNotDoneYet() throws IOException {
        StoryBrief brief = stories.brief("future",
                article("Holt unsigned", "5 May 2024",
                        "Mira Holt is not signed for the next season, the Lenno club said."),
                article("Holt to sign", "5 May 2024",
                        "Mira Holt will officially be signed for the next season, the Lenno club said."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void notSeeingOneThingDoesNotDenySeeingAnother() throws IOException {
        StoryBrief brief = stories.brief("other-object",
                article("Lenno shooting", "5 May 2024",
                        "Ana Velt never saw the gunmen coming, police said."),
                article("Lenno shooting witness", "5 May 2024",
                        "Ana Velt saw her husband on the ground, police said."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void rejectingACallIsNoDenialOfAFact() throws IOException {
        StoryBrief brief = stories.brief("rejected-call",
                article("Poll blow for Lask", "5 May 2024",
                        "A poll found that 68 per cent of voters believe the government of Oren Lask has mishandled "
                                + "the crisis and want early elections."),
                article("Lask stays", "5 May 2024",
                        "Prime Minister Oren Lask has rejected calls by opposition leaders to hold early elections."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aStretchOfPlayIsComparedOnlyWithTheSameStretch() throws IOException {
        StoryBrief brief = stories.brief("stretch-of-play",
                article("Owls edge Rays", "5 May 2024",
                        "During the deciding 15-2 run, Tomas Kell scored two baskets and blocked two shots."),
                article("Kell leads Owls", "5 May 2024",
                        "Tomas Kell scored 11 points and blocked six shots."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aValueTheOtherSentenceAlsoGivesIsTheSameThingsValue() throws IOException {
        StoryBrief brief = stories.brief("value-given",
                article("Final audience falls", "5 May 2024",
                        "About 4.2 million viewers watched the Lenno final on Sunday, compared with 6.1 million a "
                                + "decade ago."),
                article("Lenno final audience", "5 May 2024",
                        "A total of 6.1 million viewers watched the Lenno final on Sunday."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aFigureIsItsSubjectsWhenTheNameFinderMissedTheSubject() throws IOException {
        StoryBrief brief = stories.brief("untagged-subject",
                article("Owls beat Rays", "5 May 2024",
                        "Sarto complemented Velt inside by scoring 14 points on Sunday, as Ana Velt led the Owls."),
                article("Velt leads Owls", "5 May 2024",
                        "Ana Velt scored 11 points on Sunday."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void theAccusedOfAPassiveChargeIsNotItsAccuserAndAHeadlinePlaceIsNotTheDenier() throws IOException {
        StoryBrief brief = stories.brief("passive-charge",
                article("Man charged over Lenno bakery fire", "5 May 2024",
                        "A man has been charged with arson following a fire that destroyed a bakery in Lenno."),
                article("Lenno bakery fire", "6 May 2024",
                        "Lenno bakery fire: Man denies arson. A man has denied arson following a fire that destroyed "
                                + "a bakery in Lenno on Sunday.",
                        "Aron Velt, 24, is accused of setting fire to the bakery in the early hours."));
        assertThat(brief.claims()).filteredOn(c -> c.status().equals("disputed")).isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.asserts()).noneMatch(n -> n.equalsIgnoreCase("man") || n.contains("Velt"));
                    assertThat(c.denies()).noneMatch(n -> n.contains("Lenno"));
                });
    }
}
