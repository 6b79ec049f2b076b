package org.storylens.analyse;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the noun phrase that stands next to a verb in a sentence's tokens ("Kremlin spokesman Dmitry Peskov" said,
 * said "the assistant to the Russian leader"), by part of speech alone. Ranges are token indexes, end exclusive.
 */
final class NounPhrases {

    /** A token range [start, end) in one sentence. */
    record Range(int start, int end) {
    }

    private static final Set<String> NOUN_TAGS = Set.of("NN", "NNS", "NNP", "NNPS", "PRP", "CD");
    private static final Set<String> MODIFIER_TAGS = Set.of("DT", "JJ", "JJS", "JJR", "POS", "PRP$", "NNP", "NNPS",
            "NN", "NNS", "CD", "VBN", "``", "''");
    private static final Set<String> LINKS = Set.of("of", "for", "to", "at", "and");
    /** Before a verb a phrase may also run over "in" and "from": "neighbours in Dunhelm", "Kazemi from the agency". */
    private static final Set<String> LINKS_BEFORE = Set.of("of", "for", "to", "at", "and", "in", "from");
    private static final Set<String> SKIPPED_BEFORE_VERB = Set.of("also", "then", "later", "has", "have", "had",
            "was", "were", "is", "are", "will", "would", "again", "previously", "earlier", "further",
            "recently", "once", "reportedly", "publicly", "separately", "privately", "not");
    /**
     * Prepositions of place and circumstance: after a noun, the noun phrase they govern describes that noun and is
     * never the subject of the verb that follows ("the crew on board the ship have seized", "guards with the convoy
     * said"). Not the prepositions that already link a subject ("of", "in", "from") or open a clause ("after", "as").
     */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("on", "aboard", "onboard", "with", "under", "into",
            "onto", "inside", "outside", "near", "behind", "beside", "between", "among", "amid", "through", "across",
            "during", "upon", "off", "over", "within", "without", "against", "toward", "towards", "via", "beneath",
            "above", "below", "along", "around");
    private static final int MAX_TOKENS = 12;

    private NounPhrases() {
    }

    /** The subject that ends just before {@code verb}, skipping auxiliaries and adverbs; null when there is none. */
    static Range before(List<Token> tokens, int verb) {
        int end = verb;
        while (end > 0 && (SKIPPED_BEFORE_VERB.contains(lower(tokens.get(end - 1)))
                || tokens.get(end - 1).pos().equals("RB") || tokens.get(end - 1).pos().equals("MD")
                || isQuoteMark(tokens.get(end - 1)))) {
            end--;
        }
        if (end > 0 && tokens.get(end - 1).pos().equals("WP")) {
            end--; // "Mr. Clarke, who said ..." speaks through the phrase before "who"
            if (end > 0 && tokens.get(end - 1).word().equals(",")) {
                end--;
            }
        } else if (end > 0 && (tokens.get(end - 1).word().equals(",") || tokens.get(end - 1).pos().equals("-RRB-"))) {
            int close = end - 1;
            end = beforeAside(tokens, close);
            if (end >= 0 && close > end + 1 && tokens.subList(end + 1, close).stream()
                    .allMatch(t -> t.ner().equals("PERSON"))) {
                return new Range(end + 1, close); // "The head of the union, Ana Lopes, said": the name is who speaks
            }
        }
        if (end <= 0 || !isNoun(tokens.get(end - 1))) {
            return null;
        }
        if (tokens.get(end - 1).pos().equals("PRP")) {
            return new Range(end - 1, end); // "the cuts he announced": a pronoun takes no words before it
        }
        int start = end - 1;
        while (start > 0 && end - start < MAX_TOKENS) {
            Token t = tokens.get(start - 1);
            if (joinsWords(tokens, start - 1) && end - start < MAX_TOKENS - 1) {
                start -= 2; // the hyphen and the word before it
            } else if (isModifier(t) || (LINKS_BEFORE.contains(lower(t)) && start - 2 >= 0 && isModifier(tokens.get(start - 2))
                    && !tokens.get(start - 2).pos().equals("VBN")) // "assigned to the units": a verb's, no noun's
                    || describesNoun(tokens, start - 1)) {
                start--;
            } else {
                break;
            }
        }
        while (start < end && (LINKS_BEFORE.contains(lower(tokens.get(start))) || isQuoteMark(tokens.get(start)))) {
            start++;
        }
        return start < end ? new Range(start, end) : null;
    }

    /**
     * "the crew on board the ship": a preposition of place right after a noun opens a phrase that describes that noun,
     * so the subject runs over it to the noun (what the preposition governs is no subject of its own).
     */
    private static boolean describesNoun(List<Token> tokens, int preposition) {
        return preposition >= 1 && PLACE_PREPOSITIONS.contains(lower(tokens.get(preposition)))
                && tokens.get(preposition - 1).pos().startsWith("NN") && !isTime(tokens.get(preposition - 1));
    }

    /**
     * "ex - NYPD detective", "organized - crime experts": a hyphen the text spaced apart joins the words on either side
     * into one modifier.
     */
    private static boolean joinsWords(List<Token> tokens, int i) {
        return i >= 1 && i + 1 < tokens.size() && tokens.get(i).pos().equals("HYPH")
                && tokens.get(i - 1).word().chars().allMatch(Character::isLetter)
                && tokens.get(i + 1).word().chars().allMatch(Character::isLetter)
                && !isTime(tokens.get(i - 1)) && !isTime(tokens.get(i + 1));
    }

    /**
     * The noun a phrase is about: the last noun before a preposition of place that describes it ("personnel" in "the
     * personnel on board the warship"), else its last word.
     */
    static int head(List<Token> tokens, Range r) {
        for (int i = r.start() + 1; i < r.end(); i++) {
            if (describesNoun(tokens, i)) {
                return i - 1;
            }
        }
        return r.end() - 1;
    }

    /** "Phil Smith, a spokesman for the union, said": where the phrase before the aside ends, or -1. */
    private static int beforeAside(List<Token> tokens, int close) {
        boolean bracket = tokens.get(close).pos().equals("-RRB-");
        for (int i = close - 1; i > 0 && close - i <= 20; i--) {
            Token t = tokens.get(i);
            if (bracket ? t.pos().equals("-LRB-") : t.word().equals(",")) {
                return i;
            }
            if (!bracket && (t.pos().startsWith("VB") && !t.pos().equals("VBN") || t.pos().equals("MD"))) {
                return -1;
            }
        }
        return -1;
    }

    /** The noun phrase that starts at {@code from} ("said the assistant to the Russian leader"); null when none. */
    static Range after(List<Token> tokens, int from) {
        int end = from;
        int lastNoun = -1;
        while (end < tokens.size() && end - from < MAX_TOKENS) {
            Token t = tokens.get(end);
            if (lower(t).equals("that")) {
                break;
            }
            if (isNoun(t)) {
                lastNoun = end;
                if (t.pos().equals("PRP")) {
                    break;
                }
            } else if (!isModifier(t) && !(LINKS.contains(lower(t)) && lastNoun >= 0) && !joinsWords(tokens, end)) {
                break;
            }
            end++;
        }
        return lastNoun < 0 ? null : new Range(from, lastNoun + 1);
    }

    static boolean isNoun(Token t) {
        return NOUN_TAGS.contains(t.pos()) && !isTime(t);
    }

    private static boolean isModifier(Token t) {
        return (MODIFIER_TAGS.contains(t.pos()) || NOUN_TAGS.contains(t.pos())) && !isTime(t)
                && !lower(t).equals("that");
    }

    static boolean isTime(Token t) {
        return t.ner().equals("DATE") || t.ner().equals("TIME") || t.ner().equals("DURATION")
                || t.ner().equals("SET");
    }

    static boolean isQuoteMark(Token t) {
        return t.pos().equals("``") || t.pos().equals("''");
    }

    private static String lower(Token t) {
        return t.word().toLowerCase(Locale.ROOT);
    }
}
