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

    /** The most new entries one feed contributes to one watch round; the rest wait for later rounds. */
    public static final int MAX_FEED_ENTRIES_PER_ROUND = 50;

    /** The most time one article's analysis may take before it is stored unanalysed with a warning. */
    public static final Duration ANALYSIS_BUDGET = Duration.ofSeconds(60);

    /**
     * The most terms (per field) and the longest term the story clusterer keeps in its saved state; state is read back
     * with limits above these.
     */
    public static final int MAX_STATE_TERM_CHARS = MAX_TOKEN_CHARS;

    private Limits() {
    }
}
