package org.storylens.brief;

import org.storylens.analyse.EntityMention;
import org.storylens.analyse.Token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds assertions that a party denies: a clause whose first stance verb is one of denial ("Russia denies this",
 * "rejected the claims", "dismissed the report as ...", "has no plans to ...") set against a clause of another holder
 * that asserts the denied matter ("Washington accuses Russia of planning an invasion"). The two match when the holders
 * differ, the denier is a participant of the assertion (or they share a named participant), and either the denial
 * points back at the assertion ("denies this", "this allegation": the clause or sentence before it in its article),
 * or both share a content word of the matter (by lemma, or by stem: "invade" and "invasion"), or the assertion is an
 * accusation of the denier that the denial follows within {@link #ANSWER_DISTANCE} sentences of its article. Names
 * compare by their last word, lowercased, a demonym matching its country by shared stem ("Russian", "Russia").
 * Linguistic rules only; stateless and thread-safe.
 */
final class DenialFinder {

    /** A denial answers an accusation in the same article at most this many sentences later. */
    static final int ANSWER_DISTANCE = 2;

    private static final Set<String> DENYING = Set.of("deny", "reject", "dismiss", "refute", "rebut", "disavow",
            "repudiate");
    /** Denial verbs that also have another sense ("dismissed the director"): a denial only with "as" after them. */
    private static final Set<String> DENYING_WITH_AS = Set.of("dismiss");
    private static final Set<String> ACCUSING = Set.of("accuse", "blame", "charge", "allege", "suspect");
    private static final Set<String> ASSERTING = Set.of("say", "claim", "assert", "insist", "warn", "maintain",
            "argue", "state", "report", "believe", "suggest", "contend", "tell");
    /** Nouns that, after "no", deny an intention: "has no plans to", "no intention of". */
    /**
     * Requests and offers: rejecting one ("rejected calls by opposition leaders", the verb's {@link ClaimFinder#object
     * object}) is a refusal, not a denial.
     */
    private static final Set<String> REQUESTS = Set.of("call", "demand", "request", "offer", "proposal", "plea",
            "bid", "appeal", "motion", "plan", "idea", "suggestion", "invitation", "application", "ultimatum",
            "deal", "settlement", "compromise", "resignation");
    private static final Set<String> INTENTIONS = Set.of("plan", "intention", "intent");
    /** Words that point back at what was said before: "denies this", "rejected the allegation". */
    private static final Set<String> ANAPHORS = Set.of("this", "that", "it", "these", "those", "allegation",
            "allegations", "accusation", "accusations", "claim", "claims", "charge", "charges", "report", "reports",
            "suggestion", "suggestions", "assertion", "assertions");
    private static final Set<String> NEGATIONS = Set.of("not", "n't", "never");
    /** Content words too general to carry a matter on their own. */
    private static final Set<String> GENERAL = Set.of("be", "have", "do", "say", "make", "take", "get", "go", "also",
            "repeatedly", "firmly", "week", "weeks", "day", "days", "time", "year", "years", "side", "part",
            "allegation", "accusation", "claim", "charge", "report", "any");

    /** A clause's stance: who holds it, and what it is about. */
    record Stance(Statement statement, int clause, boolean denial, boolean accusation, Set<String> holders,
                  List<String> holderNames, Set<String> participants, Set<String> content, boolean pointsBack) {
    }

    /** An assertion and a denial of it. */
    record Pair(Stance assertion, Stance denial) {
    }

    private DenialFinder() {
    }

    /** The assertion-denial pairs among a story's statements. */
    static List<Pair> pairs(List<Statement> statements) {
        List<Stance> stances = new ArrayList<>();
        statements.forEach(s -> stances.addAll(stances(s)));
        List<Pair> pairs = new ArrayList<>();
        for (Stance d : stances) {
            if (!d.denial()) {
                continue;
            }
            for (Stance a : stances) {
                if (!a.denial() && matches(a, d, statements)) {
                    pairs.add(new Pair(a, d));
                }
            }
        }
        return pairs;
    }

    private static boolean matches(Stance a, Stance d, List<Statement> statements) {
        // an accusation may name no accuser ("a man has been charged with arson"): the accused's denial answers it
        if (a.holders().isEmpty() && !a.accusation() || d.holders().isEmpty() || overlaps(a.holders(), d.holders())) {
            return false;
        }
        boolean participant = overlaps(d.holders(), a.participants()) || overlaps(d.participants(), a.participants());
        if (!participant) {
            return false;
        }
        Statement as = a.statement();
        Statement ds = d.statement();
        boolean sameArticle = as.articleOrder() == ds.articleOrder();
        int distance = ds.sentence().index() - as.sentence().index();
        if (d.pointsBack() && sameArticle && (as == ds && a.clause() == d.clause() - 1
                || distance == 1 && precedes(as, ds, statements))) {
            return true;
        }
        if (sharesMatter(a.content(), d.content())) {
            return true;
        }
        return a.accusation() && sameArticle && distance >= 0 && distance <= ANSWER_DISTANCE
                && (distance > 0 || a.clause() < d.clause())
                && overlaps(d.holders(), a.participants());
    }

    /** Whether {@code before} is the statement just before {@code after} in their article. */
    private static boolean precedes(Statement before, Statement after, List<Statement> statements) {
        return statements.stream().noneMatch(s -> s.articleOrder() == after.articleOrder()
                && s.sentence().index() > before.sentence().index() && s.sentence().index() < after.sentence().index());
    }

    /** The stances of a statement: the first stance verb of each clause that has one. */
    static List<Stance> stances(Statement s) {
        List<Token> tokens = s.tokens();
        List<Stance> found = new ArrayList<>();
        int clauseStart = 0;
        int clause = 0;
        Stance previous = new Stance(s, -1, false, false, Set.of(), List.of(), Set.of(), Set.of(), false);
        for (int i = 0; i <= tokens.size(); i++) {
            if (i < tokens.size() && !boundary(tokens, i)) {
                continue;
            }
            Stance st = clauseStart < i ? stance(s, clause, clauseStart, i, previous) : null;
            if (st != null) {
                found.add(st);
                previous = st;
            }
            clause++;
            clauseStart = i + 1;
        }
        return found;
    }

    /**
     * A clause ends at ";", at a colon ("Waitrose Wellington fire: Man denies arson", a headline run into the text), or
     * at a comma before "and", "but", "while", "whereas", "however", "although".
     */
    private static boolean boundary(List<Token> tokens, int i) {
        String w = tokens.get(i).word();
        if (w.equals(";") || w.equals(":")) {
            return true;
        }
        if (!w.equals(",") || i + 1 >= tokens.size()) {
            return false;
        }
        String next = tokens.get(i + 1).word().toLowerCase(Locale.ROOT);
        return Set.of("and", "but", "while", "whereas", "however", "although", "though").contains(next);
    }

    private static Stance stance(Statement s, int clause, int from, int to, Stance previousHolders) {
        List<Token> tokens = s.tokens();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            String lemma = lemma(t);
            boolean verb = t.pos().startsWith("VB");
            boolean negated = negatedAt(tokens, from, i);
            boolean denial = verb && !negated && DENYING.contains(lemma)
                    && (!DENYING_WITH_AS.contains(lemma) || hasWord(tokens, i + 1, to, "as"))
                    && ClaimFinder.object(tokens, i).stream().noneMatch(REQUESTS::contains);
            boolean noIntention = word(t).equals("no") && i + 1 < to && INTENTIONS.contains(lemma(tokens.get(i + 1)));
            boolean asserting = verb && !negated && (ASSERTING.contains(lemma) || ACCUSING.contains(lemma));
            if (!denial && !noIntention && !asserting) {
                continue;
            }
            int objectFrom = noIntention ? i + 2 : i + 1;
            int objectTo = denial || noIntention ? objectEnd(tokens, objectFrom, to) : to;
            int holderFrom = tokens.get(from).span().start();
            Set<String> holders = names(s, holderFrom, t.span().start());
            List<String> holderNames = written(s, holderFrom, t.span().start());
            if (holders.isEmpty()) {
                // an unnamed holder: the common noun phrase just before the verb ("the national federation")
                String subject = subject(tokens, from, i);
                if (subject != null) {
                    holders = Set.of(subject.substring(subject.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT));
                    holderNames = List.of(subject);
                }
            }
            if (holders.isEmpty() && from > 0 && startsWithConjunction(tokens, from)) {
                holders = previousHolders.holders();
                holderNames = previousHolders.holderNames();
            }
            if (asserting && hasDenialAfter(tokens, i + 1, to)) {
                return null;
            }
            Set<String> participants = objectTo > objectFrom
                    ? names(s, t.span().end(), tokens.get(objectTo - 1).span().end()) : Set.of();
            if (asserting && ACCUSING.contains(lemma) && passive(tokens, from, i)) {
                // "Robert Pitman is accused of ...", "a man has been charged ...": the subject is the accused; who
                // accuses is the agent after "by", or no one named
                participants = holders;
                int by = wordAt(tokens, i + 1, to, "by");
                holders = by < 0 ? Set.of() : names(s, tokens.get(by).span().end(), tokens.get(to - 1).span().end());
                holderNames = by < 0 ? List.of()
                        : written(s, tokens.get(by).span().end(), tokens.get(to - 1).span().end());
            }
            Set<String> content = content(tokens, objectFrom, objectTo);
            boolean pointsBack = (denial || noIntention) && pointsBack(tokens, objectFrom, objectTo);
            boolean accusation = !denial && !noIntention && accuses(tokens, i, to);
            return new Stance(s, clause, denial || noIntention, accusation, holders, holderNames, participants,
                    content, pointsBack);
        }
        return null;
    }

    /** Whether the participle at {@code verb} is passive: a form of "be" just before it ("is accused", "has been charged"). */
    private static boolean passive(List<Token> tokens, int from, int verb) {
        if (!tokens.get(verb).pos().equals("VBN")) {
            return false;
        }
        for (int k = verb - 1; k >= Math.max(from, verb - 3); k--) {
            if (lemma(tokens.get(k)).equals("be")) {
                return true;
            }
            if (!tokens.get(k).pos().startsWith("RB") && !tokens.get(k).pos().startsWith("VB")) {
                return false;
            }
        }
        return false;
    }

    /** The index of the first token from {@code from} to {@code to} that is this word, or -1. */
    private static int wordAt(List<Token> tokens, int from, int to, String word) {
        for (int k = from; k < to; k++) {
            if (word(tokens.get(k)).equals(word)) {
                return k;
            }
        }
        return -1;
    }

    /** Whether an accusing verb stands in the clause from {@code from} on: "say ... and accuse Russia of ...". */
    private static boolean accuses(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).pos().startsWith("VB") && ACCUSING.contains(lemma(tokens.get(k)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The noun phrase ending just before a verb (auxiliaries and adverbs between them skipped), without its
     * determiner: "the national federation" in "The national federation has accused ...", or null when the verb
     * follows no noun (a pronoun, a clause).
     */
    private static String subject(List<Token> tokens, int from, int verb) {
        int end = verb;
        while (end > from && (tokens.get(end - 1).pos().startsWith("RB") || tokens.get(end - 1).pos().equals("MD")
                || tokens.get(end - 1).pos().startsWith("VB"))) {
            end--;
        }
        int start = end;
        while (start > from && (tokens.get(start - 1).pos().startsWith("NN") || tokens.get(start - 1).pos().startsWith("JJ"))) {
            start--;
        }
        if (start == end || !tokens.get(end - 1).pos().startsWith("NN")) {
            return null;
        }
        StringBuilder words = new StringBuilder();
        for (int k = start; k < end; k++) {
            words.append(k > start ? " " : "").append(tokens.get(k).word());
        }
        return words.toString();
    }

    /** The names within {@code [from, to)} of the text as written, in order. */
    private static List<String> written(Statement s, int from, int to) {
        List<String> names = new ArrayList<>();
        for (EntityMention e : s.entities()) {
            if (e.span().start() >= from && e.span().end() <= to && !names.contains(e.text())) {
                names.add(e.text());
            }
        }
        return names;
    }

    private static boolean startsWithConjunction(List<Token> tokens, int from) {
        String w = word(tokens.get(from));
        return w.equals("and") || w.equals("but");
    }

    /** The object of a denial ends at a comma, or at "and"/"but" before a verb (a second predicate). */
    private static int objectEnd(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = word(tokens.get(k));
            if (w.equals(",") || (w.equals("and") || w.equals("but")) && k + 1 < to
                    && tokens.get(k + 1).pos().startsWith("VB")) {
                return k;
            }
        }
        return to;
    }

    /** The object opens with a word pointing back ("this", "the allegation") and names no matter of its own. */
    private static boolean pointsBack(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            String w = word(t);
            if (ANAPHORS.contains(w)) {
                return true;
            }
            if (!t.pos().equals("DT") && !t.pos().startsWith("JJ") && !t.pos().startsWith("RB")
                    && !t.pos().equals("PRP$")) {
                return false;
            }
        }
        return false;
    }

    private static boolean hasDenialAfter(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).pos().startsWith("VB") && DENYING.contains(lemma(tokens.get(k)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean negatedAt(List<Token> tokens, int from, int verb) {
        for (int k = Math.max(from, verb - 3); k < verb; k++) {
            if (NEGATIONS.contains(word(tokens.get(k)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWord(List<Token> tokens, int from, int to, String word) {
        return wordAt(tokens, from, to, word) >= 0;
    }

    /** Content lemmas of a token range that are not names: what the matter is. */
    private static Set<String> content(List<Token> tokens, int from, int to) {
        Set<String> words = new LinkedHashSet<>();
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (SupportCheck.isContent(t) && !t.pos().startsWith("NNP") && !GENERAL.contains(lemma(t))
                    && !ASSERTING.contains(lemma(t)) && !ACCUSING.contains(lemma(t))) {
                words.add(lemma(t));
            }
        }
        return words;
    }

    /** The last words of the names that lie within {@code [from, to)} of the text, lowercased. */
    private static Set<String> names(Statement s, int from, int to) {
        Set<String> names = new LinkedHashSet<>();
        for (EntityMention e : s.entities()) {
            if (e.span().start() >= from && e.span().end() <= to) {
                String[] words = e.text().toLowerCase(Locale.ROOT).split("\\s+");
                names.add(words[words.length - 1].replaceAll("['’]s$", ""));
            }
        }
        return names;
    }

    static boolean overlaps(Set<String> a, Set<String> b) {
        for (String x : a) {
            for (String y : b) {
                if (sameName(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Equal, or a name and its demonym: the longer starts with the shorter, less a closing vowel ("Russia"/"Russian",
     * "Iraq"/"Iraqi"; not "Iran"/"Iraqi").
     */
    static boolean sameName(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() < 4 || longer.length() == shorter.length() || longer.length() - shorter.length() > 3) {
            return false;
        }
        boolean vowelEnd = "aeiouy".indexOf(shorter.charAt(shorter.length() - 1)) >= 0;
        return longer.startsWith(vowelEnd ? shorter.substring(0, shorter.length() - 1) : shorter);
    }

    /** Two matters share a content word by lemma, or by a stem of four letters or more that is most of the shorter. */
    static boolean sharesMatter(Set<String> a, Set<String> b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y) || sameStem(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameStem(String x, String y) {
        int common = 0;
        while (common < Math.min(x.length(), y.length()) && x.charAt(common) == y.charAt(common)) {
            common++;
        }
        return common >= 4 && common * 10 >= Math.min(x.length(), y.length()) * 6;
    }

    private static String word(Token t) {
        return t.word().toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    private static String lemma(Token t) {
        return (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
    }
}
