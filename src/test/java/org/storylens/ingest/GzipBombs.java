package org.storylens.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip bombs made cheaply: gzip allows members one after the other, so one megabyte of a repeated byte compressed
 * once (about a kilobyte) and repeated makes a file that expands about a thousand times, without ever deflating the
 * gigabytes it stands for.
 */
final class GzipBombs {

    static final int MEMBER_EXPANDS_TO = 1 << 20;

    private GzipBombs() {
    }

    /** One gzip member holding these bytes. */
    static byte[] member(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One gzip member holding a megabyte of {@code filler}. */
    static byte[] megabyteOf(char filler) {
        byte[] content = new byte[MEMBER_EXPANDS_TO];
        Arrays.fill(content, (byte) filler);
        return member(content);
    }

    /** {@code head} (compressed) then {@code megabytes} megabytes of {@code filler}, in memory. */
    static byte[] bomb(String head, char filler, int megabytes) {
        byte[] first = member(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] repeated = megabyteOf(filler);
        ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + repeated.length * megabytes);
        out.writeBytes(first);
        for (int i = 0; i < megabytes; i++) {
            out.writeBytes(repeated);
        }
        return out.toByteArray();
    }

    /** {@code megabytes} megabytes of {@code filler}, compressed, streamed without being held. */
    static InputStream streamed(char filler, long megabytes) {
        return streamed(new byte[0], filler, megabytes);
    }

    /**
     * {@code head} (already compressed) then {@code megabytes} megabytes of {@code filler}, streamed. It says bytes
     * are available between members, as a file does: {@link java.util.zip.GZIPInputStream} reads the next member only
     * then.
     */
    static InputStream streamed(byte[] head, char filler, long megabytes) {
        byte[] repeated = megabyteOf(filler);
        return new InputStream() {
            private byte[] current = head;
            private int pos;
            private long left = megabytes;

            private boolean next() {
                while (pos == current.length) {
                    if (left == 0) {
                        return false;
                    }
                    left--;
                    current = repeated;
                    pos = 0;
                }
                return true;
            }

            @Override
            public int read() {
                return next() ? current[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!next()) {
                    return -1;
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                int here = current.length - pos;
                return here > 0 ? here : left > 0 ? 1 : 0;
            }
        };
    }
}
