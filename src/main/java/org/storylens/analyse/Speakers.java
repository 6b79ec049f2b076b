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
        List<String> names = new ArrayList<>(annotated.mentions().stream().filter(m -> m.tag().equals("PERSON"))
                .map(m -> EntityNames.withoutTitles(m.text(), titles)).toList());
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
                j += 2; // Secretary of Defense
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
            if (tokens.get(i).ner().equals("PERSON")) {
                last = i;
                break;
            }
        }
        if (last >= 0) {
            int first = last;
            while (first > range.start() && tokens.get(first - 1).ner().equals("PERSON")) {
                first--;
            }
            // "Mayor Ana Lopes": a title the tagger ran into the name is not part of it
            first += EntityNames.titleEnd(tokens.subList(first, last + 1).stream().map(Token::word).toList(), titles);
            Span span = new Span(tokens.get(first).span().start(), tokens.get(last).span().end());
            return new Speaker(fullName(text.substring(span.start(), span.end())), span, true);
        }
        Span span = new Span(tokens.get(range.start()).span().start(), tokens.get(range.end() - 1).span().end());
        Token head = tokens.get(range.end() - 1);
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
        boolean organisation = tokens.subList(range.start(), range.end()).stream()
                .anyMatch(t -> t.ner().equals("ORGANIZATION") || t.ner().equals("LOCATION"));
        boolean singular = head.pos().equals("NN") && !organisation;
        return new Speaker(text.substring(span.start(), span.end()), span, singular);
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
