package org.storylens.ingest;

/**
 * An input that could not be read into articles. The message always starts with the input's name, so a batch can
 * print it as one line and go on.
 */
public final class IngestException extends Exception {

    private final String input;
    private final String reason;

    public IngestException(String input, String reason) {
        this(input, reason, null);
    }

    public IngestException(String input, String reason, Throwable cause) {
        super(input + ": " + reason, cause);
        this.input = input;
        this.reason = reason;
    }

    /** The file, URL or record the problem is in. */
    public String input() {
        return input;
    }

    /** Why it failed, without the input name. */
    public String reason() {
        return reason;
    }
}
