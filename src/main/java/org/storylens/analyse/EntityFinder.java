package org.storylens.analyse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the person, organisation, location and misc mentions out of an {@link AnnotatedText} and mends the usual
 * errors of CoreNLP's NER: pronouns it lists as persons ("he", "his"), titles glued to a name ("US Secretary of
 * Defense Lloyd Austin" → "Lloyd Austin"; "State" in "Secretary of State" is no organisation), title words run into
 * an organisation ("White House Press Secretary"), and two names joined by a hyphen ("Biden-Putin" talks). Spans stay
 * exact: every mention's text is the text at its span. Immutable and thread-safe.
 */
public final class EntityFinder {

    private static final Set<String> PRONOUNS = Set.of("i", "me", "my", "mine", "you", "your", "yours", "he", "him",
            "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours",
            "they", "them", "their", "theirs", "themselves", "who", "whom", "whose");
    private static final Pattern HYPHEN = Pattern.compile("\\s?[-‐‑–—]\\s?");

    private final TitleWords titles;

    public EntityFinder() {
        this(TitleWords.load());
    }

    EntityFinder(TitleWords titles) {
        this.titles = titles;
    }

    public List<EntityMention> find(AnnotatedText text) {
        List<EntityMention> mended = new ArrayList<>();
        for (AnnotatedText.Mention m : joinedAtHyphens(text)) {
            EntityType type = typeOf(m.tag());
            if (type == null) {
                continue;
            }
            List<Token> sentence = text.tokens().get(m.sentence());
            int first = m.firstToken();
            int last = m.lastToken();
            if (sentence.subList(first, last).stream().allMatch(EntityFinder::isPronoun)) {
                continue;
            }
            if (followsOfficeOf(sentence, first)) {
                // "Secretary of | State", "Secretary of | Defense Lloyd Austin": the department is part of the title
                while (first < last && titles.kind(sentence.get(first).word()).orElse(null)
                        == TitleWords.Kind.DEPARTMENT) {
                    first++;
                }
                if (first == last) {
                    continue;
                }
                type = first > m.firstToken() ? EntityType.PERSON : type;
            }
            if (type == EntityType.PERSON) {
                first += EntityNames.titleEnd(sentence.subList(first, last).stream().map(Token::word).toList(),
                        titles);
            }
            // "White House Press | Secretary": a title word that runs on into another one belongs to the title
            while (last - first > 1 && last < sentence.size() && titles.isEvidence(sentence.get(last).word())
                    && titles.isEvidence(sentence.get(last - 1).word())) {
                last--;
            }
            while (last - first > 1 && sentence.get(last - 1).pos().equals("POS")) {
                last--;
            }
            Span span = new Span(sentence.get(first).span().start(), sentence.get(last - 1).span().end());
            mended.add(new EntityMention(text.text().substring(span.start(), span.end()), type, span,
                    m.sentence()));
        }
        return splitHyphenatedPairs(mended);
    }

    /**
     * Mentions of one type that the tagger broke at a hyphen written without spaces ("Jean" - "Claude Juncker") joined
     * again; {@link #splitHyphenatedPairs} later parts two names that stand alone elsewhere ("Biden-Putin").
     */
    private static List<AnnotatedText.Mention> joinedAtHyphens(AnnotatedText text) {
        List<AnnotatedText.Mention> joined = new ArrayList<>();
        for (AnnotatedText.Mention m : text.mentions()) {
            AnnotatedText.Mention previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (previous != null && previous.sentence() == m.sentence() && previous.tag().equals(m.tag())
                    && m.firstToken() == previous.lastToken() + 1) {
                Token between = text.tokens().get(m.sentence()).get(previous.lastToken());
                if (between.word().equals("-") && between.span().start() == previous.span().end()
                        && between.span().end() == m.span().start()) {
                    Span span = new Span(previous.span().start(), m.span().end());
                    joined.set(joined.size() - 1, new AnnotatedText.Mention(
                            text.text().substring(span.start(), span.end()), m.tag(), span, m.sentence(),
                            previous.firstToken(), m.lastToken(), null, null));
                    continue;
                }
            }
            joined.add(m);
        }
        return joined;
    }

    private static boolean isPronoun(Token t) {
        if (t.word().length() > 1 && t.word().equals(t.word().toUpperCase(Locale.ROOT))) {
            return false; // "US", "WHO": acronyms, whatever the tagger thinks
        }
        return t.pos().startsWith("PRP") || t.pos().startsWith("WP")
                || PRONOUNS.contains(t.word().toLowerCase(Locale.ROOT));
    }

    private boolean followsOfficeOf(List<Token> sentence, int first) {
        return first >= 2 && Set.of("of", "for").contains(sentence.get(first - 1).word().toLowerCase(Locale.ROOT))
                && titles.kind(sentence.get(first - 2).word()).orElse(null) == TitleWords.Kind.ROLE;
    }

    /**
     * "Biden-Putin" becomes "Biden" and "Putin" when the article names each of them on its own too; each part takes
     * the type the article most often gives it. "Jean-Claude Juncker" stays whole.
     */
    private static List<EntityMention> splitHyphenatedPairs(List<EntityMention> mentions) {
        Map<String, Map<EntityType, Integer>> typesByText = new HashMap<>();
        for (EntityMention m : mentions) {
            typesByText.computeIfAbsent(m.text(), k -> new HashMap<>()).merge(m.type(), 1, Integer::sum);
        }
        List<EntityMention> result = new ArrayList<>();
        for (EntityMention m : mentions) {
            List<EntityMention> parts = new ArrayList<>();
            Matcher hyphen = HYPHEN.matcher(m.text());
            int from = 0;
            while (hyphen.find()) {
                parts.add(part(m, from, hyphen.start(), typesByText));
                from = hyphen.end();
            }
            parts.add(part(m, from, m.text().length(), typesByText));
            result.addAll(parts.size() > 1 && parts.stream().allMatch(p -> typesByText.containsKey(p.text()))
                    ? parts : List.of(m));
        }
        return result;
    }

    private static EntityMention part(EntityMention m, int from, int to,
                                      Map<String, Map<EntityType, Integer>> typesByText) {
        String text = m.text().substring(from, to);
        EntityType type = typesByText.getOrDefault(text, Map.of()).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(m.type());
        int start = m.span().start() + from;
        return new EntityMention(text, type, new Span(start, start + text.length()), m.sentence());
    }

    private static EntityType typeOf(String tag) {
        return switch (tag) {
            case "PERSON" -> EntityType.PERSON;
            case "ORGANIZATION" -> EntityType.ORGANIZATION;
            case "LOCATION" -> EntityType.LOCATION;
            case "MISC" -> EntityType.MISC;
            default -> null;
        };
    }
}
