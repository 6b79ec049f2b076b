package org.storylens.clean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormaliserTest {

    private final TextNormaliser normaliser = new TextNormaliser();

    @Test
    void composesDecomposedAccentsToNfc() {
        String decomposed = "Cafe\u0301 owners in Bre\u0301st protested";

        String normal = normaliser.normalise(decomposed);

        assertThat(normal).isEqualTo("Café owners in Brést protested").hasSize(decomposed.length() - 2);
    }

    @Test
    void turnsNoBreakAndOtherUnicodeSpacesIntoPlainSpaces() {
        assertThat(normaliser.normalise("The\u00a0mayor\u202fsaid\u2009on\u3000Monday\tit  would rain"))
                .isEqualTo("The mayor said on Monday it would rain");
    }

    @Test
    void dropsZeroWidthCharactersSoftHyphensAndByteOrderMarks() {
        assertThat(normaliser.normalise("\ufeffFlood\u200bwaters re\u00adceded in Ox\u200cford\u2060shire"))
                .isEqualTo("Floodwaters receded in Oxfordshire");
    }

    @Test
    void dropsControlCharactersButKeepsLineBreaks() {
        assertThat(normaliser.normalise("Fire crews\u0007 arrived\u0000 at dawn.\nThe road reopened."))
                .isEqualTo("Fire crews arrived at dawn.\nThe road reopened.");
    }

    @Test
    void unifiesWindowsAndOldMacLineBreaks() {
        assertThat(normaliser.normalise("First line.\r\nSecond line.\rThird line.\u2028Fourth line."))
                .isEqualTo("First line.\nSecond line.\nThird line.\nFourth line.");
    }

    @Test
    void restoresTheSpaceBetweenGluedSentences() {
        assertThat(normaliser.normalise("The vote was a test of democratic integrity.White House officials declined "
                + "to comment."))
                .isEqualTo("The vote was a test of democratic integrity. White House officials declined to comment.");
    }

    @Test
    void restoresTheSpaceAfterGluedQuestionAndExclamationMarks() {
        assertThat(normaliser.normalise("Who pays for the bridge?Nobody knows yet, and the council is silent!Again."))
                .isEqualTo("Who pays for the bridge? Nobody knows yet, and the council is silent! Again.");
    }

    @Test
    void restoresTheSpaceAfterAGluedClosingQuote() {
        assertThat(normaliser.normalise("“We lost everything in the fire”By morning the street was cordoned off."))
                .isEqualTo("“We lost everything in the fire” By morning the street was cordoned off.");
        assertThat(normaliser.normalise("“It is over,” she said.“Nobody will rebuild.”Neighbours agreed."))
                .endsWith("“Nobody will rebuild.” Neighbours agreed.");
    }

    /**
     * "U.S.Army" is left glued: after a single letter the full stop may belong to an abbreviation ("U.S.A.", "e.g."),
     * and splitting "U.S.A.He" into "U.S. A. He" would do more harm than leaving one missing space.
     */
    @Test
    void leavesGluedAbbreviationsAsTheyAre() {
        assertThat(normaliser.normalise("The U.S.Army said the drill went ahead."))
                .isEqualTo("The U.S.Army said the drill went ahead.");
        assertThat(normaliser.normalise("Mr.Smith arrived with St.John at 10 a.m.Police followed."))
                .isEqualTo("Mr.Smith arrived with St.John at 10 a.m.Police followed.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "O’Brien told the inquiry he had not seen the memo.",
            "Brands such as e.g.Sony and Panasonic cut prices.",
            "The dashboard was written in Node.js and hosted on news.example.co.uk for a week.",
            "Visitors to www.riverside-gazette.com can read the full report.",
            "The outage hit ASP.NET services and the iOS app.",
            "McDonald’s said prices at 1,200 restaurants would rise by 3.5%.",
            "Officials in Washington, D.C. said the march would go ahead."})
    void leavesNamesAbbreviationsAndDomainsIntact(String sentence) {
        assertThat(normaliser.normalise(sentence)).isEqualTo(sentence);
    }

    @Test
    void collapsesRunsOfBlankLinesIntoOneParagraphBreak() {
        String text = "First paragraph.\n\n\n\nSecond paragraph.\n \n\t\n\u00a0\nThird paragraph.";

        assertThat(normaliser.normalise(text)).isEqualTo("First paragraph.\n\nSecond paragraph.\n\nThird paragraph.");
    }

    @Test
    void trimsLinesAndTheWholeText() {
        assertThat(normaliser.normalise("\n\n   Opening line.   \n   Next line.\t\n\n\n"))
                .isEqualTo("Opening line.\nNext line.");
    }

    @Test
    void keepsSingleLineBreaksInsideAParagraph() {
        assertThat(normaliser.normalise("Line one of the poem\nline two of the poem"))
                .isEqualTo("Line one of the poem\nline two of the poem");
    }

    @Test
    void isIdempotent() {
        String messy = "Storm\u00a0warning.Residents fled\u200b.\r\n\r\n\r\n“Go now”Police said.";

        String once = normaliser.normalise(messy);

        assertThat(normaliser.normalise(once)).isEqualTo(once);
        assertThat(once).isEqualTo("Storm warning. Residents fled.\n\n“Go now” Police said.");
    }
}
