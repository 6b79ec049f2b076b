package org.storylens.analyse;

import java.util.List;
import java.util.Locale;

/**
 * Finds whom a sentence credits with a figure: "according to X", the subject of a reporting verb before the figure
 * ("Ukrainian officials have estimated ...", "the US "Washington Post" reported that ..."), or a closing
 * {@code , X said.}. Names are preferred to the words around them; a leading article is dropped.
 */
final class FigureSource {

    private FigureSource() {
    }

    /** The source named in the sentence for the figure at token {@code figure}, or null. */
    static String of(String text, List<Token> tokens, int figure) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).word().equalsIgnoreCase("according") && tokens.get(i + 1).word().equalsIgnoreCase("to")) {
                NounPhrases.Range r = NounPhrases.after(tokens, i + 2);
                if (r != null) {
                    return name(text, tokens, r);
                }
            }
        }
        for (int v = figure - 1; v >= 0; v--) {
            if (SpeechVerbs.isSpeechVerb(tokens.get(v)) && !tokens.get(v).pos().equals("VBG")) {
                NounPhrases.Range r = NounPhrases.before(tokens, v);
                if (r != null) {
                    return name(text, tokens, r);
                }
            }
        }
        for (int k = tokens.size() - 2; k > figure; k--) {
            if (tokens.get(k).word().equals(",")) {
                NounPhrases.Range r = NounPhrases.after(tokens, k + 1);
                if (r != null && r.end() < tokens.size() && SpeechVerbs.isSpeechVerb(tokens.get(r.end()))) {
                    return name(text, tokens, r);
                }
                break;
            }
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
        }
        while (start < end && (tokens.get(start).pos().equals("DT") || NounPhrases.isQuoteMark(tokens.get(start)))) {
            start++;
        }
        while (end > start && NounPhrases.isQuoteMark(tokens.get(end - 1))) {
            end--;
        }
        if (start >= end) {
            return null;
        }
        String name = text.substring(tokens.get(start).span().start(), tokens.get(end - 1).span().end());
        return name.toLowerCase(Locale.ROOT).equals(name) && end - start == 1
                && tokens.get(start).pos().equals("PRP") ? null : name;
    }
}
