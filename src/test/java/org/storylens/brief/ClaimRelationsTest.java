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
}
