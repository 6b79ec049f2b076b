package org.storylens.analyse;

import java.util.ArrayList;
import java.util.List;

/**
 * Credits a figure that stands inside a quote, and has no source named in its own sentence, to the quote's speaker:
 * in {@code "The plan involves 100 battalions," an official told the paper.} the 100 battalions are the official's.
 * Thread-safe.
 */
public final class QuotedFigures {

    public List<NumberMention> attribute(List<NumberMention> numbers, List<Quote> quotes) {
        List<NumberMention> out = new ArrayList<>(numbers.size());
        for (NumberMention n : numbers) {
            String speaker = n.attributedTo() != null ? null : speakerAround(n.span(), quotes);
            out.add(speaker == null ? n : new NumberMention(n.text(), n.span(), n.sentence(), n.value(), n.qualifier(),
                    n.unit(), speaker));
        }
        return out;
    }

    private static String speakerAround(Span figure, List<Quote> quotes) {
        for (Quote q : quotes) {
            if (q.speaker() != null && q.span().contains(figure)) {
                return q.speaker();
            }
        }
        return null;
    }
}
