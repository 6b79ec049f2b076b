package org.storylens.clean;

/** An article with nothing usable left after cleaning. The message starts with the article's origin. */
public final class CleaningException extends Exception {

    private final String origin;
    private final String reason;

    public CleaningException(String origin, String reason) {
        super(origin + ": " + reason);
        this.origin = origin;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String origin() {
        return origin;
    }
}
