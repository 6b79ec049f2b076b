package org.storylens.brief;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageStampTest {

    private static String rest(String text) {
        return text.substring(PageStamp.end(text));
    }

    @Test
    void cutsPublishedAndUpdatedStampsBeforeTheSentence() {
        assertThat(rest("PUBLISHED: MONDAY, MAY 6, 2024, 10: 34 PM UPDATED: TUESDAY, MAY 7, 2024, 9: 36 AM Crowds "
                + "marched through the streets of Lenno."))
                .isEqualTo("Crowds marched through the streets of Lenno.");
    }

    @Test
    void cutsStampsWrittenInWordsAndWithSpacedClocks() {
        assertThat(rest("Published time: May 12, 2024 02: 03 Edited time: May 13, 2024 02: 15 Police intervened "
                + "after the vigil."))
                .isEqualTo("Police intervened after the vigil.");
        assertThat(rest("MAY. 14, 2024, 8: 12 PM Hostility has been mounting this week."))
                .isEqualTo("Hostility has been mounting this week.");
        assertThat(rest("10: 55 P. M. MAY 2, 2024 Lineman Aki Varo was arrested early Sunday, police said."))
                .isEqualTo("Lineman Aki Varo was arrested early Sunday, police said.");
    }

    @Test
    void leavesAClockTimeInTheSentenceItself() {
        String told = "The quake struck at 10: 30 a. m. on Sunday, killing ten people.";
        assertThat(PageStamp.end(told)).isZero();
        String opening = "At 10: 30 a. m. the crowd began to march.";
        assertThat(PageStamp.end(opening)).isZero();
        assertThat(PageStamp.end("Updated 9: 03am AEST")).isZero();
    }
}
