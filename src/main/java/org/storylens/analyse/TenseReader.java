package org.storylens.analyse;

import org.storylens.analyse.TimeExpression.Relation;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads whether a time expression lies before, at or after the moment of writing, from cue words in and next to the
 * expression ("last", "next", "ago", "since") and otherwise from the tense and modality of the verb group that governs
 * it: the nearest verb group to its left in the sentence, else the nearest to its right ("On Friday, Biden said").
 */
final class TenseReader {

    private static final Set<String> PAST_CUES = Set.of("last", "past", "previous", "ago", "earlier", "yesterday",
            "recent", "recently");
    private static final Set<String> FUTURE_CUES = Set.of("next", "coming", "upcoming", "tomorrow", "following");
    /** "would" and "could" are left out: in reported speech they are the past of "will" and "can". */
    private static final Set<String> FUTURE_MODALS = Set.of("will", "'ll", "shall", "wo", "may", "might", "should",
            "can", "must", "ca");
    /** Verbs that put what they govern ahead of the moment they are used in, whatever their tense. */
    private static final Set<String> SCHEDULING = Set.of("schedule", "reschedule", "plan", "postpone", "delay",
            "slate");
    /** Verbs that do so in the present or as a bare participle, when followed by to, for or on ("set for Tuesday"). */
    private static final Set<String> SCHEDULING_BEFORE = Set.of("set", "due", "expect", "poise", "intend", "aim");
    /** Words that end the clause a verb group is sought in: a verb beyond them governs something else. */
    private static final Set<String> CLAUSE_ENDS = Set.of(";", ":", "``", "''", "\"", "-LRB-", "-RRB-", "(", ")");

    Relation relation(List<Token> sentence, int first, int last) {
        for (int i = first; i < last; i++) {
            Relation cue = cue(sentence.get(i).word());
            if (cue != null) {
                return cue;
            }
        }
        if (first > 0 && sentence.get(first - 1).word().equalsIgnoreCase("since")) {
            return Relation.PAST;
        }
        if (last < sentence.size() && sentence.get(last).word().equalsIgnoreCase("ago")) {
            return Relation.PAST;
        }
        Relation governing = governing(sentence, first, last);
        // the end of a span that began in the past ("gave them until Tuesday") may lie either side of publication
        boolean until = first > 0 && sentence.get(first - 1).word().matches("(?i)until|till");
        return until && governing == Relation.PAST ? Relation.UNKNOWN : governing;
    }

    private static Relation governing(List<Token> sentence, int first, int last) {
        for (int i = first - 1; i >= 0 && !endsClause(sentence.get(i)); i--) {
            if (isVerb(sentence.get(i))) {
                return verbGroup(sentence, i, true);
            }
        }
        for (int i = last; i < sentence.size() && !CLAUSE_ENDS.contains(sentence.get(i).word()); i++) {
            if (isVerb(sentence.get(i))) {
                return verbGroup(sentence, i, false);
            }
        }
        return Relation.UNKNOWN;
    }

    private static Relation cue(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (PAST_CUES.contains(w)) {
            return Relation.PAST;
        }
        return FUTURE_CUES.contains(w) ? Relation.FUTURE : null;
    }

    /**
     * The tense of the verb group around token {@code at}: its auxiliaries, adverbs and main verb. A finite scheduling
     * verb ("planned a rally on Saturday", "has scheduled a vote for Friday") puts a time that follows it ahead.
     */
    private static Relation verbGroup(List<Token> sentence, int at, boolean beforeTime) {
        int from = at;
        while (from > 0 && inGroup(sentence.get(from - 1))) {
            from--;
        }
        int to = at + 1;
        while (to < sentence.size() && inGroup(sentence.get(to))) {
            to++;
        }
        List<Token> group = sentence.subList(from, to);
        Token finite = group.stream().filter(t -> t.pos().matches("MD|VBD|VBZ|VBP")).findFirst().orElse(null);
        Token main = sentence.get(at);
        for (Token t : group) {
            main = isVerb(t) ? t : main;
        }
        boolean perfect = perfect(group);
        String next = to < sentence.size() ? sentence.get(to).word().toLowerCase(Locale.ROOT) : "";
        String lemma = main.lemma().toLowerCase(Locale.ROOT);
        if (SCHEDULING.contains(lemma) && finite != null && beforeTime) {
            return Relation.FUTURE;
        }
        boolean scheduling = SCHEDULING_BEFORE.contains(lemma)
                && (next.equals("to") || next.equals("for") || next.equals("on"));
        if (finite == null) {
            if (scheduling && main.pos().equals("VBN")) {
                return Relation.FUTURE;
            }
            return main.pos().equals("VBN") ? Relation.PAST : Relation.UNKNOWN;
        }
        if (finite.pos().equals("MD")) {
            if (perfect) {
                return Relation.PAST;
            }
            return FUTURE_MODALS.contains(finite.word().toLowerCase(Locale.ROOT)) ? Relation.FUTURE : Relation.UNKNOWN;
        }
        if (finite.pos().equals("VBD")) {
            return Relation.PAST;
        }
        if (perfect) {
            return Relation.PAST;
        }
        if (scheduling || group.stream().anyMatch(t -> t.lemma().equalsIgnoreCase("go") && t.pos().equals("VBG"))
                && next.equals("to")) {
            return Relation.FUTURE;
        }
        return Relation.PRESENT;
    }

    /** A form of "have" followed by a past participle: "has met", "had been expected", "have been searching". */
    private static boolean perfect(List<Token> group) {
        boolean have = false;
        for (Token t : group) {
            if (t.lemma().equalsIgnoreCase("have") && t.pos().startsWith("V")) {
                have = true;
            } else if (have && t.pos().equals("VBN")) {
                return true;
            }
        }
        return false;
    }

    /** Looking left from a time expression, a relative pronoun or "that" opens the clause it stands in. */
    private static boolean endsClause(Token t) {
        return CLAUSE_ENDS.contains(t.word()) || t.pos().matches("WDT|WP|WRB") || t.word().equalsIgnoreCase("that");
    }

    private static boolean isVerb(Token t) {
        return t.pos().startsWith("VB") || t.pos().equals("MD");
    }

    private static boolean inGroup(Token t) {
        return isVerb(t) || t.pos().equals("RB") || t.word().equalsIgnoreCase("not") || t.word().equals("n't");
    }
}
