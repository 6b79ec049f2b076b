package org.storylens.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how the job keeps the briefs of grown stories current ({@link StoryBriefKeeper}).
 *
 * @param on   whether the job writes briefs at all (off for throughput runs: the server then writes them when asked)
 * @param quiet how long after a story's last new article its brief is written: one brief per quiet period
 */
public record BriefKeeping(boolean on, Duration quiet) {

    /** How long a story must be quiet before its brief is written, unless told otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    /** Briefs written {@link #DEFAULT_WAIT} after a story's last new article. */
    public static final BriefKeeping DEFAULT = new BriefKeeping(true, DEFAULT_WAIT);

    /** No briefs written by the job. */
    public static final BriefKeeping OFF = new BriefKeeping(false, DEFAULT_WAIT);

    public BriefKeeping {
        Objects.requireNonNull(quiet, "quiet");
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("the wait before a brief is written cannot be negative: " + quiet);
        }
    }

    /** Briefs written this long after a story's last new article. */
    public static BriefKeeping after(Duration wait) {
        return new BriefKeeping(true, wait);
    }
}
