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
}
