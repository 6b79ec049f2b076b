package org.storylens.analyse;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds whom a sentence credits with a figure: "according to X" (or "according to a first estimate by X"), the
 * subject of a reporting verb before the figure ("Ukrainian officials have estimated ...", "the US "Washington Post"
 * reported that ...", "the town council puts the number at ..."), or a closing {@code , X said.}. Only a named
 * person or organisation, or a noun for people or a body that speaks ("officials", "police", "the town council"),
 * is a source: a pronoun ("He") or another common noun ("damage", "first estimate") is none. Names are preferred to
 * the words around them; a leading article is dropped.
 */
final class FigureSource {

    /** Verbs by which a subject gives a figure without reporting speech: "puts the number at", "figures show that". */
    private static final Set<String> FIGURE_VERBS = Set.of("put", "estimate", "count", "record", "register",
            "show", "give", "tally", "report", "quote");
    /** Nouns a figure may be credited to although they name no one: people and bodies that speak. */
    private static final Set<String> SPEAKING_NOUNS = Set.of("official", "officials", "police", "authorities",
            "authority", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "council", "services",
            "service", "ministry", "government", "agency", "directorate", "department", "office", "company",
            "operator", "investigators", "prosecutors", "prosecutor", "witnesses", "witness", "officers", "officer",
            "media", "television", "tv", "radio", "center", "centre", "governor", "mayor", "minister", "chief",
            "spokespeople", "experts", "analysts", "doctors", "rescuers", "organizers", "organisers", "residents",
            "survey", "commission", "committee", "institute", "army", "military", "coroner", "hospital", "firm",
            "administration", "embassy", "newspaper", "paper", "daily", "agencies", "staff", "team", "board");
    /** Nouns for what reports a figure, whose author follows "by" or "from": "a first estimate by the council". */
    private static final Set<String> REPORT_NOUNS = Set.of("estimate", "estimates", "figures", "figure", "report",
            "reports", "data", "count", "tally", "statement", "survey", "statistics");

    private static final int ASIDE_REACH = 15;

    private FigureSource() {
    }

    /** The source named in the sentence for the figure at token {@code figure}, or null. */
    static String of(String text, List<Token> tokens, int figure) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).word().equalsIgnoreCase("according") && tokens.get(i + 1).word().equalsIgnoreCase("to")) {
                NounPhrases.Range r = NounPhrases.after(tokens, i + 2);
                if (r != null) {
                    return author(text, tokens, r);
                }
            }
        }
        for (int v = figure - 1; v >= 0; v--) {
            Token verb = tokens.get(v);
            if ((SpeechVerbs.isSpeechVerb(verb) || isFigureVerb(verb)) && !verb.pos().equals("VBG")) {
                String beforeAside = nameBeforeAside(text, tokens, v);
                if (beforeAside != null) {
                    return beforeAside;
                }
                NounPhrases.Range r = NounPhrases.before(tokens, v);
                if (r == null) {
                    continue;
                }
                String named = name(text, tokens, r);
                if (named != null || tokens.get(r.end() - 1).pos().equals("PRP")) {
                    return named; // "he said": no source named; "a document showed": the reporter may be further back
                }
            }
        }
        for (int k = tokens.size() - 2; k > figure; k--) {
            if (tokens.get(k).word().equals(",")) {
                NounPhrases.Range r = NounPhrases.after(tokens, k + 1);
                int verb = r == null ? -1 : r.end();
                while (verb >= 0 && verb < tokens.size() && Set.of("were", "was", "is", "are", "have", "has", "had",
                        "also").contains(tokens.get(verb).word().toLowerCase(Locale.ROOT))) {
                    verb++;
                }
                if (r != null && verb < tokens.size()
                        && (SpeechVerbs.isSpeechVerb(tokens.get(verb)) || isFigureVerb(tokens.get(verb)))) {
                    return name(text, tokens, r);
                }
                break;
            }
        }
        return null;
    }

    /** "Veldan Hydro, the state company that operates the dam, said": the name before an aside closed by a comma. */
    private static String nameBeforeAside(String text, List<Token> tokens, int verb) {
        if (verb < 2 || !tokens.get(verb - 1).word().equals(",")) {
            return null;
        }
        for (int c = verb - 2; c > 0 && verb - c <= ASIDE_REACH; c--) {
            if (tokens.get(c).word().equals(",")) {
                Token named = tokens.get(c - 1);
                if (!named.ner().equals("ORGANIZATION") && !named.ner().equals("PERSON")) {
                    return null;
                }
                int start = c - 1;
                while (start > 0 && tokens.get(start - 1).ner().equals(named.ner())) {
                    start--;
                }
                return text.substring(tokens.get(start).span().start(), named.span().end());
            }
        }
        return null;
    }

    private static boolean isFigureVerb(Token t) {
        return t.pos().startsWith("VB") && FIGURE_VERBS.contains(lemma(t));
    }

    /** "according to a first estimate by the town council": the author of the report rather than the report. */
    private static String author(String text, List<Token> tokens, NounPhrases.Range r) {
        String named = name(text, tokens, r);
        if (named != null || r.end() + 1 >= tokens.size() || !REPORT_NOUNS.contains(lower(tokens.get(r.end() - 1)))) {
            return named;
        }
        String link = lower(tokens.get(r.end()));
        if (link.equals("by") || link.equals("from") || link.equals("of")) {
            NounPhrases.Range by = NounPhrases.after(tokens, r.end() + 1);
            return by == null ? null : name(text, tokens, by);
        }
        return null;
    }

    private static String name(String text, List<Token> tokens, NounPhrases.Range r) {
        int last = -1;
        for (int i = r.end() - 1; i >= r.start(); i--) {
            String ner = tokens.get(i).ner();
            if (ner.equals("ORGANIZATION") || ner.equals("PERSON")) {
                last = i;
                break;
            }
        }
        int start = r.start();
        int end = r.end();
        if (last >= 0) {
            String ner = tokens.get(last).ner();
            start = last;
            while (start > r.start() && tokens.get(start - 1).ner().equals(ner)) {
                start--;
            }
            end = last + 1;
        } else if (!SPEAKING_NOUNS.contains(lower(tokens.get(end - 1))) && !speakerOfSomething(tokens, r)) {
            return null; // a pronoun or a common noun that speaks for no one: "He", "damage", "first estimate"
        } else if (SPEAKING_NOUNS.contains(lower(tokens.get(end - 1)))
                && (tokens.subList(start, end - 1).stream().anyMatch(t -> t.pos().startsWith("VB"))
                || end - 1 > start && startsSentence(tokens.get(end - 1), tokens.get(end - 2)))) {
            start = end - 1; // two sentences run together: "taken to hospital in traumatic arrest Police say" -> Police
        }
        while (start < end && (tokens.get(start).pos().equals("DT") || NounPhrases.isQuoteMark(tokens.get(start)))) {
            start++;
        }
        while (end > start && NounPhrases.isQuoteMark(tokens.get(end - 1))) {
            end--;
        }
        if (start >= end || end - start == 1 && tokens.get(start).pos().equals("PRP")) {
            return null;
        }
        return text.substring(tokens.get(start).span().start(), tokens.get(end - 1).span().end());
    }

    /**
     * "in traumatic arrest Police say": a capitalised common noun right after a word in lower case opens a sentence the
     * text ran into the one before.
     */
    private static boolean startsSentence(Token noun, Token before) {
        String w = noun.word();
        String b = before.word();
        return Character.isUpperCase(w.charAt(0)) && !w.equals(w.toUpperCase(java.util.Locale.ROOT))
                && !b.isEmpty() && Character.isLowerCase(b.charAt(0));
    }

    /** "the governor of Qeshm island", "a spokesman for the army": a speaking noun before "of" or "for". */
    private static boolean speakerOfSomething(List<Token> tokens, NounPhrases.Range r) {
        for (int i = r.start(); i + 1 < r.end(); i++) {
            String next = lower(tokens.get(i + 1));
            if (SPEAKING_NOUNS.contains(lower(tokens.get(i))) && (next.equals("of") || next.equals("for"))) {
                return true;
            }
        }
        return false;
    }

    private static String lower(Token t) {
        return t.word().toLowerCase(Locale.ROOT);
    }

    private static String lemma(Token t) {
        return (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
    }
}
