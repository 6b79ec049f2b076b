package org.storylens.analyse;

/**
 * A quote together with where its attribution names the speaker, for evaluation against gold attributions.
 *
 * @param quote       the quote
 * @param speakerSpan where the attribution names the speaker as written ("he", "Psaki", "a source"); for a quote that
 *                    goes on from an earlier one, where that one's attribution names it; null when no speaker was found
 */
public record AttributedQuote(Quote quote, Span speakerSpan) {
}
