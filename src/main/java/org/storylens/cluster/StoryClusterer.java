package org.storylens.cluster;

import java.util.List;

/**
 * The entry point of the cluster stage: assigns articles, one at a time and in time order, to stories, joining an
 * open story or opening a new one, never revisiting earlier decisions. Feeding the same articles in the same order
 * gives the same stories. Implementations are not thread-safe: one stream, one caller.
 */
public interface StoryClusterer {

    /** Assigns an arriving article to a story. */
    StoryAssignment assign(ArticleFeatures article);

    /**
     * Places an article in the story a stored assignment names, whatever the scores say (opening the story when it is
     * new), so that a clusterer state lost or unreadable can be rebuilt by replaying the assignments in the order they
     * were made. A closed story takes the article without growing again.
     */
    StoryAssignment replay(ArticleFeatures article, String storyId);

    /** Every story so far, in the order they were opened. */
    List<Story> stories();

    /** The clusterer's whole state, for persisting and {@code restore}-ing later. */
    ClusterSnapshot snapshot();
}
