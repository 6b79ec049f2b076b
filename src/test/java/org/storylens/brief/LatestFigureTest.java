package org.storylens.brief;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The story's lead figure as of its latest report, on invented reports analysed at the ingest tier. */
class LatestFigureTest {

    @RegisterExtension
    static final InventedStories stories = new InventedStories();

    @Test
    void aRunningTotalIsNotALaterValueOfTheEventsFigure() throws IOException {
        String raid = "On Monday six rifles were confiscated by the rangers in the Kessel forest.";
        String total = "So far 14 rifles were confiscated by the rangers in the Kessel forest.";
        StoryBrief brief = stories.brief("running-total",
                InventedStories.dated("Rangers raid poachers' camp in Kessel forest", "4 March 2024", raid,
                        "The poachers fled across the river."),
                InventedStories.dated("Kessel rangers seize rifles in camp raid", "4 March 2024", raid,
                        "Two vans were found near the camp."),
                InventedStories.dated("Poachers flee Kessel raid", "4 March 2024", raid),
                InventedStories.dated("Kessel rangers step up patrols", "6 March 2024", total,
                        "The rangers will patrol the river at night."),
                InventedStories.dated("Rangers add night patrols in Kessel", "6 March 2024", total),
                InventedStories.dated("Night patrols for Kessel forest", "6 March 2024", total));
        assertThat(brief.summary().get(0).text()).doesNotStartWith("So far");
        assertThat(brief.title()).doesNotContain("14");
    }
}
