package org.storylens.brief;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** One act told at two times, each counted from something the story dates: on small invented stories. */
class EventTimesTest {

    @RegisterExtension
    static final InventedStories stories = new InventedStories();

    private static String article(String title, String date, String... sentences) {
        return InventedStories.dated(title, date, sentences);
    }

    @Test
    void anActCountedBackFromTheStorysEventAndFromPublicationConflictsWhenTheCountsDisagree() throws IOException {
        StoryBrief brief = stories.brief("retired-before-the-sinking",
                article("Aldra ferry sinks off Kestel", "11 May 2024",
                        "The ferry Aldra sank off Kestel on Friday, and its captain, Jon Marek, drowned.",
                        "Marek had retired three months before the sinking but returned to cover for a sick "
                                + "colleague."),
                article("Search off Kestel", "11 May 2024",
                        "Rescuers searched the sea off Kestel after the Aldra sank on Friday.",
                        "The captain, who retired about six weeks ago, had sailed the Kestel route for 20 years, "
                                + "the ferry company said."));
        assertThat(brief.claims()).anySatisfy(c -> {
            assertThat(c.text()).contains("three months before the sinking");
            assertThat(c.status()).isEqualTo("disputed");
            assertThat(c.conflictsWith()).anySatisfy(o -> assertThat(o).contains("about six weeks ago"));
        });
    }

    @Test
    void anActCountedInHoursFromTheEventConflictsWithAClockTimeTooFarFromIt() throws IOException {
        StoryBrief brief = stories.brief("caught-hours-later",
                article("Gunman opens fire at Lenno market", "5 May 2024",
                        "A gunman opened fire at the Lenno market at about 10 a.m. on Sunday, police said.",
                        "Karl Brede was arrested at 11:30 a.m. near the market, Lenno police said."),
                article("Lenno market shooting", "6 May 2024",
                        "The gunman opened fire on shoppers near the fish stalls.",
                        "Officers found him hiding in a garage five hours later."));
        assertThat(brief.claims()).anySatisfy(c -> {
            assertThat(c.text()).contains("five hours later");
            assertThat(c.status()).isEqualTo("disputed");
            assertThat(c.conflictsWith()).anySatisfy(o -> assertThat(o).contains("11:30 a.m."));
        });
    }

    @Test
    void countsThatPutTheActAtTheSameTimeDoNotConflict() throws IOException {
        StoryBrief brief = stories.brief("caught-as-told",
                article("Gunman opens fire at Orvan station", "5 May 2024",
                        "A gunman opened fire at Orvan station at about 10 a.m. on Sunday, police said.",
                        "Karl Brede was arrested at about 1 p.m. near the station, Orvan police said."),
                article("Orvan station shooting", "6 May 2024",
                        "The gunman opened fire on passengers near the ticket hall.",
                        "Officers found him hiding in a garage three hours later."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }

    @Test
    void aSecondActOfTheSameKindHalfAnHourLaterIsNoOtherTimeOfTheFirst() throws IOException {
        StoryBrief brief = stories.brief("second-engine",
                article("Fire at Orvan mill", "6 May 2024",
                        "Crews were called to the Orvan mill just after 6 a.m., the fire service said."),
                article("Orvan mill fire", "6 May 2024",
                        "Fire broke out at the Orvan mill on Monday morning.",
                        "The fire service called crews to the mill from Lenno.",
                        "Half an hour later a second engine was called in from Kestel."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }
}
