package org.storylens.clean;

/**
 * A piece of text the cleaner took out of an article, and the rule that took it.
 *
 * @param text     the removed text, as it stood
 * @param category what it was: {@code app-promo}, {@code teaser}, {@code byline}, {@code dateline}, ...
 */
public record RemovedLine(String text, String category) {
}
