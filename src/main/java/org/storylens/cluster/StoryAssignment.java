package org.storylens.cluster;

/**
 * Where one arriving article went.
 *
 * @param articleId the article
 * @param storyId   the story it joined or opened
 * @param opened    true when the article opened a new story
 * @param score     the similarity score to the story it joined (the best candidate's, when it opened one), or
 *                  negative infinity when there was no candidate
 * @param copyOf    the earlier article of the story it copies or translates, or null
 */
public record StoryAssignment(String articleId, String storyId, boolean opened, double score, String copyOf) {
}
