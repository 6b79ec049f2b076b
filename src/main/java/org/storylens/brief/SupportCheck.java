package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.EntityType;
import org.storylens.analyse.NumberMention;
import org.storylens.analyse.TimeExpression;
import org.storylens.analyse.Token;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The mechanical test that an article really states a sentence: at least {@link #MIN_SHARE} of the sentence's content
 * words occur in the article. Content words are nouns (proper nouns included), verbs other than the auxiliaries
 * be/have/do, adjectives and numbers, compared by CoreNLP lemma, lowercased and without a trailing full stop; an article's
 * vocabulary holds the lemmas and the lowercased word forms of all its tokens. Stateless and thread-safe.
 */
public final class SupportCheck {

    /** The share of a sentence's content words a source must contain to be cited for it. */
    public static final double MIN_SHARE = 0.8;

    private static final Set<String> AUXILIARIES = Set.of("be", "have", "do", "'s", "'re", "'m", "'ve", "'d");

    private SupportCheck() {
    }

    /** The content words of a sentence's tokens, as lowercased lemmas, in order of first use. */
    public static Set<String> contentWords(List<Token> tokens) {
        Set<String> words = new LinkedHashSet<>();
        for (Token t : tokens) {
            if (isContent(t)) {
                words.add(key(t.lemma() == null ? t.word() : t.lemma()));
            }
        }
        return words;
    }

    /** Every lemma and lowercased word form of an article's tokens. */
    public static Set<String> vocabulary(AnalysedArticle article) {
        Set<String> words = new HashSet<>();
        for (List<Token> sentence : article.annotation().tokens()) {
            for (Token t : sentence) {
                words.add(key(t.word()));
                if (t.lemma() != null) {
                    words.add(key(t.lemma()));
                }
            }
        }
        return words;
    }

    /** The share of {@code words} found in {@code vocabulary}; 1 for a sentence without content words. */
    public static double share(Set<String> words, Set<String> vocabulary) {
        if (words.isEmpty()) {
            return 1;
        }
        int found = 0;
        for (String w : words) {
            if (vocabulary.contains(w)) {
                found++;
            }
        }
        return (double) found / words.size();
    }

    /** Whether an article with this vocabulary states a sentence with these content words. */
    public static boolean supports(Set<String> words, Set<String> vocabulary) {
        return share(words, vocabulary) >= MIN_SHARE;
    }

    /**
     * Whether a source's own sentence states the key facts of a sentence it is cited for: the same polarity (both or
     * neither negate a verb), every figure of the sentence (an equal or compatible value), every day it names (the same
     * calendar day), and its participants (at least one of its people, organisations and places, and half of them, by
     * last word, a demonym matching its country). "Will hold talks on Tuesday" is not stated by "a call is being
     * prepared" (no day), nor by a sentence that negates it.
     */
    static boolean statesKeyFacts(Statement sentence, Statement source) {
        if (ClaimFinder.negatedVerbs(sentence).isEmpty() != ClaimFinder.negatedVerbs(source).isEmpty()) {
            return false;
        }
        for (NumberMention n : sentence.numbers()) {
            if (source.numbers().stream().noneMatch(m -> sameValue(n, m))) {
                return false;
            }
        }
        Set<String> sourceDays = days(source);
        if (!sourceDays.containsAll(days(sentence))) {
            return false;
        }
        Set<String> names = participants(sentence);
        if (names.isEmpty()) {
            return true;
        }
        Set<String> theirs = participants(source);
        long shared = names.stream().filter(n -> DenialFinder.overlaps(Set.of(n), theirs)).count();
        return shared >= 1 && shared * 2 >= names.size();
    }

    private static Set<String> days(Statement s) {
        Set<String> days = new HashSet<>();
        for (TimeExpression t : s.times()) {
            if ("DATE".equals(t.type()) && t.value() != null && t.value().matches("\\d{4}-\\d{2}-\\d{2}")) {
                days.add(t.value());
            }
        }
        return days;
    }

    private static Set<String> participants(Statement s) {
        Set<String> names = new LinkedHashSet<>();
        for (EntityMention e : s.entities()) {
            if (e.type() != EntityType.MISC) {
                String[] words = e.text().toLowerCase(Locale.ROOT).split("\\s+");
                names.add(words[words.length - 1].replaceAll("['’]s$", ""));
            }
        }
        return names;
    }

    static boolean isContent(Token t) {
        String pos = t.pos();
        boolean tagged = pos.startsWith("NN") || pos.startsWith("VB") || pos.startsWith("JJ") || pos.equals("CD");
        if (!tagged || !hasLetterOrDigit(t.word())) {
            return false;
        }
        return !(pos.startsWith("VB") && AUXILIARIES.contains(key(t.lemma() == null ? t.word() : t.lemma())));
    }

    static String key(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() > 1 && w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether two figures can give one value, by their hedges ("more than 40" and 52; "about 100" and 95). */
    private static boolean sameValue(NumberMention a, NumberMention b) {
        return a.value() == b.value() || allows(a, b.value()) || allows(b, a.value());
    }

    private static boolean allows(NumberMention n, double other) {
        String q = n.qualifier() == null ? "" : n.qualifier().toLowerCase(java.util.Locale.ROOT);
        if (q.contains("more than") || q.contains("over") || q.contains("at least") || q.contains("above")) {
            return other >= n.value();
        }
        if (q.contains("up to") || q.contains("less than") || q.contains("under") || q.contains("at most")
                || q.contains("fewer")) {
            return other <= n.value();
        }
        if (q.contains("about") || q.contains("around") || q.contains("nearly") || q.contains("almost")
                || q.contains("some") || q.contains("approximately") || q.contains("roughly")) {
            return Math.abs(other - n.value()) <= 0.1 * Math.abs(n.value());
        }
        return false;
    }
}
