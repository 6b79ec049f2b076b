package org.storylens.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinHasherTest {

    private final MinHasher hasher = new MinHasher(64);

    private static final String WIRE = "Russian President Vladimir Putin and his US counterpart Joe Biden will hold "
            + "talks by video conference on Tuesday, the Kremlin and Washington said, as tensions rise over Ukraine. "
            + "Kremlin spokesman Dmitry Peskov said Saturday the conversation would take place in the evening.";

    @Test
    void aLightlyEditedCopyAgreesOnMostPositions() {
        String copy = "Moscow, Dec 5 - " + WIRE.replace("Saturday", "on Saturday") + " Stay tuned for more.";
        assertThat(MinHasher.similarity(hasher.signature(WIRE), hasher.signature(copy))).isGreaterThan(0.6);
    }

    @Test
    void anIndependentReportOfTheSameEventAgreesOnAlmostNone() {
        String own = "U.S. President Joe Biden and his Russian counterpart will speak next week amid tensions "
                + "between Russia and Ukraine, according to the Kremlin. A spokesman told RIA Novosti the call will "
                + "take place on the evening of Dec. 7.";
        assertThat(MinHasher.similarity(hasher.signature(WIRE), hasher.signature(own))).isLessThan(0.2);
    }
}
