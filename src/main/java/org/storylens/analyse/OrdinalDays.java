package org.storylens.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds days of the month written without a month ("on the 7th", "on the 4th"), which SUTime does not mark: "the"
 * followed by a numeric ordinal up to 31 that is not itself followed by a noun, an adjective or "of" ("the 7th
 * Fleet", "the 4th largest", "the 4th of July" are not days of this month).
 */
final class OrdinalDays {

    private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(st|nd|rd|th)");

    /** Token ranges [first, last) of the days found in one sentence. */
    List<int[]> find(List<Token> sentence) {
        List<int[]> found = new ArrayList<>();
        for (int i = 1; i < sentence.size(); i++) {
            Token t = sentence.get(i);
            if (!ORDINAL.matcher(t.word()).matches() || Integer.parseInt(t.word().replaceAll("\\D", "")) > 31
                    || Integer.parseInt(t.word().replaceAll("\\D", "")) == 0
                    || !sentence.get(i - 1).word().equalsIgnoreCase("the")) {
                continue;
            }
            if (i + 1 < sentence.size()) {
                Token next = sentence.get(i + 1);
                if (next.pos().startsWith("NN") || next.pos().startsWith("JJ") || next.pos().equals("CD")
                        || next.word().equalsIgnoreCase("of")) {
                    continue;
                }
            }
            found.add(new int[]{i - 1, i + 1});
        }
        return found;
    }
}
