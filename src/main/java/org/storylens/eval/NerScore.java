package org.storylens.eval;

/**
 * Entity counts for conlleval-style scoring: a predicted entity is correct when its span and type both match a gold
 * entity.
 *
 * @param gold      entities in the gold data
 * @param predicted entities the tagger found
 * @param correct   predicted entities that match a gold one exactly
 */
public record NerScore(int gold, int predicted, int correct) {

    public static final NerScore ZERO = new NerScore(0, 0, 0);

    public NerScore plus(NerScore other) {
        return new NerScore(gold + other.gold, predicted + other.predicted, correct + other.correct);
    }

    public double precision() {
        return predicted == 0 ? 0 : (double) correct / predicted;
    }

    public double recall() {
        return gold == 0 ? 0 : (double) correct / gold;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
