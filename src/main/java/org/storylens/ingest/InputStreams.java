package org.storylens.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opens an input's bytes, gunzipping them when they start with the gzip magic number. */
final class InputStreams {

    private InputStreams() {
    }

    static InputStream openDecompressed(Input input) throws IOException {
        InputStream raw = input.opener().open();
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 65536);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 65536) : in;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
