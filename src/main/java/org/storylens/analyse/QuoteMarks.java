package org.storylens.analyse;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds stretches of text between quotation marks, working on characters alone. Pairs “…” "…" «…» ‘…’ within a
 * paragraph, and repairs the broken marks machine translation leaves: a closing mark written as an opening one after a
 * comma ({@code prepared, “Ushakov noted}), a closing mark whose opening was lost, and a quote cut in two by a
 * mis-rendered inner quote ({@code “This question is“ with a beard. ”Both ...}).
 */
final class QuoteMarks {

    /** A quoted stretch: {@code inner} without the marks, {@code outer} with them (as far as they exist). */
    record Quoted(Span inner, Span outer) {
    }

    private static final String DOUBLE = "“”„\"«»";
    private static final int MAX_MERGE_GAP_WORDS = 6;

    private QuoteMarks() {
    }

    static List<Quoted> find(String text) {
        List<Quoted> all = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            all.addAll(inParagraph(text, start, end));
            start = end + 1;
        }
        all.sort((a, b) -> Integer.compare(a.outer().start(), b.outer().start()));
        return all;
    }

    private static List<Quoted> inParagraph(String text, int from, int to) {
        List<Quoted> doubles = mergeBroken(text, pairDoubles(text, from, to));
        List<Quoted> result = new ArrayList<>(doubles);
        for (Quoted single : pairSingles(text, from, to)) {
            if (doubles.stream().noneMatch(d -> d.outer().overlaps(single.outer()))) {
                result.add(single);
            }
        }
        return result;
    }

    private static List<Quoted> pairDoubles(String text, int from, int to) {
        List<Quoted> found = new ArrayList<>();
        int open = -1;
        int lastEnd = from;
        for (int i = from; i < to; i++) {
            if (DOUBLE.indexOf(text.charAt(i)) < 0) {
                continue;
            }
            if (open >= 0) {
                // quotes of one kind do not nest: inside a quote any double mark closes it
                found.add(quoted(text, open, i + 1));
                open = -1;
                lastEnd = i + 1;
            } else if (opensByPosition(text, i, from, to)) {
                open = i;
            } else if (closesAfterLostOpening(text, i, from)) {
                int begin = sentenceStartBefore(text, i, Math.max(from, lastEnd));
                if (begin < i) {
                    found.add(new Quoted(trim(text, begin, i), new Span(begin, i + 1)));
                }
                lastEnd = i + 1;
            } else {
                open = i;
            }
        }
        if (open >= 0 && to - open > 1) {
            // an opening mark never closed: the quote runs to the end of the paragraph
            found.add(quoted(text, open, to));
        }
        return found;
    }

    /** Joins {@code “This question is“ with a beard. ”Both ...”}: a sentence-opening quote that stops mid-clause. */
    private static List<Quoted> mergeBroken(String text, List<Quoted> quotes) {
        List<Quoted> merged = new ArrayList<>();
        for (Quoted q : quotes) {
            if (!merged.isEmpty()) {
                Quoted last = merged.get(merged.size() - 1);
                if (brokenPair(text, last, q)) {
                    merged.set(merged.size() - 1, new Quoted(new Span(last.inner().start(), q.inner().end()),
                            new Span(last.outer().start(), q.outer().end())));
                    continue;
                }
            }
            merged.add(q);
        }
        return merged;
    }

    private static boolean brokenPair(String text, Quoted first, Quoted second) {
        String inner = text.substring(first.inner().start(), first.inner().end());
        if (inner.isEmpty() || ",.?!…:;".indexOf(inner.charAt(inner.length() - 1)) >= 0) {
            return false;
        }
        String gap = text.substring(first.outer().end(), second.outer().start()).trim();
        if (gap.isEmpty() || !Character.isLowerCase(gap.charAt(0))
                || gap.split("\\s+").length > MAX_MERGE_GAP_WORDS || SpeechVerbs.mentionsSpeech(gap)) {
            return false;
        }
        int before = previousNonSpace(text, first.outer().start());
        return before < 0 || ".?!:\n".indexOf(text.charAt(before)) >= 0;
    }

    private static List<Quoted> pairSingles(String text, int from, int to) {
        List<Quoted> found = new ArrayList<>();
        int open = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != '‘' && c != '’' && c != '\'') {
                continue;
            }
            boolean letterBefore = i > from && Character.isLetterOrDigit(text.charAt(i - 1));
            boolean letterAfter = i + 1 < to && Character.isLetterOrDigit(text.charAt(i + 1));
            if (letterBefore && letterAfter) {
                continue; // an apostrophe: Russia’s, They've
            }
            if (open < 0 && !letterBefore && letterAfter && c != '’') {
                open = i;
            } else if (open >= 0 && !letterAfter && c != '‘') {
                found.add(quoted(text, open, i + 1));
                open = -1;
            }
        }
        return found;
    }

    private static Quoted quoted(String text, int openMark, int end) {
        int innerEnd = end - 1 > openMark && isMark(text.charAt(end - 1)) ? end - 1 : end;
        return new Quoted(trim(text, openMark + 1, innerEnd), new Span(openMark, end));
    }

    private static boolean isMark(char c) {
        return DOUBLE.indexOf(c) >= 0 || c == '‘' || c == '’' || c == '\'';
    }

    /** Trims spaces and a trailing comma or dash: the quoted words, not the punctuation that joins them on. */
    private static Span trim(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || ",–—-".indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return new Span(start, end);
    }

    private static boolean opensByPosition(String text, int i, int from, int to) {
        boolean spaceBefore = i == from || Character.isWhitespace(text.charAt(i - 1)) || "([—–-:".indexOf(text.charAt(i - 1)) >= 0;
        boolean wordAfter = i + 1 < to && !Character.isWhitespace(text.charAt(i + 1));
        return spaceBefore && wordAfter;
    }

    private static boolean closesAfterLostOpening(String text, int i, int from) {
        int before = previousNonSpace(text, i);
        return before >= from && ".,?!…".indexOf(text.charAt(before)) >= 0;
    }

    private static int sentenceStartBefore(String text, int i, int floor) {
        int j = previousNonSpace(text, i) - 1; // skip the full stop that ends the quoted sentence itself
        while (j >= floor) {
            char c = text.charAt(j);
            if ((c == '.' || c == '?' || c == '!') && j + 1 < text.length() && Character.isWhitespace(text.charAt(j + 1))) {
                break;
            }
            j--;
        }
        int start = Math.max(j + 1, floor);
        while (start < i && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return start;
    }

    private static int previousNonSpace(String text, int i) {
        int j = i - 1;
        while (j >= 0 && text.charAt(j) == ' ') {
            j--;
        }
        return j;
    }
}
