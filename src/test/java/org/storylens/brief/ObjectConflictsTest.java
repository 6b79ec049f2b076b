package org.storylens.brief;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** One motion told with two different things it struck: on small invented stories. */
class ObjectConflictsTest {

    @RegisterExtension
    static final InventedStories stories = new InventedStories();

    private static String article(String title, String date, String... sentences) {
        return InventedStories.dated(title, date, sentences);
    }

    @Test
    void oneMotionWithTwoThingsItStruckIsDisputedEvenWhenTheVerbIsMisspelt() throws IOException {
        StoryBrief brief = stories.brief("glanced-off",
                article("Officer hurt at Lenno protest", "5 May 2024",
                        "Police officer Tomas Verk was hurt in Lenno on Saturday when protesters hurled stones at the "
                                + "line and one glanced off a shield.",
                        "The 29-year-old officer was struck in the face by a stone that glanched off a visor, Lenno "
                                + "police said."));
        assertThat(brief.claims()).anySatisfy(c -> {
            assertThat(c.text()).contains("off a shield");
            assertThat(c.status()).isEqualTo("disputed");
            assertThat(c.conflictsWith()).anySatisfy(o -> assertThat(o).contains("off a visor"));
        });
    }

    @Test
    void aMotionTheOtherReportAlsoTellsOfBothThingsIsNoDispute() throws IOException {
        StoryBrief brief = stories.brief("glanced-off-both",
                article("Officer hurt at Orvan protest", "5 May 2024",
                        "Police officer Tomas Verk was hurt in Orvan on Saturday when protesters hurled stones at the "
                                + "line and one glanced off a shield.",
                        "The 29-year-old officer was struck in the face by a stone that glanced off a visor after "
                                + "hitting his shield, Orvan police said."));
        assertThat(brief.claims()).noneSatisfy(c -> assertThat(c.status()).isEqualTo("disputed"));
    }
}
