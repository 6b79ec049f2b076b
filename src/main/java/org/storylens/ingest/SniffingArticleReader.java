package org.storylens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads any input storylens knows by handing it to the reader for its format, told from the content (and only then
 * from the name). Gzipped WARC and JSON Lines files are read through gunzip. Thread-safe when its readers are.
 */
public final class SniffingArticleReader implements ArticleReader {

    private final FormatSniffer sniffer;
    private final Map<SourceFormat, ArticleReader> readers;

    public SniffingArticleReader(FormatSniffer sniffer, Map<SourceFormat, ArticleReader> readers) {
        this.sniffer = sniffer;
        this.readers = Map.copyOf(readers);
    }

    @Override
    public ReadResult read(Input input) throws IngestException {
        if (input.size() == 0) {
            throw new IngestException(input.name(), "empty file");
        }
        byte[] head = head(input);
        if (head.length == 0) {
            throw new IngestException(input.name(), "empty file");
        }
        Input effective = input;
        if (TextDecoder.startsWith(head, 0x1F, 0x8B)) {
            byte[] inner = gunzippedHead(input);
            boolean warc = inner.length >= 5 && new String(inner, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .equals("WARC/");
            if (!warc) {
                // a gzipped text, HTML or JSON Lines file: read it through gunzip, sniffed as what is inside
                effective = new Input(input.name(), input.idHint(), -1,
                        () -> InputStreams.gunzip(input.opener().open(), input.name(),
                                Limits.MAX_DECOMPRESSED_BYTES));
            }
            head = inner;
        } else if (magic(head) != null) {
            throw new IngestException(input.name(), "binary content (" + magic(head) + "), not an article");
        }
        SourceFormat format = sniffer.sniff(input.name(), head)
                .orElseThrow(() -> new IngestException(input.name(), "binary content, not text"));
        ArticleReader reader = readers.get(format);
        if (reader == null) {
            throw new IngestException(input.name(), "no reader for " + format);
        }
        return reader.read(effective);
    }

    private static byte[] head(Input input) throws IngestException {
        try (InputStream in = input.opener().open()) {
            return in.readNBytes(FormatSniffer.HEAD_BYTES);
        } catch (IOException e) {
            throw new IngestException(input.name(), "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The first gunzipped bytes. A file cut short within them still gives what came before the cut: the format's
     * reader decides what a truncated file is worth (a WARC or JSON Lines reader keeps the records before the cut).
     */
    private static byte[] gunzippedHead(Input input) throws IngestException {
        byte[] head = new byte[FormatSniffer.HEAD_BYTES];
        int n = 0;
        try (InputStream in = new GZIPInputStream(input.opener().open())) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) >= 0; ) {
                n += r;
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            if (n == 0) {
                throw new IngestException(input.name(), InputBytes.corruptGzip(e), e);
            }
        } catch (IOException e) {
            throw new IngestException(input.name(), "cannot read: " + e.getMessage(), e);
        }
        return java.util.Arrays.copyOf(head, n);
    }

    /** Names a few common non-text formats by their magic numbers. */
    private static String magic(byte[] head) {
        if (TextDecoder.startsWith(head, 0x25, 0x50, 0x44, 0x46)) {
            return "PDF";
        }
        if (TextDecoder.startsWith(head, 0x89, 0x50, 0x4E, 0x47)) {
            return "PNG image";
        }
        if (TextDecoder.startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        if (TextDecoder.startsWith(head, 0x47, 0x49, 0x46, 0x38)) {
            return "GIF image";
        }
        if (TextDecoder.startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return "ZIP archive";
        }
        if (TextDecoder.startsWith(head, 0x7F, 0x45, 0x4C, 0x46)) {
            return "ELF executable";
        }
        return null;
    }
}
