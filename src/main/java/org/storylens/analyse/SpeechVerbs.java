package org.storylens.analyse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The verbs that report speech or writing ("said", "told", "added", "wrote"), by lemma and as written. */
final class SpeechVerbs {

    private static final Set<String> LEMMAS = Set.of("say", "tell", "add", "write", "note", "stress", "state",
            "explain", "declare", "announce", "insist", "warn", "claim", "reply", "answer", "describe", "list", "sum",
            "argue", "respond", "recall", "conclude", "confirm", "emphasize", "emphasise", "report", "tweet", "assert",
            "acknowledge", "admit", "deny", "suggest", "predict", "promise", "remark", "continue", "ask", "urge",
            "believe", "think", "estimate", "reiterate", "underscore", "complain", "contend", "observe");

    /** Verbs after which a reported clause follows without "that" being needed for it to be speech. */
    private static final Set<String> REPORTING = Set.of("say", "tell", "add", "write", "note", "stress", "state",
            "explain", "declare", "announce", "insist", "warn", "claim", "reply", "argue", "respond", "recall",
            "conclude", "confirm", "emphasize", "emphasise", "report", "tweet", "assert", "acknowledge", "admit",
            "suggest", "predict", "promise", "remark", "believe", "think", "estimate", "reiterate", "contend");

    private static final Pattern WRITTEN = Pattern.compile("\\b(said|says|told|tells|added|adds|wrote|writes|noted|"
            + "stressed|stated|explained|declared|announced|insisted|warned|claimed|replied|answered|described|listed|"
            + "summed|argued|responded|recalled|concluded|confirmed|asked|according)\\b");

    /** Speech acts whose content may be a noun phrase: "called for tougher sanctions", "criticized the plan". */
    private static final Set<String> NOUN_CONTENT = Set.of("call", "cite", "criticize", "criticise", "question",
            "blast", "slam", "pledge", "propose", "demand", "urge", "accuse", "condemn", "praise", "vow", "dismiss",
            "defend", "reject", "deny", "attack", "mock", "decry", "applaud", "welcome", "announce", "promise");

    /** Verbs that attribute a clause only with an explicit "that": "a poll shows that ...", "all agreed that ...". */
    private static final Set<String> THAT_ONLY = Set.of("show", "agree", "find", "reveal", "indicate", "know",
            "conclude", "learn", "hope", "fear", "worry", "insist", "signal", "hint");

    /** Speech acts that say the opposite of their content: "denied any bellicose intentions". */
    private static final Set<String> DENYING = Set.of("deny", "reject", "dismiss", "refute", "rebut", "disavow",
            "dispute", "contradict");

    private SpeechVerbs() {
    }

    /** True for a verb that denies what it reports: the report keeps its verb or it inverts. */
    static boolean denies(Token t) {
        return t.pos().startsWith("VB") && DENYING.contains(t.lemma().toLowerCase(Locale.ROOT));
    }

    static boolean isSpeechVerb(Token t) {
        return t.pos().startsWith("VB") && LEMMAS.contains(t.lemma().toLowerCase(Locale.ROOT));
    }

    static boolean reportsClause(Token t) {
        return t.pos().startsWith("VB") && REPORTING.contains(t.lemma().toLowerCase(Locale.ROOT));
    }

    static boolean attributesThatClause(Token t) {
        return t.pos().startsWith("VB") && THAT_ONLY.contains(t.lemma().toLowerCase(Locale.ROOT));
    }

    static boolean takesNounContent(Token t) {
        return t.pos().startsWith("VB") && NOUN_CONTENT.contains(t.lemma().toLowerCase(Locale.ROOT));
    }

    static boolean takesObject(Token t) {
        String lemma = t.lemma().toLowerCase(Locale.ROOT);
        return lemma.equals("tell") || lemma.equals("ask") || lemma.equals("warn") || lemma.equals("urge");
    }

    /** True when a plain string has a speech verb in it. */
    static boolean mentionsSpeech(String s) {
        return WRITTEN.matcher(s.toLowerCase(Locale.ROOT)).find();
    }
}
