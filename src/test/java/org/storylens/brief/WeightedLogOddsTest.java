package org.storylens.brief;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The weighted log-odds of Monroe, Colaresi and Quinn (2008) on a count table small enough to work by hand. */
class WeightedLogOddsTest {

    // outlet: a×3, b×1 (n = 4); the others: b×2, c×2 (m = 4); story: a×3, b×3, c×2 (N = 8)
    private static final Map<String, Integer> OUTLET = Map.of("a", 3, "b", 1);
    private static final Map<String, Integer> STORY = Map.of("a", 3, "b", 3, "c", 2);

    @Test
    void matchesTheHandComputationWithAPriorOfEightPseudoCounts() {
        // α0 = 8, so α_a = 8·3/8 = 3 and α_b = 8·3/8 = 3
        List<OutletFramer.WordScore> scores = OutletFramer.logOdds(OUTLET, STORY, 8);

        // δ_a = log((3+3)/(4+8-3-3)) - log((0+3)/(4+8-0-3)) = log(6/6) - log(3/9) = log 3; σ² = 1/6 + 1/3 = 1/2
        OutletFramer.WordScore a = scores.get(0);
        assertThat(a.word()).isEqualTo("a");
        assertThat(a.uses()).isEqualTo(3);
        assertThat(a.delta()).isCloseTo(Math.log(3), within(1e-12));
        assertThat(a.z()).isCloseTo(Math.log(3) / Math.sqrt(0.5), within(1e-12));
        assertThat(a.z()).isCloseTo(1.5537, within(1e-4));

        // δ_b = log(4/8) - log(5/7); σ² = 1/4 + 1/5 = 0.45: the outlet uses b less than the others
        OutletFramer.WordScore b = scores.get(1);
        assertThat(b.word()).isEqualTo("b");
        assertThat(b.delta()).isCloseTo(Math.log(4.0 / 8) - Math.log(5.0 / 7), within(1e-12));
        assertThat(b.z()).isCloseTo(-0.5317, within(1e-4));

        // a word the outlet never uses gets no score
        assertThat(scores).hasSize(2);
    }

    @Test
    void aStrongerPriorPullsTheLogOddsTowardsTheStoryAverage() {
        double weak = OutletFramer.logOdds(OUTLET, STORY, 8).get(0).delta();
        double strong = OutletFramer.logOdds(OUTLET, STORY, 800).get(0).delta();

        assertThat(strong).isPositive().isLessThan(weak);
    }

    @Test
    void equalZScoresAreOrderedByWordSoTheResultIsDeterministic() {
        List<OutletFramer.WordScore> scores = OutletFramer.logOdds(Map.of("y", 2, "x", 2), Map.of("x", 2, "y", 2,
                "z", 4), 10);

        assertThat(scores).extracting(OutletFramer.WordScore::word).containsExactly("x", "y");
    }
}
