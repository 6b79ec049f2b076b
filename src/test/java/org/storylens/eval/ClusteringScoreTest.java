package org.storylens.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

class ClusteringScoreTest {

    @Test
    void aPerfectClusteringScoresOne() {
        ClusteringScore s = ClusteringScore.of(List.of("x", "x", "y"), List.of("a", "a", "b"));
        assertThat(s.bcubed().f1()).isEqualTo(1.0);
        assertThat(s.pairwise().f1()).isEqualTo(1.0);
        assertThat(s.stories()).isEqualTo(2);
        assertThat(s.trueStories()).isEqualTo(2);
    }

    @Test
    void mergingTwoStoriesCostsPrecisionNotRecall() {
        // gold {1,2,3} {4,5}; predicted all in one
        ClusteringScore s = ClusteringScore.of(List.of("x", "x", "x", "x", "x"), List.of("a", "a", "a", "b", "b"));
        assertThat(s.bcubed().recall()).isEqualTo(1.0);
        // items of a: 3/5 each, of b: 2/5 each -> (3*0.6 + 2*0.4) / 5
        assertThat(s.bcubed().precision()).isCloseTo(0.52, offset(1e-9));
        // 4 of 10 predicted pairs are gold pairs
        assertThat(s.pairwise().precision()).isCloseTo(0.4, offset(1e-9));
        assertThat(s.pairwise().recall()).isEqualTo(1.0);
    }

    @Test
    void splittingAStoryCostsRecallNotPrecision() {
        ClusteringScore s = ClusteringScore.of(List.of("x", "x", "y", "z"), List.of("a", "a", "a", "a"));
        assertThat(s.bcubed().precision()).isEqualTo(1.0);
        // items: 2/4, 2/4, 1/4, 1/4
        assertThat(s.bcubed().recall()).isCloseTo(0.375, offset(1e-9));
        assertThat(s.pairwise().recall()).isCloseTo(1.0 / 6, offset(1e-9));
    }
}
