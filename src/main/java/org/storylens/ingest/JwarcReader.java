package org.storylens.ingest;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a WARC file, plain or gzipped, with jwarc: every {@code response} record holding an HTTP 200 HTML page, and
 * every {@code resource} record holding HTML, is read by the injected HTML reader. The article's id comes from the
 * WARC-Record-ID and its origin is {@code file#target-URI}. Other records (requests, metadata, warcinfo, images,
 * redirects) are skipped.
 *
 * <p>A record whose page yields no article is a failure in the {@link ReadResult}; a truncated or corrupt file keeps
 * the articles read before the damage and adds a failure saying where reading stopped, and fails as a whole only when
 * nothing was read. Records are streamed; a payload over the limit is a failure. Thread-safe when the injected reader
 * is.
 */
public final class JwarcReader implements ArticleReader {

    public static final long DEFAULT_MAX_PAYLOAD_BYTES = 20L * 1024 * 1024;

    private final ArticleReader htmlReader;
    private final long maxPayloadBytes;

    /** @param htmlReader reads the HTML of each page */
    public JwarcReader(ArticleReader htmlReader) {
        this(htmlReader, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /**
     * @param htmlReader      reads the HTML of each page
     * @param maxPayloadBytes the largest page accepted, after content decoding
     */
    public JwarcReader(ArticleReader htmlReader, long maxPayloadBytes) {
        if (maxPayloadBytes <= 0 || maxPayloadBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxPayloadBytes must be between 1 and 2^31-2: " + maxPayloadBytes);
        }
        this.htmlReader = Objects.requireNonNull(htmlReader, "htmlReader");
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public ReadResult read(Input input) throws IngestException {
        List<RawArticle> articles = new ArrayList<>();
        FailureList failures = new FailureList(input.name());
        int records = 0;
        long lastRecordStart = -1;
        IOException stop = null;
        try (InputStream in = input.opener().open(); WarcReader warc = new WarcReader(in)) {
            while (true) {
                Optional<WarcRecord> next = next(warc);
                if (next.isEmpty()) {
                    break;
                }
                records++;
                lastRecordStart = warc.position();
                long declared = next.get().headers().first("Content-Length").map(JwarcReader::parseLength)
                        .orElse(0L);
                if (warc.compression() != org.netpreserve.jwarc.WarcCompression.NONE
                        && declared > Limits.MAX_DECOMPRESSED_BYTES) {
                    // even skipping such a record means inflating all of it: a gzip bomb is not read further
                    failures.add(new IngestException(input.name() + "#" + target(next.get(), records),
                            "compressed WARC record " + records + " expands to " + InputBytes.human(declared)
                                    + ", over the limit of " + InputBytes.human(Limits.MAX_DECOMPRESSED_BYTES)
                                    + " for compressed input; the file is not read further"));
                    break;
                }
                readRecord(next.get(), input, records, articles, failures);
            }
        } catch (IOException e) {
            // jwarc throws ParsingException for a bad header and EOFException or ZipException for a cut or damaged
            // file: the rest of the file cannot be trusted.
            stop = e;
        }
        if (stop != null) {
            String reason = records == 0
                    ? "not a readable WARC file: " + describe(stop)
                    : "truncated or corrupt WARC: reading stopped in or after record " + records
                            + " (which starts at byte " + lastRecordStart + "): " + describe(stop);
            IngestException failure = new IngestException(input.name(), reason, stop);
            if (articles.isEmpty()) {
                throw failure;
            }
            failures.add(failure);
        } else if (records == 0) {
            throw new IngestException(input.name(), "holds no WARC records");
        } else if (articles.isEmpty() && failures.count() == 0) {
            throw new IngestException(input.name(), "holds " + records + (records == 1 ? " WARC record" : " WARC records")
                    + " but no HTML page (only requests, metadata or responses of other types)");
        }
        return new ReadResult(articles, failures.toList());
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    private static Optional<WarcRecord> next(WarcReader warc) throws IOException {
        try {
            return warc.next();
        } catch (IllegalArgumentException e) {
            // jwarc parses Content-Length with Long.parseLong, so a garbled one surfaces as NumberFormatException.
            throw new IOException("garbled WARC header: " + describe(e), e);
        }
    }

    /**
     * @throws EOFException when the file ends inside the record: the caller stops there, as for a damaged header
     */
    private void readRecord(WarcRecord record, Input input, int recordNumber, List<RawArticle> articles,
                            FailureList failures) throws EOFException {
        String target = target(record, recordNumber);
        String where = input.name() + "#" + target;
        byte[] html;
        try {
            html = htmlPayload(record);
        } catch (EOFException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            failures.add(new IngestException(where, "unreadable WARC record: " + describe(e), e));
            return;
        }
        if (html == null) {
            return;
        }
        if (html.length > maxPayloadBytes) {
            failures.add(new IngestException(where, "payload is over the limit of " + maxPayloadBytes + " bytes"));
            return;
        }
        ReadResult page;
        try {
            page = htmlReader.read(Input.ofBytes(target, html));
        } catch (IngestException e) {
            failures.add(new IngestException(where, e.reason(), e));
            return;
        }
        if (page.articles().isEmpty()) {
            failures.add(new IngestException(where, "page holds no article"));
        }
        String id = recordId(record, input, recordNumber);
        List<RawArticle> found = page.articles();
        for (int i = 0; i < found.size(); i++) {
            RawArticle article = found.get(i);
            Metadata metadata = article.metadata();
            if (metadata.url() == null && record.headers().first("WARC-Target-URI").isPresent()) {
                metadata = new Metadata(metadata.title(), target, metadata.publishedAt(), metadata.outlet(),
                        metadata.language(), metadata.author());
            }
            articles.add(new RawArticle(found.size() == 1 ? id : id + "-" + (i + 1), where, SourceFormat.WARC,
                    article.text(), metadata, article.warnings(), article.removed()));
        }
        page.failures().forEach(failures::add);
    }

    /**
     * The HTML bytes of a 200 HTML response or an HTML resource, with transfer and content encodings undone; null for
     * any other record. Reads at most one byte over the limit, so a huge payload is never held.
     */
    private byte[] htmlPayload(WarcRecord record) throws IOException {
        if (record instanceof WarcResponse response) {
            MediaType block = response.contentType().base();
            if (!block.type().equalsIgnoreCase("application") || !block.subtype().equalsIgnoreCase("http")) {
                return null;
            }
            HttpResponse http = response.http();
            if (http.status() != 200 || !isHtml(http.contentType())) {
                return null;
            }
            return readAtMost(http.bodyDecoded());
        }
        if (record instanceof WarcResource resource && isHtml(resource.contentType())) {
            return readAtMost(resource.body());
        }
        return null;
    }

    private byte[] readAtMost(MessageBody body) throws IOException {
        InputStream stream = body.stream();
        return stream.readNBytes((int) maxPayloadBytes + 1);
    }

    private static boolean isHtml(MediaType type) {
        MediaType base = type.base();
        return base.type().equalsIgnoreCase("text") && base.subtype().equalsIgnoreCase("html")
                || base.type().equalsIgnoreCase("application") && base.subtype().equalsIgnoreCase("xhtml+xml");
    }

    private static String target(WarcRecord record, int recordNumber) {
        return record.headers().first("WARC-Target-URI")
                .map(String::strip)
                .map(t -> t.startsWith("<") && t.endsWith(">") ? t.substring(1, t.length() - 1) : t)
                .filter(t -> !t.isEmpty())
                .orElse("record-" + recordNumber);
    }

    /** {@code <urn:uuid:0dda5805-…>} → {@code 0dda5805-…}; other ids are made safe whole. */
    private static String recordId(WarcRecord record, Input input, int recordNumber) {
        Optional<String> header = record.headers().first("WARC-Record-ID")
                .map(String::strip)
                .map(id -> id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id)
                .filter(id -> !id.isEmpty());
        if (header.isEmpty()) {
            return SafeIds.sanitise(input.idHint() + "-" + recordNumber);
        }
        String id = header.get();
        return id.regionMatches(true, 0, "urn:uuid:", 0, 9) ? SafeIds.sanitise(id.substring(9)) : SafeIds.sanitise(id);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        return e instanceof EOFException ? "unexpected end of file" : e.getClass().getSimpleName();
    }
}
