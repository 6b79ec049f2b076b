package org.storylens.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Reads a whole input into memory, refusing one that is empty or larger than a limit. */
final class InputBytes {

    private InputBytes() {
    }

    static byte[] readAll(Input input, long maxBytes) throws IngestException {
        if (input.size() > maxBytes) {
            throw tooLarge(input, input.size(), maxBytes);
        }
        byte[] bytes;
        try (InputStream in = input.opener().open()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (InputStreams.TooLarge e) {
            throw new IngestException(input.name(), e.getMessage(), e);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new IngestException(input.name(), InputBytes.corruptGzip(e), e);
        } catch (IOException e) {
            throw new IngestException(input.name(), "cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(input, bytes.length, maxBytes);
        }
        if (bytes.length == 0) {
            throw new IngestException(input.name(), "empty file");
        }
        return bytes;
    }

    /** What is wrong with a gzip stream that ended early or is not gzip, in words (the JDK's message may be null). */
    static String corruptGzip(IOException e) {
        String detail = e instanceof java.io.EOFException || e.getMessage() == null
                ? "it ends before its data is complete" : e.getMessage();
        return "corrupt or truncated gzip: " + detail;
    }

    private static IngestException tooLarge(Input input, long size, long maxBytes) {
        return new IngestException(input.name(), String.format(java.util.Locale.ROOT,
                "too large for one article (%s, the limit is %s; raise it with --max-bytes)",
                human(size), human(maxBytes)));
    }

    static String human(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        }
        if (bytes >= 1 << 10) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
