package org.storylens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** Invented articles as JSON Lines records, the input the command tests feed the CLI. */
final class ArticleLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArticleLines() {
    }

    /** One JSON Lines record of an English article at {@code https://news.example/ID}. */
    static String line(String id, String title, String text, String date, String outlet) {
        Map<String, String> record = Map.of("id", id, "title", title, "text", text, "url",
                "https://news.example/" + id, "publishedAt", date, "outlet", outlet, "language", "en");
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
