package org.storylens.brief;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a dispute is labelled on the page. */
class DisputesTest {

    private static ClaimEntry claim(String text, List<String> against, List<String> supersededBy) {
        return new ClaimEntry(text, "disputed", List.of("a"), against, "2024-05-04", "2024-05-04", supersededBy,
                List.of(), List.of(), null, List.of(), List.of());
    }

    @Test
    void sameDayFiguresThatLaterReportsChangedAreNotCalledIrreconcilable() {
        ClaimEntry early = claim("About 900 people left Aldam.", List.of("More than 1,300 people left Aldam."),
                List.of("1,640 people were evacuated from Aldam."));
        ClaimEntry other = claim("More than 1,300 people left Aldam.", List.of("About 900 people left Aldam."),
                List.of());
        assertThat(Disputes.disagreement(new Disputes.Dispute(early, other))).contains("changed by later reports");
        ClaimEntry four = claim("The quake destroyed four villages.", List.of("The quake destroyed seven villages."),
                List.of());
        ClaimEntry seven = claim("The quake destroyed seven villages.", List.of("The quake destroyed four villages."),
                List.of());
        assertThat(Disputes.disagreement(new Disputes.Dispute(four, seven))).contains("cannot both be right");
    }
}
