package org.storylens.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the figures an article gives, from CoreNLP's NUMBER, MONEY and PERCENT mentions: the normalised value, the
 * qualifier before it ("more than", "up to"), what it counts (the head of the noun phrase after it, or the currency
 * or "percent") and the source the sentence credits. Years, dates, times, ordinals and numbers inside names are not
 * figures (CoreNLP tags those otherwise); a number written as a word below eleven ("the two leaders") is kept only when
 * it counts something plural without a determiner before it ("killed two soldiers"). Stateless and thread-safe.
 */
public final class NumberFinder {

    private static final Set<String> TAGS = Set.of("NUMBER", "MONEY", "PERCENT");
    /** Longest first, so "more than" wins over "than". */
    private static final List<String> QUALIFIERS = List.of("as many as", "as much as", "as few as", "more than",
            "less than", "fewer than", "up to", "at least", "at most", "an estimated", "nearly", "almost", "about",
            "around", "roughly", "approximately", "some", "over", "under", "estimated", "just over", "just under");
    private static final Set<String> DETERMINERS = Set.of("the", "its", "their", "these", "those", "both", "his",
            "her", "our", "all");
    private static final Map<String, String> CURRENCIES = Map.ofEntries(Map.entry("$", "USD"), Map.entry("US$", "USD"),
            Map.entry("dollar", "USD"), Map.entry("dollars", "USD"), Map.entry("€", "EUR"), Map.entry("euro", "EUR"),
            Map.entry("euros", "EUR"), Map.entry("£", "GBP"), Map.entry("pound", "GBP"), Map.entry("pounds", "GBP"),
            Map.entry("¥", "JPY"), Map.entry("yen", "JPY"), Map.entry("yuan", "CNY"), Map.entry("rouble", "RUB"),
            Map.entry("roubles", "RUB"), Map.entry("ruble", "RUB"), Map.entry("rubles", "RUB"),
            Map.entry("hryvnia", "UAH"));
    private static final int SMALL_WORD_NUMBER = 11;

    public List<NumberMention> find(AnnotatedText annotated) {
        List<NumberMention> found = new ArrayList<>();
        for (AnnotatedText.Mention m : annotated.mentions()) {
            if (!TAGS.contains(m.tag())) {
                continue;
            }
            List<Token> tokens = annotated.tokens().get(m.sentence());
            Double value = value(m, tokens);
            if (value == null || !counts(m, tokens, value)) {
                continue;
            }
            String qualifier = qualifier(tokens, m.firstToken());
            found.add(new NumberMention(annotated.sentences().get(m.sentence()).text(), m.span(), m.sentence(), value,
                    qualifier, unit(m, tokens), FigureSource.of(annotated.text(), tokens, m.firstToken())));
        }
        return List.copyOf(found);
    }

    private static Double value(AnnotatedText.Mention m, List<Token> tokens) {
        for (int i = m.lastToken() - 1; i >= m.firstToken(); i--) {
            String normalised = tokens.get(i).normalizedNer();
            if (normalised != null) {
                Double v = parse(normalised);
                if (v != null) {
                    return v;
                }
            }
        }
        return parse(m.text());
    }

    private static Double parse(String s) {
        String digits = s.replaceAll("[^0-9.Ee-]", "");
        if (digits.isEmpty() || digits.chars().noneMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            return null; // "1.2.3" and the like: not a figure
        }
    }

    /** Whether the mention is a figure worth keeping: not a bare year, not a small number written as a word of no weight. */
    private static boolean counts(AnnotatedText.Mention m, List<Token> tokens, double value) {
        String text = m.text();
        if (m.tag().equals("NUMBER") && text.matches("(1[89]|20)\\d\\d")) {
            return false; // a year SUTime did not take as a date
        }
        boolean written = text.chars().noneMatch(Character::isDigit);
        if (!written || value >= SMALL_WORD_NUMBER) {
            return true;
        }
        boolean afterDeterminer = m.firstToken() > 0
                && DETERMINERS.contains(tokens.get(m.firstToken() - 1).word().toLowerCase(Locale.ROOT));
        boolean countsPlural = m.lastToken() < tokens.size() && tokens.get(m.lastToken()).pos().equals("NNS");
        return value > 1 && countsPlural && !afterDeterminer;
    }

    private static String qualifier(List<Token> tokens, int first) {
        for (String q : QUALIFIERS) {
            String[] words = q.split(" ");
            int start = first - words.length;
            if (start < 0) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < words.length && match; i++) {
                match = tokens.get(start + i).word().equalsIgnoreCase(words[i]);
            }
            if (match) {
                return q.equals("an estimated") ? "estimated" : q;
            }
        }
        return null;
    }

    private static String unit(AnnotatedText.Mention m, List<Token> tokens) {
        if (m.tag().equals("PERCENT")) {
            return "percent";
        }
        if (m.tag().equals("MONEY")) {
            for (int i = m.firstToken(); i < Math.min(tokens.size(), m.lastToken() + 1); i++) {
                String currency = CURRENCIES.get(tokens.get(i).word().toLowerCase(Locale.ROOT));
                if (currency != null) {
                    return currency;
                }
            }
            String normalised = tokens.get(m.lastToken() - 1).normalizedNer();
            return normalised == null || normalised.isEmpty() ? null
                    : CURRENCIES.get(normalised.substring(0, 1));
        }
        return countedNoun(tokens, m.lastToken());
    }

    /** The head of the noun phrase after the number: "90,000 Russian troops" → troops, "13,000 dead" → dead. */
    private static String countedNoun(List<Token> tokens, int from) {
        String noun = null;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.pos().equals("NN") || t.pos().equals("NNS")) {
                noun = t.word();
            } else if (noun != null) {
                break;
            } else if (t.pos().startsWith("JJ") || t.pos().equals("NNP") || t.pos().equals("NNPS")
                    || t.pos().equals("VBN") || t.pos().equals("HYPH")) {
                if (i + 1 == tokens.size() || !isNounPhraseWord(tokens.get(i + 1))) {
                    return t.pos().startsWith("JJ") || t.pos().equals("VBN") ? t.word() : null;
                }
            } else {
                break;
            }
        }
        return noun;
    }

    private static boolean isNounPhraseWord(Token t) {
        return t.pos().startsWith("NN") || t.pos().startsWith("JJ") || t.pos().equals("VBN") || t.pos().equals("HYPH");
    }
}
