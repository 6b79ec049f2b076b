package org.storylens.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores story assignments against the {@code story} labels of a JSON Lines dataset, at story level (the label) and
 * at topic level (the label up to its first {@code -}: ECB+ {@code 28-ecb} and {@code 28-plus} are topic 28). A
 * labelled article that got no assignment (it could not be read) counts as a story of its own. Thread-safe.
 */
public final class ClusteringEvaluation {

    /**
     * Scores at both levels.
     *
     * @param story      against the story labels
     * @param topic      against the topic labels
     * @param unassigned labelled articles that got no assignment
     */
    public record Report(ClusteringScore story, ClusteringScore topic, int unassigned) {
    }

    private final ObjectMapper json = new ObjectMapper();

    /** The {@code story} label of every record with an {@code id}, in file order. */
    public Map<String, String> labels(Path file) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        int lineNumber = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new IOException(file + ":" + lineNumber + ": malformed JSON: " + e.getOriginalMessage(), e);
                }
                JsonNode id = node.get("id");
                JsonNode story = node.get("story");
                if (id == null || story == null || story.isNull()) {
                    throw new IOException(file + ":" + lineNumber + ": a labelled record needs 'id' and 'story'");
                }
                labels.put(id.asText(), story.asText());
            }
        }
        return labels;
    }

    /** @param assigned story id per article id */
    public Report score(Map<String, String> labels, Map<String, String> assigned) {
        List<String> predicted = new ArrayList<>();
        List<String> stories = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        int unassigned = 0;
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String story = assigned.get(e.getKey());
            if (story == null) {
                unassigned++;
                story = "unassigned:" + e.getKey();
            }
            predicted.add(story);
            stories.add(e.getValue());
            topics.add(topic(e.getValue()));
        }
        return new Report(ClusteringScore.of(predicted, stories), ClusteringScore.of(predicted, topics), unassigned);
    }

    static String topic(String story) {
        int dash = story.indexOf('-');
        return dash < 0 ? story : story.substring(0, dash);
    }
}
