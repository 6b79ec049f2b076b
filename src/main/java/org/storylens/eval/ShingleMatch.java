package org.storylens.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page's agreement between a true and an extracted text, as the scrapinghub article-extraction benchmark counts
 * it: the texts are split into {@code \w+} tokens (Unicode, case kept), each gives its multiset of 4-token shingles
 * (a text of fewer than four tokens gives one shorter shingle, an empty text none), and true positives, false
 * positives and false negatives are counted over the two multisets and normalised to sum 1.
 *
 * @param tp share of shingles in both texts
 * @param fp share only in the extracted text
 * @param fn share only in the true text
 */
public record ShingleMatch(double tp, double fp, double fn) {

    private static final int SHINGLE_TOKENS = 4;
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Compares an extracted text with the true one. */
    public static ShingleMatch of(String truth, String extracted) {
        Map<List<String>, Integer> trueShingles = shingles(truth);
        Map<List<String>, Integer> predShingles = shingles(extracted);
        Set<List<String>> keys = new HashSet<>(trueShingles.keySet());
        keys.addAll(predShingles.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> key : keys) {
            int t = trueShingles.getOrDefault(key, 0);
            int p = predShingles.getOrDefault(key, 0);
            tp += Math.min(t, p);
            fp += Math.max(0, p - t);
            fn += Math.max(0, t - p);
        }
        double sum = tp + fp + fn;
        return sum > 0 ? new ShingleMatch(tp / sum, fp / sum, fn / sum) : new ShingleMatch(0, 0, 0);
    }

    /** True when the extracted text gave at least one shingle (the page counts towards precision). */
    public boolean hasOutput() {
        return tp + fp > 0;
    }

    /** True when the true text gave at least one shingle (the page counts towards recall). */
    public boolean hasTruth() {
        return tp + fn > 0;
    }

    public double precision() {
        if (fp == 0 && fn == 0) {
            return 1;
        }
        return tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
    }

    public double recall() {
        if (fp == 0 && fn == 0) {
            return 1;
        }
        return tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text != null) {
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                tokens.add(m.group());
            }
        }
        return tokens;
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<List<String>, Integer> counts = new HashMap<>();
        int n = Math.max(1, tokens.size() - SHINGLE_TOKENS + 1);
        for (int i = 0; i < n; i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + SHINGLE_TOKENS));
            if (!shingle.isEmpty()) {
                counts.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return counts;
    }
}
