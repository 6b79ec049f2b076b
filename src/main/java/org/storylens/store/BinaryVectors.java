package org.storylens.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.PrimitiveArrayDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The clusterer state's vectors (embedding sums and embeddings as {@code float[]}, MinHash signatures as
 * {@code long[]}) as base64 strings of their big-endian bits instead of JSON number arrays: exact, about half the
 * characters, and no number formatting or parsing, which was most of the cost of encoding and decoding a large state.
 * A state an earlier version saved with number arrays still reads.
 */
final class BinaryVectors {

    private BinaryVectors() {
    }

    static SimpleModule module() {
        SimpleModule vectors = new SimpleModule("binary-vectors");
        vectors.addSerializer(float[].class, new JsonSerializer<>() {
            @Override
            public void serialize(float[] value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                ByteBuffer bytes = ByteBuffer.allocate(value.length * Float.BYTES);
                bytes.asFloatBuffer().put(value);
                gen.writeBinary(bytes.array());
            }
        });
        vectors.addSerializer(long[].class, new JsonSerializer<>() {
            @Override
            public void serialize(long[] value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                ByteBuffer bytes = ByteBuffer.allocate(value.length * Long.BYTES);
                bytes.asLongBuffer().put(value);
                gen.writeBinary(bytes.array());
            }
        });
        vectors.addDeserializer(float[].class, new JsonDeserializer<>() {
            @SuppressWarnings("unchecked")
            private final JsonDeserializer<float[]> numbers =
                    (JsonDeserializer<float[]>) PrimitiveArrayDeserializers.forType(float.class);

            @Override
            public float[] deserialize(JsonParser p, DeserializationContext context) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return numbers.deserialize(p, context);
                }
                ByteBuffer bytes = ByteBuffer.wrap(bits(p, context, Float.BYTES, "float"));
                float[] out = new float[bytes.remaining() / Float.BYTES];
                bytes.asFloatBuffer().get(out);
                return out;
            }
        });
        vectors.addDeserializer(long[].class, new JsonDeserializer<>() {
            @SuppressWarnings("unchecked")
            private final JsonDeserializer<long[]> numbers =
                    (JsonDeserializer<long[]>) PrimitiveArrayDeserializers.forType(long.class);

            @Override
            public long[] deserialize(JsonParser p, DeserializationContext context) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return numbers.deserialize(p, context);
                }
                ByteBuffer bytes = ByteBuffer.wrap(bits(p, context, Long.BYTES, "long"));
                long[] out = new long[bytes.remaining() / Long.BYTES];
                bytes.asLongBuffer().get(out);
                return out;
            }
        });
        return vectors;
    }

    /** The decoded base64 bits of a vector of {@code width}-byte numbers; a length that is no multiple fails. */
    private static byte[] bits(JsonParser p, DeserializationContext context, int width, String type)
            throws IOException {
        byte[] bits = p.getBinaryValue();
        if (bits.length % width != 0) {
            context.reportInputMismatch((Class<?>) null,
                    "a %s vector of %d bytes, not a multiple of %d", type, bits.length, width);
        }
        return bits;
    }
}
