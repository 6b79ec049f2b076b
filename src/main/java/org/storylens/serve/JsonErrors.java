package org.storylens.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.storylens.ingest.JsonProblems;

import java.io.IOException;

/**
 * What is wrong with a JSON text, said plainly for the client who sent it: never the parser's class names, settings or
 * internal wording ({@link JsonProblems}). Stateless.
 */
final class JsonErrors {

    private JsonErrors() {
    }

    /**
     * A JSON text that cannot be read.
     *
     * @see #read
     */
    static final class Unreadable extends Exception {

        private final int line;

        Unreadable(int line, String problem) {
            super(problem, null, false, false);
            this.line = line;
        }

        /** The line of the text where reading stopped (1 for the first), or 0 when unknown. */
        int line() {
            return line;
        }
    }

    /** The JSON value of the text (null when it is empty), or what is wrong with it and on which line. */
    static JsonNode read(ObjectMapper mapper, String text) throws Unreadable {
        try (JsonParser parser = mapper.createParser(text)) {
            try {
                return mapper.readTree(parser);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation()
                        : parser.currentLocation();
                throw new Unreadable(Math.max(0, at.getLineNr()), describe(e, at.getColumnNr()));
            }
        } catch (IOException e) {
            throw new Unreadable(0, "not readable as JSON"); // a String source: no I/O to fail
        }
    }

    /** What is wrong, with the column when known: "not valid JSON at column 17: unexpected '}'". */
    static String describe(JsonProcessingException e, int column) {
        return JsonProblems.describe(e, column);
    }
}
