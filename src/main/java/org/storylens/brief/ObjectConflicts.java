package org.storylens.brief;

import org.apache.commons.text.similarity.LevenshteinDistance;

import org.storylens.analyse.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reports of one motion that give it two different things it struck or passed through: the same verb (a misspelling
 * of it too: "richocheted" is "ricocheted"), told of the same thing (a common noun: "a bullet that ricocheted", or
 * "one" standing for the plural noun before it: "spraying bullets ... and one ricocheted"), followed by the same
 * preposition of contact ("off", "into", "onto", "through", "against") and a single object each, of two different
 * nouns ("off a wall", "off a fence"), neither sentence naming the other's object. An act told twice with two things
 * it struck cannot be right both times, in one article or two. Verbs that say nothing of a single motion ("go",
 * "get", "put", "turn", ...) are not read. Stateless and thread-safe.
 */
final class ObjectConflicts {

    /** Prepositions after which a motion has one object: what it hit, entered or passed through. */
    private static final Set<String> CONTACT = Set.of("off", "into", "onto", "through", "against");
    /** Verbs too common or too loose for one motion: what follows them is often a state or a second event. */
    private static final Set<String> LOOSE_VERBS = Set.of("be", "have", "do", "go", "come", "get", "put", "take",
            "make", "turn", "look", "run", "move", "bring", "send", "break", "fall", "walk", "pull", "push",
            "change", "convert", "divide", "split", "translate", "grow", "develop", "enter", "launch", "tap",
            "step", "build", "set", "throw", "sink", "lock", "lead", "force", "head", "cut", "drive", "pour");
    private static final Set<String> AUXILIARIES = Set.of("be", "have", "do", "will", "would", "can", "could",
            "may", "might", "must", "shall", "should");
    /** Verbs this long are told apart from a misspelling by one letter at most. */
    private static final int MISSPELLING_LENGTH = 6;
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    /** A motion as one statement tells it: the verb, its subject's noun, the preposition and the object's noun. */
    private record Motion(Statement statement, String verb, String subject, String preposition, String object) {
    }

    private ObjectConflicts() {
    }

    /** The pairs of statements that give one motion two different objects. */
    static List<ConflictingStatements> conflicts(List<Statement> statements) {
        List<Motion> motions = new ArrayList<>();
        for (Statement s : statements) {
            motions.addAll(motions(s));
        }
        List<ConflictingStatements> out = new ArrayList<>();
        for (int i = 0; i < motions.size(); i++) {
            for (int j = i + 1; j < motions.size(); j++) {
                Motion a = motions.get(i);
                Motion b = motions.get(j);
                if (a.statement() != b.statement() && a.subject().equals(b.subject())
                        && a.preposition().equals(b.preposition()) && sameVerb(a.verb(), b.verb())
                        && !a.object().equals(b.object()) && !names(a.statement(), b.object())
                        && !names(b.statement(), a.object())) {
                    out.add(new ConflictingStatements(a.statement(), b.statement(),
                            a.verb() + " " + a.preposition() + " " + a.object() + " or " + b.object()));
                }
            }
        }
        return out;
    }

    private static List<Motion> motions(Statement s) {
        List<Motion> found = new ArrayList<>();
        List<Token> tokens = s.tokens();
        for (int v = 1; v + 2 < tokens.size(); v++) {
            Token verb = tokens.get(v);
            String lemma = lemma(verb);
            if (!verb.pos().startsWith("VB") || LOOSE_VERBS.contains(lemma) || AUXILIARIES.contains(lemma)
                    || !CONTACT.contains(word(tokens.get(v + 1)))) {
                continue;
            }
            String object = singleObject(tokens, v + 2);
            String subject = subject(tokens, v);
            if (object != null && subject != null) {
                found.add(new Motion(s, lemma, subject, word(tokens.get(v + 1)), object));
            }
        }
        return found;
    }

    /** The noun of a single object from {@code from}: a determiner, adjectives, nouns; not followed by another. */
    private static String singleObject(List<Token> tokens, int from) {
        int k = from;
        if (k < tokens.size() && (tokens.get(k).pos().equals("DT") || tokens.get(k).pos().equals("PRP$"))) {
            k++;
        }
        while (k < tokens.size() && tokens.get(k).pos().startsWith("JJ")) {
            k++;
        }
        String head = null;
        while (k < tokens.size() && (tokens.get(k).pos().equals("NN") || tokens.get(k).pos().equals("NNS"))) {
            head = lemma(tokens.get(k));
            k++;
        }
        if (head == null || k < tokens.size() && (tokens.get(k).pos().startsWith("NNP")
                || tokens.get(k).pos().equals("CC") || word(tokens.get(k)).equals("of")
                || tokens.get(k).pos().equals("POS"))) {
            return null; // "a wall and a fence", "a piece of the wall", "the Brooklyn ...": no single plain object
        }
        return head;
    }

    /**
     * The common noun the verb at {@code v} is told of: the noun before it (auxiliaries and adverbs between), the noun
     * a relative pronoun before it stands for ("a bullet that ricocheted"), or the plural noun "one" stands for
     * ("bullets ... and one ricocheted").
     */
    private static String subject(List<Token> tokens, int v) {
        int k = v - 1;
        while (k >= 0 && (tokens.get(k).pos().startsWith("RB") || tokens.get(k).pos().equals("MD")
                || tokens.get(k).pos().startsWith("VB") && AUXILIARIES.contains(lemma(tokens.get(k))))) {
            k--;
        }
        if (k < 0) {
            return null;
        }
        Token t = tokens.get(k);
        if ((t.pos().equals("WDT") || t.pos().equals("WP")) && k > 0) {
            Token antecedent = tokens.get(k - 1);
            return commonNoun(antecedent) ? lemma(antecedent) : null;
        }
        if (word(t).equals("one") && t.pos().equals("CD")) {
            for (int j = k - 1; j >= 0; j--) {
                if (tokens.get(j).pos().equals("NNS")) {
                    return lemma(tokens.get(j));
                }
            }
            return null;
        }
        return commonNoun(t) ? lemma(t) : null;
    }

    private static boolean commonNoun(Token t) {
        return (t.pos().equals("NN") || t.pos().equals("NNS")) && t.ner().equals("O");
    }

    /** Whether the statement uses the noun anywhere. */
    private static boolean names(Statement s, String noun) {
        return s.tokens().stream().anyMatch(t -> lemma(t).equals(noun));
    }

    /** One verb, or one misspelt by a letter: "richochet" and "ricochet". */
    static boolean sameVerb(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.min(a.length(), b.length()) < MISSPELLING_LENGTH || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        return ONE_EDIT.apply(a, b) >= 0; // -1 beyond one edit
    }

    private static String word(Token t) {
        return t.word().toLowerCase(Locale.ROOT);
    }

    private static String lemma(Token t) {
        return (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
    }
}
