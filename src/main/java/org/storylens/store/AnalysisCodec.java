package org.storylens.store;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnnotatedText;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.NumberMention;
import org.storylens.analyse.Quote;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.TimeExpression;
import org.storylens.clean.Article;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An analysis as a store keeps it: what was found, without the article it was found in (that is stored once, in its
 * own row), as gzipped JSON. Not SQL: shared by back ends. Thread-safe.
 */
final class AnalysisCodec {

    /**
     * What an analysis found. Embeddings are kept as little-endian float32 bytes (base64 in the JSON): exact, and half
     * the size of decimals.
     */
    private record Facts(List<Sentence> sentences, List<EntityMention> entities, List<TimeExpression> times,
                         List<Quote> quotes, List<NumberMention> numbers, AnnotatedText annotation,
                         Map<String, byte[]> vectors) {
    }

    private final StoreJson json;

    AnalysisCodec(StoreJson json) {
        this.json = json;
    }

    byte[] write(AnalysedArticle a) throws IOException {
        return StoreJson.gzip(json.mapper().writeValueAsBytes(new Facts(a.sentences(), a.entities(), a.times(),
                a.quotes(), a.numbers(), a.annotation(), bytes(a.vectors()))));
    }

    /** The analysis of the article that {@link #write} stored. */
    AnalysedArticle read(Article article, byte[] stored) throws IOException {
        Facts f = facts(stored);
        return new AnalysedArticle(article, f.sentences(), f.entities(), f.times(), f.quotes(), f.numbers(),
                f.annotation(), floats(f.vectors()));
    }

    /** The entity mentions alone of a stored analysis. */
    List<EntityMention> entities(byte[] stored) throws IOException {
        return facts(stored).entities();
    }

    private Facts facts(byte[] stored) throws IOException {
        return json.mapper().readValue(StoreJson.gunzip(stored), Facts.class);
    }

    private static Map<String, byte[]> bytes(Map<String, float[]> vectors) {
        Map<String, byte[]> out = new TreeMap<>();
        vectors.forEach((text, v) -> {
            ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(v);
            out.put(text, b.array());
        });
        return out;
    }

    private static Map<String, float[]> floats(Map<String, byte[]> vectors) {
        if (vectors == null) {
            return Map.of();
        }
        Map<String, float[]> out = new HashMap<>();
        vectors.forEach((text, bytes) -> {
            float[] v = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            out.put(text, v);
        });
        return out;
    }
}
