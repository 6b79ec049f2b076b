package org.storylens.brief;

import org.storylens.analyse.Token;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One sentence that tells a first account and the later one that replaced it: "Officials initially reported that a
 * second deputy was shot, but authorities later said his injuries were not caused by gunfire." Read as two
 * statements, the earlier account and the later one, so the brief can show the later one as an update of the first
 * rather than state both as fact. Only the explicit form is read: a word of a first report ("initially",
 * "originally", "first", "earlier") with a verb of saying, then "but" or "however", then a word of a later report
 * ("later", "subsequently", "since", "now") with a verb of saying or finding. Stateless.
 */
final class CorrectedReport {

    /** The two accounts, each a statement of its own clause of the sentence. */
    record Accounts(Statement earlier, Statement later) {
    }

    private static final Set<String> FIRST = Set.of("initially", "originally", "first", "earlier", "previously");
    private static final Set<String> LATER = Set.of("later", "subsequently", "since", "now");
    private static final Set<String> SAYING = Set.of("report", "say", "state", "announce", "tell", "claim",
            "believe", "identify", "confirm", "determine", "find", "correct", "revise", "clarify", "conclude",
            "establish", "acknowledge", "admit", "add");
    private static final Set<String> TURNS = Set.of("but", "however");
    private static final int REACH = 3;

    private CorrectedReport() {
    }

    static Optional<Accounts> read(Statement s) {
        List<Token> tokens = s.tokens();
        int first = cue(tokens, 0, tokens.size(), FIRST);
        if (first < 0) {
            return Optional.empty();
        }
        for (int turn = first + 2; turn < tokens.size(); turn++) {
            if (!TURNS.contains(tokens.get(turn).word().toLowerCase(Locale.ROOT))) {
                continue;
            }
            int later = cue(tokens, turn + 1, Math.min(tokens.size(), turn + 9), LATER);
            if (later < 0) {
                return Optional.empty();
            }
            int end = turn;
            while (end > 0 && (tokens.get(end - 1).word().equals(",") || tokens.get(end - 1).word().equals(";"))) {
                end--;
            }
            Statement earlier = clause(s, 0, end);
            Statement then = clause(s, turn + 1, tokens.size());
            return earlier == null || then == null ? Optional.empty() : Optional.of(new Accounts(earlier, then));
        }
        return Optional.empty();
    }

    /** The first word of {@code words} in [from, to) with a verb of saying at most {@link #REACH} tokens after it. */
    private static int cue(List<Token> tokens, int from, int to, Set<String> words) {
        for (int i = from; i < to; i++) {
            if (!words.contains(tokens.get(i).word().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (int j = Math.max(0, i - 1); j <= Math.min(tokens.size() - 1, i + REACH); j++) {
                Token t = tokens.get(j);
                String lemma = (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
                if (j != i && t.pos().startsWith("VB") && SAYING.contains(lemma)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Tokens [from, to) of a statement as a statement of their own: its text as written, its first letter capital. */
    private static Statement clause(Statement s, int from, int to) {
        List<Token> tokens = s.tokens();
        if (to - from < 4) {
            return null; // too short to stand as an account
        }
        int base = s.sentence().span().start();
        String sentence = s.sentence().text();
        int start = tokens.get(from).span().start() - base;
        int end = tokens.get(to - 1).span().end() - base;
        if (sentence == null || start < 0 || end > sentence.length() || start >= end) {
            return null;
        }
        String text = sentence.substring(start, end).replaceAll("\\s+", " ").strip();
        if (!text.endsWith(".")) {
            text = text.replaceAll("[,;:]+$", "") + ".";
        }
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return new Statement(s.index(), s.article(), s.articleOrder(), s.sentence(), tokens.subList(from, to), text,
                s.contentWords());
    }
}
