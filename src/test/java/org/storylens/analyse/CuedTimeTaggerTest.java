package org.storylens.analyse;

import edu.stanford.nlp.ling.CoreLabel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CuedTimeTaggerTest {

    /** Tokens from "word/TAG" pairs. */
    private static List<CoreLabel> tokens(String tagged) {
        List<CoreLabel> out = new ArrayList<>();
        for (String pair : tagged.split(" ")) {
            int slash = pair.lastIndexOf('/');
            CoreLabel l = new CoreLabel();
            l.setWord(pair.substring(0, slash));
            l.setTag(pair.substring(slash + 1));
            out.add(l);
        }
        return out;
    }

    @Test
    void takesAmbiguousWordsAsCuesOnlyInTheirTimeSense() {
        assertThat(CuedTimeTagger.isCue("May", "NNP")).isTrue();
        assertThat(CuedTimeTagger.isCue("may", "MD")).isFalse();
        assertThat(CuedTimeTagger.isCue("March", "NNP")).isTrue();
        assertThat(CuedTimeTagger.isCue("march", "VB")).isFalse();
        assertThat(CuedTimeTagger.isCue("fall", "NN")).isTrue();
        assertThat(CuedTimeTagger.isCue("fall", "VB")).isFalse();
        assertThat(CuedTimeTagger.isCue("second", "JJ")).isFalse();
    }

    @Test
    void takesCalendarWordsClockTimesYearsAndNumericDatesAsCues() {
        assertThat(List.of("Tuesday", "Dec.", "yesterday", "weeks", "ago", "10:35", "p.m.", "2014", "1990s", "'90s",
                "12/05/2021", "2021-12-07")).allMatch(w -> CuedTimeTagger.isCue(w, "NN"));
        assertThat(List.of("troops", "175,000", "100", "Kremlin", "3.5", "12.50", "said")).noneMatch(w ->
                CuedTimeTagger.isCue(w, "NN"));
    }

    @Test
    void readsTwoTokensOnEachSideOfACueAndMergesOverlappingWindows() {
        List<CoreLabel> sentence = tokens("The/DT leaders/NNS will/MD speak/VB by/IN video/NN on/IN Tuesday/NNP ,/, "
                + "the/DT Kremlin/NNP said/VBD after/IN a/DT long/JJ silence/NN of/IN two/CD weeks/NNS ./.");
        List<int[]> windows = CuedTimeTagger.windows(sentence);
        assertThat(windows).hasSize(2);
        assertThat(windows.get(0)).containsExactly(5, 10);
        assertThat(windows.get(1)).containsExactly(16, 20);
        List<CoreLabel> close = tokens("from/IN Monday/NNP to/TO Friday/NNP");
        assertThat(CuedTimeTagger.windows(close)).hasSize(1);
        assertThat(CuedTimeTagger.windows(tokens("No/DT time/NN here/RB ./."))).isEmpty();
    }
}
