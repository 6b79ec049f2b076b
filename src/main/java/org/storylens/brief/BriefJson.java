package org.storylens.brief;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Renders a {@link Brief} as the JSON of the output contract. Thread-safe. */
public final class BriefJson {

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(Brief brief) {
        try {
            return json.writeValueAsString(brief);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the brief as JSON", e);
        }
    }
}
