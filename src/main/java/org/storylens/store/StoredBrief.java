package org.storylens.store;

import org.storylens.brief.ArticleFallbacks;
import org.storylens.brief.StoryBrief;
import org.storylens.cluster.Story;

import java.time.Instant;
import java.util.Objects;

/**
 * A story's brief as the store keeps it. Immutable.
 *
 * @param storyId   the story it briefs
 * @param articles  how many articles the story held when it was written (stories only grow, so this says which
 *                  articles it covers)
 * @param writtenAt when it was written
 * @param brief     the brief as the brief stage wrote it
 * @param names     what the pages call its articles without outlet or headline
 */
public record StoredBrief(String storyId, int articles, Instant writtenAt, StoryBrief brief, ArticleFallbacks names) {

    public StoredBrief {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(writtenAt, "writtenAt");
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(names, "names");
        if (articles < 1) {
            throw new IllegalArgumentException("a brief of story " + storyId + " covers at least one article, not "
                    + articles);
        }
    }

    /** Whether it briefs the story as it is now: the same story, every one of its articles. */
    public boolean isCurrentFor(Story story) {
        return story.id().equals(storyId) && story.size() == articles;
    }
}
