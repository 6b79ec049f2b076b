package org.storylens.analyse;

/**
 * A quote together with where its attribution names the speaker, for evaluation against gold attributions.
 *
 * @param quote       the quote
 * @param speakerSpan where the attribution names the speaker as written ("he", "Psaki", "a source"), or null when the
 *                    speaker was carried over from an earlier quote or not found
 */
public record AttributedQuote(Quote quote, Span speakerSpan) {
}
