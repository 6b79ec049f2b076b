package org.storylens.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.storylens.cluster.ArticleFeatures;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Cluster features as JSON between the analysis and the story operators (no Kryo for records of maps). */
final class ArticleFeaturesJson {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    byte[] write(ArticleFeatures features) {
        try {
            return json.writeValueAsBytes(features);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the features of " + features.id(), e);
        }
    }

    ArticleFeatures read(byte[] bytes, String articleId) {
        try {
            return json.readValue(bytes, ArticleFeatures.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the features of " + articleId, e);
        }
    }
}
