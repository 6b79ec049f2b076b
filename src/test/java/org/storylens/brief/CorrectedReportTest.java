package org.storylens.brief;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A sentence that tells a first account and the one that replaced it: two claims, the later one an update. */
class CorrectedReportTest {

    @RegisterExtension
    static final InventedStories stories = new InventedStories();

    @Test
    void aFirstAccountCorrectedLaterInTheSameSentenceIsAnUpdateNotAFact() throws IOException {
        StoryBrief brief = stories.brief("corrected",
                "Ferry fire in Lenno harbour\n\nPublished: 4 May 2024\n\n"
                        + "A fire broke out on the ferry Aurora in Lenno harbour on Saturday.\n\n"
                        + "Port officials initially reported that two crew members were missing, but the coast guard "
                        + "later said all 40 crew members had been accounted for.\n\n"
                        + "The ferry was towed to a dry dock in Lenno.");
        ClaimEntry earlier = brief.claims().stream().filter(c -> c.text().contains("two crew members were missing"))
                .findFirst().orElseThrow();
        ClaimEntry later = brief.claims().stream().filter(c -> c.text().contains("accounted for")).findFirst()
                .orElseThrow();
        assertThat(earlier.text()).isEqualTo("Port officials initially reported that two crew members were missing.");
        assertThat(later.text()).isEqualTo("The coast guard later said all 40 crew members had been accounted for.");
        assertThat(earlier.supersededBy()).containsExactly(later.text());
        assertThat(later.supersedes()).containsExactly(earlier.text());
        assertThat(brief.summary()).noneSatisfy(s -> assertThat(s.text()).contains("were missing"));
    }

    @Test
    void aSentenceWithoutAFirstReportIsOneClaim() throws IOException {
        StoryBrief brief = stories.brief("not-corrected",
                "Lenno club moves\n\nPublished: 4 May 2024\n\n"
                        + "The Lenno rowing club first raced on the Kessel in 1990, but later moved to the harbour "
                        + "basin in Aldam.\n\n"
                        + "Its members voted for the move on Saturday.");
        assertThat(brief.claims()).allSatisfy(c -> {
            assertThat(c.supersedes()).isEmpty();
            assertThat(c.supersededBy()).isEmpty();
        });
    }
}
