package org.storylens.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.storylens.clean.Article;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The JSON every store back end writes into its rows (articles, stories, analyses) and reads back, and the gzip that
 * packs the large values. Not SQL: shared by back ends. Thread-safe.
 */
final class StoreJson {

    /**
     * The longest JSON name or string read back from articles and analyses (a sentence's text keys its vector): above
     * anything one input can hold, so that nothing stored, by this version or an older one, becomes unreadable.
     */
    static final int MAX_READ_CHARS = 64 << 20;

    private final ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNameLength(MAX_READ_CHARS).maxStringLength(MAX_READ_CHARS).build())
            .build())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(isoDates());

    ObjectMapper mapper() {
        return mapper;
    }

    String write(Object value) throws JsonProcessingException {
        return mapper.writeValueAsString(value);
    }

    Article article(String stored) throws JsonProcessingException {
        return mapper.readValue(stored, Article.class);
    }

    /** Dates as ISO strings ("2025-03-11"), the way the articles table keeps them. */
    static SimpleModule isoDates() {
        SimpleModule dates = new SimpleModule("iso-dates");
        dates.addSerializer(LocalDate.class, new JsonSerializer<>() {
            @Override
            public void serialize(LocalDate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        dates.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext context) throws IOException {
                return LocalDate.parse(p.getValueAsString());
            }
        });
        return dates;
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return zip.readAllBytes();
        }
    }
}
