package org.storylens.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.ingest.Limits;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The story clusterer's state as the store keeps it: gzipped JSON (its vectors as base64 bits, {@link BinaryVectors}),
 * streamed back through explicit read limits. What is written is bounded by construction (terms of at most
 * {@link Limits#MAX_STATE_TERM_CHARS} characters, outlets of at most {@link Limits#MAX_OUTLET_CHARS}); the limits read
 * up to several times that, so that no state this version writes is refused, while a state poisoned by an older
 * version (a 60,000-character term) is reported as unreadable — and then rebuilt — instead of being taken in.
 * Thread-safe.
 */
public final class ClusterStateCodec {

    /** The longest JSON name read: a term key with its index prefix, many times over. */
    static final int MAX_NAME_CHARS = 16 * Limits.MAX_STATE_TERM_CHARS;
    /** The longest JSON string read (ids, outlets, languages, a vector's base64 of up to 24,576 floats). */
    static final int MAX_STRING_CHARS = 64 * Limits.MAX_URL_CHARS;
    /** The deepest JSON nesting read; a snapshot nests six deep. */
    static final int MAX_NESTING = 32;

    private final ObjectMapper json;

    public ClusterStateCodec() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNameLength(MAX_NAME_CHARS)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNestingDepth(MAX_NESTING)
                        .build())
                .build();
        this.json = new ObjectMapper(factory)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .registerModule(StoreJson.isoDates())
                .registerModule(BinaryVectors.module());
    }

    /**
     * The snapshot as gzipped JSON, deflated at the fastest level: most of a large snapshot is embedding sums and
     * fingerprints that deflate barely shrinks, so the default level spent some three times the CPU of the fastest
     * for about a tenth fewer bytes (measured by {@code bench/ClusterSpeed.java}). Any level reads back the same.
     */
    public byte[] write(ClusterSnapshot snapshot) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new FastGzip(out)) {
            json.writeValue(zip, snapshot);
        }
        return out.toByteArray();
    }

    /** A gzip stream deflating at {@link Deflater#BEST_SPEED}. */
    private static final class FastGzip extends GZIPOutputStream {

        private static final int BUFFER_BYTES = 64 * 1024;

        FastGzip(OutputStream out) throws IOException {
            super(out, BUFFER_BYTES);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** The snapshot, streamed out of the gzip; an IOException (or a runtime one from a record) when unreadable. */
    public ClusterSnapshot read(byte[] stored) throws IOException {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return json.readValue(zip, ClusterSnapshot.class);
        }
    }
}
