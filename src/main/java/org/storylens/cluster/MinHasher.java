package org.storylens.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MinHash signatures of a text's word shingles (four words), whose agreement estimates the Jaccard similarity of
 * the two shingle sets: exact and lightly edited copies agree on most positions, independent reports on almost none.
 * Thread-safe.
 */
public final class MinHasher {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int SHINGLE = 4;

    private final long[] seeds;

    /** @param hashes signature length: 64 estimates Jaccard to about ±0.06 */
    public MinHasher(int hashes) {
        if (hashes < 1) {
            throw new IllegalArgumentException("hashes must be positive: " + hashes);
        }
        seeds = new long[hashes];
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < hashes; i++) {
            s = mix(s + i);
            seeds[i] = s;
        }
    }

    public long[] signature(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        long[] signature = new long[seeds.length];
        java.util.Arrays.fill(signature, Long.MAX_VALUE);
        int shingles = Math.max(1, words.size() - SHINGLE + 1);
        for (int i = 0; i < shingles && !words.isEmpty(); i++) {
            long h = 1125899906842597L;
            for (int j = i; j < Math.min(words.size(), i + SHINGLE); j++) {
                h = 31 * h + words.get(j).hashCode();
                h = mix(h);
            }
            for (int k = 0; k < seeds.length; k++) {
                long v = mix(h ^ seeds[k]);
                if (v < signature[k]) {
                    signature[k] = v;
                }
            }
        }
        return signature;
    }

    /** The share of positions on which two signatures agree: the Jaccard estimate (0 for empty signatures). */
    public static double similarity(long[] a, long[] b) {
        int n = Math.min(a.length, b.length);
        if (n == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
                same++;
            }
        }
        return (double) same / n;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
