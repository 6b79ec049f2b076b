package org.storylens.eval;

/**
 * Span and value scores of one system's time expressions against gold, TempEval-3 style.
 *
 * @param gold           gold expressions
 * @param system         expressions the system found
 * @param strictMatches  system expressions with exactly a gold expression's offsets
 * @param relaxedMatches system expressions overlapping a gold expression (one to one)
 * @param valueCorrect   relaxed matches whose value equals the gold value
 */
public record SpanScores(int gold, int system, int strictMatches, int relaxedMatches, int valueCorrect) {

    public double strictF1() {
        return f1(strictMatches);
    }

    public double relaxedF1() {
        return f1(relaxedMatches);
    }

    public double strictPrecision() {
        return ratio(strictMatches, system);
    }

    public double strictRecall() {
        return ratio(strictMatches, gold);
    }

    public double relaxedPrecision() {
        return ratio(relaxedMatches, system);
    }

    public double relaxedRecall() {
        return ratio(relaxedMatches, gold);
    }

    /** Share of relaxed-matched expressions whose value is right. */
    public double valueAccuracy() {
        return ratio(valueCorrect, relaxedMatches);
    }

    SpanScores plus(SpanScores o) {
        return new SpanScores(gold + o.gold, system + o.system, strictMatches + o.strictMatches,
                relaxedMatches + o.relaxedMatches, valueCorrect + o.valueCorrect);
    }

    private double f1(int matches) {
        return ratio(2.0 * matches, gold + system);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    @Override
    public String toString() {
        return String.format("strict P %.3f R %.3f F1 %.3f; relaxed P %.3f R %.3f F1 %.3f; value accuracy %.3f "
                        + "(%d of %d matched; %d gold, %d found)", strictPrecision(), strictRecall(), strictF1(),
                relaxedPrecision(), relaxedRecall(), relaxedF1(), valueAccuracy(), valueCorrect, relaxedMatches, gold,
                system);
    }
}
