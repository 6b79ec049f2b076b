package org.storylens.brief;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which headline may name a story as of its latest report, and which parties' names are one. */
class StoryTitleTest {

    @Test
    void aWrittenHeadlineWithAVerbIsSolid() {
        assertThat(StoryBriefWriter.solidHeadline("Minister confirms 2022 inspection found cracks in failed dam"))
                .isTrue();
        assertThat(StoryBriefWriter.solidHeadline("Biden, Putin Prepared to Talk Next Week Amid Ukraine Tensions"))
                .isTrue();
        assertThat(StoryBriefWriter.solidHeadline("Biden-Putin talks set for Tuesday amid Ukraine tension")).isTrue();
        assertThat(StoryBriefWriter.solidHeadline("Body of fisherman found in Ulvik harbour")).isTrue();
    }

    @Test
    void fragmentsLabelsAndQuestionsAreNotSolidHeadlines() {
        assertThat(StoryBriefWriter.solidHeadline("Drums of war")).isFalse();
        assertThat(StoryBriefWriter.solidHeadline("Biden worried about Ukraine")).isFalse();
        assertThat(StoryBriefWriter.solidHeadline("World news | The Daily Post | Latest headlines today")).isFalse();
        assertThat(StoryBriefWriter.solidHeadline("Does Russia really plan to invade Ukraine?")).isFalse();
        assertThat(StoryBriefWriter.solidHeadline("The Northern Coast Regional Weather Page")).isFalse();
        assertThat(StoryBriefWriter.solidHeadline("TRIAL DATE SET FOR MAN ACCUSED OF DOUBLE MURDER")).isFalse();
        assertThat(StoryBriefWriter.solidHeadline(null)).isFalse();
    }

    @Test
    void aCountryAndItsDemonymAreOnePartyButTwoCountriesAreNot() {
        assertThat(DenialFinder.sameName("russia", "russian")).isTrue();
        assertThat(DenialFinder.sameName("ukraine", "ukrainian")).isTrue();
        assertThat(DenialFinder.sameName("iraq", "iraqi")).isTrue();
        assertThat(DenialFinder.sameName("iran", "iraqi")).isFalse();
        assertThat(DenialFinder.sameName("iran", "iraq")).isFalse();
        assertThat(DenialFinder.sameName("austria", "australia")).isFalse();
    }
}
