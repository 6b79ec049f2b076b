package org.storylens.pipeline;

/**
 * An input, or a record inside one, that could not be turned into an article.
 *
 * @param input  the file, URL or {@code file:line} / {@code file#record}
 * @param reason why, in words for the user
 */
public record Failure(String input, String reason) {

    @Override
    public String toString() {
        return input + ": " + reason;
    }
}
