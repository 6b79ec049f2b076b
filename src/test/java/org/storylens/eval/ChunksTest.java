package org.storylens.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChunksTest {

    @Test
    void readsIob1WhereBeginOnlySeparatesAdjacentEntitiesOfOneType() {
        assertThat(Chunks.of(List.of("I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG")))
                .containsExactly(new Chunks.Chunk(0, 2, "PER"), new Chunks.Chunk(2, 3, "PER"),
                        new Chunks.Chunk(4, 5, "LOC"), new Chunks.Chunk(5, 6, "ORG"));
    }

    @Test
    void readsIob2AndPlainTypes() {
        assertThat(Chunks.of(List.of("B-ORG", "I-ORG", "O", "B-MISC"))).containsExactly(
                new Chunks.Chunk(0, 2, "ORG"), new Chunks.Chunk(3, 4, "MISC"));
        assertThat(Chunks.of(List.of("PER", "PER", "LOC"))).containsExactly(
                new Chunks.Chunk(0, 2, "PER"), new Chunks.Chunk(2, 3, "LOC"));
    }
}
