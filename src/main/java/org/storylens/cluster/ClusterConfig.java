package org.storylens.cluster;

/**
 * Settings of the clusterer, defaults written here. The weights were fitted on the ECB+ development topics only (see
 * the README and {@code ClusterWeightFitting}): a logistic regression on the features of each article against the
 * open stories of a replay of the true stories, then a coordinate ascent of weights and threshold on BCubed F1.
 *
 * @param weights             how the similarity features add up to a score
 * @param threshold           the score an article needs to join its best story; below it the article opens one
 * @param windowDays          a story stops accepting articles once the stream's latest date is this many days past
 *                            its latest article (undated stories and articles are never closed by dates)
 * @param timeScaleDays       the days over which the time-proximity feature falls to 1/e
 * @param bodyTerms           the strongest body terms kept per article vector (the rest add noise and memory)
 * @param indexedBodyTerms    the strongest body terms an article is found by in the candidate index
 * @param postingLimit        the most recently updated stories kept per index key: bounds the cost per article
 * @param candidateLimit      the stories scored in full per article, by index hits
 * @param copyJaccard         estimated Jaccard similarity of word shingles from which one article copies another
 * @param translationSimilarity embedding similarity from which an article in another language translates another
 */
public record ClusterConfig(ScoreWeights weights, double threshold, int windowDays, double timeScaleDays,
                            int bodyTerms, int indexedBodyTerms, int postingLimit, int candidateLimit,
                            double copyJaccard, double translationSimilarity, double minWording) {

    /**
     * Weights of the similarity features of an article and a story.
     *
     * @param title         cosine of headline terms with the story's headline centroid
     * @param body          cosine of body lemmas with the story's body centroid
     * @param entities      cosine of named entities
     * @param people        cosine of the people named
     * @param lead          cosine of the lead's words and numbers
     * @param dates         cosine of the calendar values mentioned
     * @param figures       cosine of the figures given
     * @param embedding     cosine of the headline-and-lead embedding with the story's mean embedding
     * @param timeProximity exp(-days apart / timeScaleDays) when both are dated, else 0
     * @param bothDated     1 when both are dated, else 0 (so undated pairs are judged on content alone)
     * @param yearConflict  1 when both mention years and share none, else 0
     * @param youngStory    1 / the story's size: a story of one or two articles is not yet a reliable centroid
     * @param otherPerson   how many of these hold: the person the article names most (twice or more) is absent
     *                      from the story; the person the story names most is absent from the article (0, 1 or 2)
     */
    public record ScoreWeights(double title, double body, double entities, double people, double lead,
                               double dates, double figures, double embedding, double timeProximity,
                               double bothDated, double yearConflict, double youngStory, double otherPerson) {

        /** The weights in the order of the features. */
        public double[] asArray() {
            return new double[]{title, body, entities, people, lead, dates, figures, embedding, timeProximity,
                    bothDated, yearConflict, youngStory, otherPerson};
        }

        /** Weights in the order of the features; missing trailing ones are 0. */
        public static ScoreWeights of(double... w) {
            double[] a = java.util.Arrays.copyOf(w, 13);
            return new ScoreWeights(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12]);
        }
    }

    public static final ScoreWeights DEFAULT_WEIGHTS =
            new ScoreWeights(0.5, 2.51, 2.09, 0.86, 1.87, 0.74, 1.04, 2.68, 2.24, 0.81, -0.96, 0.72, -0.97);

    public static final ClusterConfig DEFAULT = new ClusterConfig(DEFAULT_WEIGHTS, 2.87, 14, 3.0, 60, 15, 200, 40,
            0.6, 0.9, 1.5);

    public ClusterConfig {
        if (windowDays < 1 || timeScaleDays <= 0 || bodyTerms < 1 || indexedBodyTerms < 1 || postingLimit < 1
                || candidateLimit < 1) {
            throw new IllegalArgumentException("cluster settings out of range: windowDays " + windowDays
                    + ", timeScaleDays " + timeScaleDays + ", bodyTerms " + bodyTerms + ", indexedBodyTerms "
                    + indexedBodyTerms + ", postingLimit " + postingLimit + ", candidateLimit " + candidateLimit);
        }
    }

    public ClusterConfig withWeights(ScoreWeights w, double t) {
        return new ClusterConfig(w, t, windowDays, timeScaleDays, bodyTerms, indexedBodyTerms, postingLimit,
                candidateLimit, copyJaccard, translationSimilarity, minWording);
    }

    public ClusterConfig withMinWording(double min) {
        return new ClusterConfig(weights, threshold, windowDays, timeScaleDays, bodyTerms, indexedBodyTerms,
                postingLimit, candidateLimit, copyJaccard, translationSimilarity, min);
    }

    public ClusterConfig withWindowDays(int days) {
        return new ClusterConfig(weights, threshold, days, timeScaleDays, bodyTerms, indexedBodyTerms, postingLimit,
                candidateLimit, copyJaccard, translationSimilarity, minWording);
    }
}
