package org.storylens.analyse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The role and department words written around a mention ("US Secretary of State Anthony Blink" → secretary,
 * state; "Sergei Lavrov, Russia's foreign minister," → foreign, minister): what says which of two similar names is
 * meant. Immutable and thread-safe.
 */
final class RoleWords {

    private static final int REACH = 8;
    private static final Set<String> LINKS = Set.of("of", "for", "the", "'s", "’s");

    private final TitleWords titles;

    RoleWords(TitleWords titles) {
        this.titles = titles;
    }

    /**
     * Role words in the mention, before it (walking back over title words, "of", "the" and capitalised words such as
     * "US" or "Kremlin", up to another person's name) and in an apposition after it.
     */
    Set<String> around(AnnotatedText text, EntityMention mention) {
        Set<String> roles = new LinkedHashSet<>();
        for (String w : mention.text().split("\\s+")) {
            addIfEvidence(w, roles);
        }
        List<Token> sentence = text.tokens().get(mention.sentence());
        int first = 0;
        while (first < sentence.size() && sentence.get(first).span().end() <= mention.span().start()) {
            first++;
        }
        for (int i = first - 1; i >= 0 && i >= first - REACH; i--) {
            Token t = sentence.get(i);
            String w = t.word();
            if (t.ner().equals("PERSON")) {
                break; // someone else's name: their title is not this one's
            }
            if (titles.isTitle(w)) {
                addIfEvidence(w, roles);
            } else if (!(LINKS.contains(w.toLowerCase(Locale.ROOT)) || Character.isUpperCase(w.charAt(0))
                    || !t.ner().equals("O"))) {
                break;
            }
        }
        // "Sergei Lavrov, Russia's foreign minister, said": an apposition after the name
        int after = first;
        while (after < sentence.size() && sentence.get(after).span().start() < mention.span().end()) {
            after++;
        }
        if (after < sentence.size() && sentence.get(after).word().equals(",")) {
            for (int i = after + 1; i < sentence.size() && i <= after + REACH; i++) {
                Token t = sentence.get(i);
                String w = t.word();
                if (t.ner().equals("PERSON")) {
                    break;
                }
                if (titles.isTitle(w)) {
                    addIfEvidence(w, roles);
                } else if (!(LINKS.contains(w.toLowerCase(Locale.ROOT)) || Set.of("a", "an").contains(w)
                        || Character.isUpperCase(w.charAt(0)) || !t.ner().equals("O"))) {
                    break; // "adviser to the President": the president is someone else
                }
            }
        }
        return roles;
    }

    private void addIfEvidence(String word, Set<String> roles) {
        if (titles.isEvidence(word)) {
            roles.addAll(List.of(TitleWords.parts(word)));
        }
    }
}
