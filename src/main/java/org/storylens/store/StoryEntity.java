package org.storylens.store;

/**
 * A person, organisation or place named in a story's articles. Immutable.
 *
 * @param storyId  the story
 * @param name     the name as first found (case aside, one per story)
 * @param type     PERSON, ORGANIZATION or LOCATION
 * @param articles how many of the story's articles name it
 */
public record StoryEntity(String storyId, String name, String type, int articles) {
}
