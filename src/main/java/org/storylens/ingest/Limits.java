package org.storylens.ingest;

import java.time.Duration;

/**
 * Every bound storylens puts on untrusted input, in one place. Article text, feeds and request bodies come from
 * anyone; each stage reads only as much of them as these numbers allow, and each limit that bites gives a warning or
 * an error naming the input. The README's "Limits" table lists them with what happens when one is reached.
 */
public final class Limits {

    /** A run of non-space characters longer than this is not a word: it is cut out of the text analysis reads. */
    public static final int MAX_TOKEN_CHARS = 200;

    /**
     * A sentence longer than this (in characters) is broken before analysis, so that no single sentence can make the
     * tagger's cost explode.
     */
    public static final int MAX_SENTENCE_CHARS = 2_000;

    /** Analysis reads at most this many characters of an article's text (the text itself is kept whole). */
    public static final int MAX_ANALYSED_CHARS = 60_000;

    /** The longest title kept; a longer one is cut (at a word boundary) with a warning. */
    public static final int MAX_TITLE_CHARS = 500;

    /**
     * Listings (the stories page, {@code /api/stories}) and page headings show at most this many characters of a
     * title, cut at a word with an ellipsis; the article's page and {@code /api/articles/{id}} keep it whole.
     */
    public static final int MAX_LISTED_TITLE_CHARS = 300;

    /** The longest outlet name kept; a longer one is dropped with a warning. */
    public static final int MAX_OUTLET_CHARS = 200;

    /** The longest language tag kept from an input's metadata; a longer one is dropped with a warning. */
    public static final int MAX_LANGUAGE_TAG_CHARS = 35;

    /**
     * The most untranslated fragments (runs in another script) listed for one article; the text keeps the others, a
     * warning tells of them.
     */
    public static final int MAX_FOREIGN_FRAGMENTS = 200;

    /** The longest URL kept; a longer one is dropped with a warning. */
    public static final int MAX_URL_CHARS = 2_048;

    /** The longest article text stored (characters); a longer text is refused with an error naming the input. */
    public static final int MAX_TEXT_CHARS = 2_000_000;

    /** HTML nested deeper than this is flattened: elements below the depth are read as their text. */
    public static final int MAX_HTML_DEPTH = 256;

    /** The most bytes any compressed input (gzip file, gzip-encoded feed or page, WARC.gz record) may expand to. */
    public static final long MAX_DECOMPRESSED_BYTES = 64L << 20;

    /** How many redirects one fetch follows (each hop checked as the first: public address, robots.txt, delay). */
    public static final int MAX_REDIRECTS = 5;

    /** The most of a robots.txt read (RFC 9309 lets a crawler stop after 500 KiB); the rest is ignored. */
    public static final int MAX_ROBOTS_TXT_BYTES = 500 * 1024;

    /** The most new entries one feed contributes to one watch round; the rest wait for later rounds. */
    public static final int MAX_FEED_ENTRIES_PER_ROUND = 50;

    /** The most time one article's analysis may take before it is stored unanalysed with a warning. */
    public static final Duration ANALYSIS_BUDGET = Duration.ofSeconds(60);

    /**
     * The longest term the story clusterer keeps (a longer one is never made a feature, so never a key of its saved
     * state); the state is read back with limits above this and {@link #MAX_STATE_TERMS_PER_FIELD}.
     */
    public static final int MAX_STATE_TERM_CHARS = MAX_TOKEN_CHARS;

    /**
     * The largest file of a brief audit folder ({@code STORY.gold.json}, {@code STORY.jsonl}) that
     * {@code storylens eval brief} reads; a larger one makes its story unusable, with an error naming it.
     */
    public static final long MAX_AUDIT_FILE_BYTES = 64L << 20;

    /**
     * The most distinct terms one article gives the story clusterer per field (its most frequent ones): a text of a
     * million different words cannot grow the clusterer's saved state by a million keys.
     */
    public static final int MAX_STATE_TERMS_PER_FIELD = 1_000;

    private Limits() {
    }
}
