package org.storylens.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens an input's bytes, gunzipping them when they start with the gzip magic number. Whatever is gunzipped is read
 * through a count that stops at {@link Limits#MAX_DECOMPRESSED_BYTES} (or a lower limit given): a gzip bomb costs at
 * most that many bytes of reading, never the gigabytes it expands to.
 */
final class InputStreams {

    private InputStreams() {
    }

    /** Signals that a stream went over its limit; the message names the input and the limit. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    static InputStream openDecompressed(Input input) throws IOException {
        InputStream raw = input.opener().open();
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 65536);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            return b1 == 0x1f && b2 == 0x8b ? gunzip(in, input.name(), Limits.MAX_DECOMPRESSED_BYTES) : in;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** The gunzipped bytes of a gzip stream, refused with {@link TooLarge} once they go over {@code maxBytes}. */
    static InputStream gunzip(InputStream compressed, String name, long maxBytes) throws IOException {
        return limited(new GZIPInputStream(compressed, 65536), maxBytes, () -> "gzip-compressed input " + name
                + " expands to more than " + InputBytes.human(maxBytes) + " (the limit for compressed input); "
                + "not read further");
    }

    /** The stream, refused with {@link TooLarge} (saying {@code why}) once more than {@code maxBytes} are read. */
    static InputStream limited(InputStream in, long maxBytes, java.util.function.Supplier<String> why) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                if (skipped > 0) {
                    counted(skipped);
                }
                return skipped;
            }

            @Override
            public boolean markSupported() {
                return false;
            }

            private void counted(long n) throws TooLarge {
                count += n;
                if (count > maxBytes) {
                    throw new TooLarge(why.get());
                }
            }
        };
    }
}
