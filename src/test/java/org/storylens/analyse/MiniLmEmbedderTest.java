package org.storylens.analyse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MiniLmEmbedderTest {

    @Test
    void twoTranslationsOfOneStatementAreCloserThanAnUnrelatedSentence() {
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(1)) {
            List<float[]> v = embedder.embed(List.of(
                    "The minister will stress the government's worries about flooding along the northern border.",
                    "The minister is going to underline the concerns of the government over floods on the northern frontier.",
                    "Ticket prices for the cup final rose by a third."));
            assertThat(v).hasSize(3);
            assertThat(Embedder.similarity(v.get(0), v.get(0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(Embedder.similarity(v.get(0), v.get(1))).isGreaterThan(0.7);
            assertThat(Embedder.similarity(v.get(0), v.get(2))).isLessThan(0.3);
        }
    }
}
