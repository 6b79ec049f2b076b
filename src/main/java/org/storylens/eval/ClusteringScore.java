package org.storylens.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a clustering matches gold labels: pairwise precision/recall/F1 (over all pairs of items) and BCubed
 * precision/recall/F1 (per item, averaged), with the number of clusters found and true. Immutable.
 *
 * @param pairwise    pair counting: a pair is right when both put it together
 * @param bcubed      BCubed (Bagga and Baldwin 1998; Amigó et al. 2009)
 * @param stories     clusters found
 * @param trueStories clusters in the gold labels
 */
public record ClusteringScore(Prf pairwise, Prf bcubed, int stories, int trueStories) {

    /**
     * Precision, recall and their harmonic mean.
     *
     * @param precision precision
     * @param recall    recall
     * @param f1        F1
     */
    public record Prf(double precision, double recall, double f1) {

        static Prf of(double precision, double recall) {
            return new Prf(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        }
    }

    /**
     * Scores predicted against gold labels of the same items.
     *
     * @param predicted predicted cluster per item
     * @param gold      gold cluster per item, same length and order
     */
    public static ClusteringScore of(List<String> predicted, List<String> gold) {
        if (predicted.size() != gold.size()) {
            throw new IllegalArgumentException("predicted labels for " + predicted.size() + " items, gold for "
                    + gold.size());
        }
        Map<String, Integer> predictedSizes = new HashMap<>();
        Map<String, Integer> goldSizes = new HashMap<>();
        Map<String, Integer> joint = new HashMap<>();
        for (int i = 0; i < gold.size(); i++) {
            predictedSizes.merge(predicted.get(i), 1, Integer::sum);
            goldSizes.merge(gold.get(i), 1, Integer::sum);
            joint.merge(predicted.get(i) + "\u0000" + gold.get(i), 1, Integer::sum);
        }
        double togetherBoth = joint.values().stream().mapToDouble(ClusteringScore::pairs).sum();
        double togetherPredicted = predictedSizes.values().stream().mapToDouble(ClusteringScore::pairs).sum();
        double togetherGold = goldSizes.values().stream().mapToDouble(ClusteringScore::pairs).sum();
        Prf pairwise = Prf.of(togetherPredicted == 0 ? 1 : togetherBoth / togetherPredicted,
                togetherGold == 0 ? 1 : togetherBoth / togetherGold);
        double precision = 0;
        double recall = 0;
        for (int i = 0; i < gold.size(); i++) {
            double overlap = joint.get(predicted.get(i) + "\u0000" + gold.get(i));
            precision += overlap / predictedSizes.get(predicted.get(i));
            recall += overlap / goldSizes.get(gold.get(i));
        }
        int n = Math.max(1, gold.size());
        return new ClusteringScore(pairwise, Prf.of(precision / n, recall / n), predictedSizes.size(),
                goldSizes.size());
    }

    private static double pairs(int n) {
        return n * (n - 1) / 2.0;
    }
}
