package org.storylens.analyse;

import java.util.List;

/**
 * Finds direct and reported statements in an annotated article by rules over its tokens and named entities: words in
 * quotation marks (with the broken marks of machine translation repaired), the dash-introduced quotes of translated
 * text ({@code – We have known ... – he told reporters.}), reported clauses ({@code Peskov said the call would ...}),
 * statements followed by a bare attribution ({@code ... White House spokeswoman Jen Psaki wrote in a statement.}) and
 * {@code according to X}. Speakers are named in their fullest form in the article; pronouns go to the last person who
 * spoke or acted. Stateless and thread-safe.
 */
public final class QuoteFinder {

    private final TitleWords titles;

    public QuoteFinder() {
        this(TitleWords.load());
    }

    QuoteFinder(TitleWords titles) {
        this.titles = titles;
    }

    public List<Quote> find(AnnotatedText annotated) {
        return findAttributed(annotated).stream().map(AttributedQuote::quote).toList();
    }

    /** The quotes with where each attribution names its speaker. */
    public List<AttributedQuote> findAttributed(AnnotatedText annotated) {
        return new QuoteReading(annotated, titles).read();
    }
}
