package org.storylens.analyse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the words of an attribution into a speaker: a name in its fullest form in the article ("Psaki" → "Jen Psaki"),
 * a pronoun resolved to the last person who spoke or acted, or the noun phrase as written ("a source"). Remembers
 * that last person as the article is read in order, so one instance serves one article on one thread.
 */
final class Speakers {

    /** A resolved speaker: the name (null when it cannot be told), where the attribution names it, and whether it is one person. */
    record Speaker(String name, Span span, boolean person) {
    }

    private static final Set<String> SINGULAR_PRONOUNS = Set.of("he", "she", "him", "her");
    /** Words a common noun speaker does not need in its name. */
    private static final Set<String> LEADING_WORDS = Set.of("his", "her", "its", "their");
    /** Prepositions that put a place where something is, not who speaks ("according to" is no such word). */
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "from", "near", "at", "outside", "inside",
            "across", "around", "of");
    /** Titles before a name: CoreNLP sometimes tags "Secretary of Defense Lloyd Austin" as an organisation. */
    private static final Set<String> TITLES = Set.of("secretary", "spokesman", "spokeswoman", "spokesperson",
            "minister", "president", "adviser", "advisor", "ambassador", "senator", "governor", "chancellor",
            "director", "chief", "aide", "assistant", "leader", "sen.", "rep.", "gov.", "mr", "mr.", "mrs", "mrs.", "ms",
            "ms.", "dr", "dr.", "gen.", "general");

    private final String text;
    private final TitleWords titles;
    private final List<String> personNames;
    private String lastPerson;

    Speakers(AnnotatedText annotated, TitleWords titles) {
        this.text = annotated.text();
        this.titles = titles;
        List<String> names = new ArrayList<>();
        for (AnnotatedText.Mention m : annotated.mentions()) {
            if (!m.tag().equals("PERSON")) {
                continue;
            }
            List<Token> sentence = annotated.tokens().get(m.sentence());
            String name = m.text();
            if (m.lastToken() - m.firstToken() >= 3 && afterThe(sentence, m.firstToken())) {
                name = text.substring(sentence.get(m.firstToken() + 1).span().start(), m.span().end());
            }
            names.add(EntityNames.withoutTitles(name, titles));
        }
        for (List<Token> tokens : annotated.tokens()) {
            names.addAll(titledNames(tokens));
        }
        this.personNames = List.copyOf(names);
    }

    private List<String> titledNames(List<Token> tokens) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (!TITLES.contains(tokens.get(i).word().toLowerCase(Locale.ROOT))) {
                continue;
            }
            int j = i + 1;
            if (tokens.get(j).word().equals("of") && j + 1 < tokens.size()) {
                // Secretary of Defense, Secretary of the Interior
                j += j + 2 < tokens.size() && tokens.get(j + 1).word().equalsIgnoreCase("the") ? 3 : 2;
            }
            int end = j;
            while (end < tokens.size() && tokens.get(end).pos().equals("NNP")) {
                end++;
            }
            if (end - j >= 2) {
                names.add(text.substring(tokens.get(j).span().start(), tokens.get(end - 1).span().end()));
            }
        }
        return names;
    }

    Speaker resolve(List<Token> tokens, NounPhrases.Range range) {
        int last = -1;
        for (int i = range.end() - 1; i >= range.start(); i--) {
            // "Meravik's mayor", "Nat Fleischer's record book": a name that owns the head noun is not who speaks
            int nameEnd = i;
            while (nameEnd + 1 < range.end() && tokens.get(nameEnd + 1).ner().equals("PERSON")
                    && tokens.get(i).ner().equals("PERSON")) {
                nameEnd++;
            }
            boolean possessor = nameEnd + 1 < range.end() && tokens.get(nameEnd + 1).pos().equals("POS");
            if (tokens.get(i).ner().equals("PERSON") && !possessor && !placeNamedAsPerson(tokens, i)) {
                last = i;
                break;
            }
        }
        if (last >= 0) {
            int first = last;
            while (first > range.start() && (tokens.get(first - 1).ner().equals("PERSON")
                    || first - 2 >= range.start() && tokens.get(first - 1).pos().equals("HYPH")
                    && tokens.get(first - 2).ner().equals("PERSON"))) {
                first--; // "Strauss - Kahn": a name the text spaced at its hyphen is one name
            }
            // "Mayor Ana Lopes": a title the tagger ran into the name is not part of it
            first += EntityNames.titleEnd(tokens.subList(first, last + 1).stream().map(Token::word).toList(), titles);
            if (first > 0 && first < last && afterThe(tokens, first)) {
                first++; // "Secretary of the Interior Ken Salazar": the title's department is no part of the name
            }
            Span span = new Span(tokens.get(first).span().start(), tokens.get(last).span().end());
            return new Speaker(fullName(text.substring(span.start(), span.end())), span, true);
        }
        Token head = tokens.get(range.end() - 1);
        Span span = new Span(tokens.get(range.start()).span().start(), head.span().end());
        if (!isSpeakerHead(head) || isPlaceAfterPreposition(tokens, range)) {
            return new Speaker(null, span, false); // "at 3 p. m.", "in Dunhelm": a time or a place, not a speaker
        }
        if (head.pos().equals("NNP")) {
            String full = fullName(head.word());
            if (!full.equals(head.word())) {
                int first = range.end() - 1;
                while (first > range.start() && full.contains(tokens.get(first - 1).word())) {
                    first--;
                }
                return new Speaker(full, new Span(tokens.get(first).span().start(), head.span().end()), true);
            }
        }
        if (range.end() - range.start() == 1 && head.pos().equals("PRP")) {
            boolean singular = SINGULAR_PRONOUNS.contains(head.word().toLowerCase(Locale.ROOT));
            return new Speaker(singular ? lastPerson : null, span, singular && lastPerson != null);
        }
        NounPhrases.Range named = organisationAfterLink(tokens, range);
        if (named != null) {
            // "updated figures from the Civil Protection Directorate": the organisation is the source
            return new Speaker(text.substring(tokens.get(named.start()).span().start(), head.span().end()),
                    new Span(tokens.get(named.start()).span().start(), head.span().end()), false);
        }
        boolean organisation = tokens.subList(range.start(), range.end()).stream()
                .anyMatch(t -> t.ner().equals("ORGANIZATION") || t.ner().equals("LOCATION"));
        // "the personnel on board the warship" are the personnel: the noun the phrase is about tells one person
        boolean singular = tokens.get(NounPhrases.head(tokens, range)).pos().equals("NN") && !organisation;
        return new Speaker(commonName(tokens, range), span, singular);
    }

    /**
     * A speaker named by a common noun phrase, as a name: without a leading possessive pronoun ("His neighbours in
     * Dunhelm" → "neighbours in Dunhelm"), and in lower case when only its place at the start of a
     * sentence capitalised it ("Police said" and "police said" are one speaker).
     */
    private String commonName(List<Token> tokens, NounPhrases.Range range) {
        int start = range.start();
        while (start < range.end() - 1 && LEADING_WORDS.contains(tokens.get(start).word().toLowerCase(Locale.ROOT))) {
            start++;
        }
        String name = text.substring(tokens.get(start).span().start(), tokens.get(range.end() - 1).span().end());
        Token first = tokens.get(start);
        boolean capitalisedByPosition = first.index() == 0 || start > 0 && tokens.get(start - 1).word().equals("“");
        if (capitalisedByPosition && !first.pos().startsWith("NNP") && first.ner().equals("O")
                && first.word().length() > 1 && Character.isUpperCase(first.word().charAt(0))
                && first.word().substring(1).chars().noneMatch(Character::isUpperCase)) {
            name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }
        return name;
    }

    /**
     * "the Interior Ken Salazar": a name of three words or more right after "the" opens with a word of the title before
     * it (a person's name takes no article).
     */
    private static boolean afterThe(List<Token> tokens, int first) {
        int last = first;
        while (last + 1 < tokens.size() && tokens.get(last + 1).ner().equals("PERSON")) {
            last++;
        }
        return first > 0 && tokens.get(first - 1).word().equalsIgnoreCase("the") && last - first >= 2;
    }

    /**
     * "neighbours in Dunhelm": the tagger takes an unknown town for a person, but a name a place preposition governs
     * is where, not who.
     */
    private static boolean placeNamedAsPerson(List<Token> tokens, int i) {
        int first = i;
        while (first > 0 && tokens.get(first - 1).ner().equals("PERSON")) {
            first--;
        }
        if (first == 0) {
            return false;
        }
        String before = tokens.get(first - 1).word().toLowerCase(Locale.ROOT);
        return before.equals("in") || before.equals("near") || before.equals("at") || before.equals("outside")
                || before.equals("from");
    }

    /** The organisation a phrase ends with after "from" or "of" ("figures from the Directorate"), or null. */
    private static NounPhrases.Range organisationAfterLink(List<Token> tokens, NounPhrases.Range range) {
        for (int i = range.end() - 2; i > range.start(); i--) {
            String w = tokens.get(i).word().toLowerCase(Locale.ROOT);
            if (w.equals("from") || w.equals("of")) {
                int start = i + 1;
                for (int j = start; j < range.end(); j++) {
                    Token t = tokens.get(j);
                    if (!t.ner().equals("ORGANIZATION") && !(j == start && t.pos().equals("DT"))) {
                        return null;
                    }
                }
                return start < range.end() ? new NounPhrases.Range(start, range.end()) : null;
            }
        }
        return null;
    }

    /** A speaker's head is a noun or pronoun of two letters or more, not a number or the "m." of "p. m.". */
    private static boolean isSpeakerHead(Token head) {
        long letters = head.word().chars().filter(Character::isLetter).count();
        return letters >= 2 && !head.pos().equals("CD");
    }

    /** "neighbours in Dunhelm", "from Meravik": a place governed by a preposition is where, not who. */
    private static boolean isPlaceAfterPreposition(List<Token> tokens, NounPhrases.Range range) {
        if (range.start() == 0 || !PLACE_PREPOSITIONS.contains(tokens.get(range.start() - 1).word().toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = range.start(); i < range.end(); i++) {
            Token t = tokens.get(i);
            if (!t.ner().equals("LOCATION") && !t.pos().equals("DT")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The person a run of capitalised words names when the article introduces it after a title ("Dr Azm Al Homoud"
     * → "Azm Al Homoud"), or null.
     */
    String titledPerson(String words) {
        return personNames.stream().filter(n -> n.contains(" ") && words.endsWith(n))
                .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
    }

    /** The longest person name in the article that ends with the same word ("Psaki" → "Jen Psaki"). */
    String fullName(String name) {
        String surname = lastWord(name);
        return personNames.stream()
                .filter(n -> lastWord(n).equals(surname) && n.length() > name.length())
                .max(Comparator.comparingInt(String::length)).orElse(name);
    }

    void remember(Speaker speaker) {
        if (speaker != null && speaker.person() && speaker.name() != null) {
            lastPerson = speaker.name();
        }
    }

    private static String lastWord(String name) {
        String[] words = name.replaceAll("['’]s$", "").trim().split("\\s+");
        return words[words.length - 1];
    }
}
