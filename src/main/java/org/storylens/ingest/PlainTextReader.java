package org.storylens.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plain-text article: the first non-empty line is the title when it is shaped like a headline, and the rest
 * is the body. The encoding is found by {@link TextDecoder}. Thread-safe.
 */
public final class PlainTextReader implements ArticleReader {

    private final TextDecoder decoder;
    private final long maxBytes;

    public PlainTextReader(TextDecoder decoder, long maxBytes) {
        this.decoder = decoder;
        this.maxBytes = maxBytes;
    }

    @Override
    public ReadResult read(Input input) throws IngestException {
        byte[] bytes = InputBytes.readAll(input, maxBytes);
        if (decoder.looksBinary(head(bytes))) {
            throw new IngestException(input.name(), "binary content, not text");
        }
        TextDecoder.Decoded decoded = decoder.decode(bytes);
        List<String> warnings = new ArrayList<>();
        if (decoded.guessed()) {
            warnings.add("not valid UTF-8; decoded as " + decoded.charset().name());
        }
        return ReadResult.of(fromText(input, decoded.text(), warnings));
    }

    RawArticle fromText(Input input, String text, List<String> warnings) throws IngestException {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "");
        if (normalised.isBlank()) {
            throw new IngestException(input.name(), "no text (only white space)");
        }
        String[] lines = normalised.split("\n", -1);
        int first = 0;
        while (lines[first].isBlank()) {
            first++;
        }
        String title = null;
        int bodyStart = first;
        if (HeadlineShape.looksLikeHeadline(lines[first])) {
            title = lines[first].strip();
            bodyStart = first + 1;
        }
        String body = String.join("\n", java.util.Arrays.asList(lines).subList(bodyStart, lines.length)).strip();
        if (body.isBlank()) {
            if (title == null) {
                throw new IngestException(input.name(), "no text (only white space)");
            }
            body = title;
        }
        return new RawArticle(input.idHint(), input.name(), SourceFormat.TEXT, body,
                org.storylens.ingest.Metadata.EMPTY.withTitle(title), warnings);
    }

    private static byte[] head(byte[] bytes) {
        return bytes.length <= FormatSniffer.HEAD_BYTES ? bytes : java.util.Arrays.copyOf(bytes, FormatSniffer.HEAD_BYTES);
    }
}
