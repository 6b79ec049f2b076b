package org.storylens.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a speaker the article refers to only by role ("the assistant to the head of the Russian state said") when the
 * article introduced a person with that role word earlier ("the assistant to the Russian leader Yuri Ushakov"): the
 * most recent person before the quote whose introduction carries the role's head noun. Thread-safe.
 */
public final class RoleSpeakers {

    /** "the assistant to the head of ...", "a spokesman for ...", "the Kremlin spokesman": a role, not a name. */
    private static final Pattern ROLE = Pattern.compile(
            "^(?:[Tt]he|[Aa]n?)\\s+(?:\\p{Lu}[\\p{L}-]*\\s+)?(\\p{Ll}[\\p{Ll}-]+)(?:\\s+(?:to|of|for|at)\\b.*)?$");
    /** How far before a person's name its introduction may carry the role word. */
    private static final int INTRODUCTION_CHARS = 60;

    public List<Quote> resolve(String text, List<Quote> quotes, List<EntityMention> entities) {
        List<Quote> out = new ArrayList<>(quotes.size());
        for (Quote q : quotes) {
            String named = q.speaker() == null ? null : introducedAs(roleWord(q.speaker()), text, q, entities);
            out.add(named == null ? q : new Quote(q.text(), q.span(), q.sentence(), named, q.direct()));
        }
        return out;
    }

    private static String roleWord(String speaker) {
        Matcher m = ROLE.matcher(speaker.strip());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String introducedAs(String role, String text, Quote q, List<EntityMention> entities) {
        if (role == null) {
            return null;
        }
        Pattern word = Pattern.compile("(?i)\\b" + Pattern.quote(role) + "\\b");
        String found = null;
        for (EntityMention m : entities) {
            if (m.type() != EntityType.PERSON || m.span().start() >= q.span().start()) {
                continue;
            }
            String before = text.substring(Math.max(0, m.span().start() - INTRODUCTION_CHARS), m.span().start());
            // the role must lead up to the name in the same sentence: "the assistant to the Russian leader Yuri ..."
            int sentenceStart = Math.max(before.lastIndexOf(". "), before.lastIndexOf('\n'));
            if (word.matcher(before.substring(sentenceStart + 1)).find()) {
                found = m.text();
            }
        }
        return found;
    }
}
