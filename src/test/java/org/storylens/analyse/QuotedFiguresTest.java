package org.storylens.analyse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedFiguresTest {

    private static final String TEXT = "\"The convoy carries 40 tonnes of flour,\" a UN official told reporters. "
            + "The ministry said 12 trucks had crossed.";

    private static NumberMention figure(String number, String credited) {
        int at = TEXT.indexOf(number);
        return new NumberMention(TEXT, new Span(at, at + number.length()), 0, Double.parseDouble(number), null,
                "tonnes", credited);
    }

    @Test
    void creditsAFigureInsideAQuoteToTheQuotesSpeaker() {
        Quote quote = new Quote("The convoy carries 40 tonnes of flour,", new Span(1, 39), 0, "a UN official", true);

        List<NumberMention> credited = new QuotedFigures().attribute(List.of(figure("40", null)), List.of(quote));

        assertThat(credited).singleElement().satisfies(n -> assertThat(n.attributedTo()).isEqualTo("a UN official"));
    }

    @Test
    void leavesFiguresOutsideQuotesAndFiguresWithTheirOwnSourceAlone() {
        Quote quote = new Quote("The convoy carries 40 tonnes of flour,", new Span(1, 39), 0, "a UN official", true);

        List<NumberMention> credited = new QuotedFigures().attribute(
                List.of(figure("12", null), figure("40", "the convoy's manifest")), List.of(quote));

        assertThat(credited).extracting(NumberMention::attributedTo).containsExactly(null, "the convoy's manifest");
    }
}
