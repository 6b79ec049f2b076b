package org.storylens.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches one web page or feed over HTTP(S) with the JDK client: sends a storylens User-Agent, refuses non-2xx
 * answers and bodies over a size limit (a gzip {@code Content-Encoding} is undone, the limit counting the decoded
 * bytes), and gives up after a timeout that covers the whole transfer. Every request's host is checked by a
 * {@link PublicAddressGuard} first (by default only the public web is fetched); redirects are followed here, up to
 * {@link Limits#MAX_REDIRECTS}, each hop checked as the first. Politeness (robots.txt, per-host delays, conditional
 * requests) is {@link PoliteFetcher}'s, which sends its requests hop by hop through {@link #exchange}. Thread-safe;
 * one instance can serve a whole run.
 */
public final class PageFetcher implements PageSource {

    public static final String USER_AGENT = "storylens/0.1 (+news story engine)";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private static final String ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            + "application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    /**
     * A fetched document.
     *
     * @param url         the URL finally answered, after redirects
     * @param body        the body bytes, undecoded
     * @param contentType the Content-Type header, or null
     */
    public record FetchedPage(String url, byte[] body, String contentType) {

        public FetchedPage {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(body, "body");
        }

        /** The charset the Content-Type header names, or null when it names none or one this JVM lacks. */
        public Charset charset() {
            if (contentType == null) {
                return null;
            }
            Matcher m = CHARSET.matcher(contentType);
            if (!m.find()) {
                return null;
            }
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return null;
            }
        }
    }

    /**
     * An answer of any status.
     *
     * @param status  the HTTP status code
     * @param url     the URL finally answered, after redirects
     * @param body    the body bytes of a 2xx answer, undecoded; empty for any other status (its body is not read)
     * @param headers the response headers
     */
    public record Response(int status, String url, byte[] body, HttpHeaders headers) {

        public Response {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(headers, "headers");
        }

        /** The first value of a header (names are case-insensitive), or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public boolean isSuccess() {
            return status / 100 == 2;
        }

        /** This 2xx answer as a fetched page. */
        public FetchedPage page() {
            return new FetchedPage(url, body, header("Content-Type"));
        }
    }

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final long maxBytes;
    private final PublicAddressGuard guard;

    /** A fetcher of the public web only, with the default timeouts and size limit. */
    public PageFetcher() {
        this(PublicAddressGuard.publicOnly());
    }

    /** A fetcher with the default timeouts and size limit, its hosts checked by {@code guard}. */
    public PageFetcher(PublicAddressGuard guard) {
        this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_BYTES, guard);
    }

    /**
     * @param connectTimeout how long to wait for the connection
     * @param requestTimeout how long the whole request may take, body included
     * @param maxBytes       the largest body accepted (after a gzip content encoding is undone)
     * @param guard          which hosts may be fetched
     */
    public PageFetcher(Duration connectTimeout, Duration requestTimeout, long maxBytes, PublicAddressGuard guard) {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: connect " + connectTimeout + ", request "
                    + requestTimeout);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
        this.guard = Objects.requireNonNull(guard, "guard");
        // redirects are followed by fetch and PoliteFetcher, so that every hop's host is checked
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Fetches a page, following redirects.
     *
     * @throws IngestException naming the URL: not http(s), a host refused by the guard, unreachable, timed out, not
     *                         2xx ({@code HTTP 404}), too many redirects, or a body over the size limit
     */
    @Override
    public FetchedPage fetch(String url) throws IngestException {
        Response response = exchangeFollowingRedirects(url, Map.of());
        if (!response.isSuccess()) {
            throw new IngestException(url, "HTTP " + response.status());
        }
        return response.page();
    }

    /**
     * As {@link #exchange}, following up to {@link Limits#MAX_REDIRECTS} redirects, each hop checked as the first.
     *
     * @throws IngestException as {@link #exchange}, or naming the URL when it redirects too often
     */
    public Response exchangeFollowingRedirects(String url, Map<String, String> headers) throws IngestException {
        return followRedirects(url, hop -> exchange(hop, headers));
    }

    /** One request of a chain of redirects. */
    @FunctionalInterface
    interface Hop {
        Response send(String url) throws IngestException;
    }

    /**
     * Sends the URL's request through {@code hop}, and again to where each redirect answer sends it, up to
     * {@link Limits#MAX_REDIRECTS} times; returns the first answer that is not a redirect. A failure of a later hop is
     * named by the first URL and says where it was redirected.
     */
    static Response followRedirects(String url, Hop hop) throws IngestException {
        String current = url;
        for (int hops = 0; ; hops++) {
            Response response;
            Optional<String> next;
            try {
                response = hop.send(current);
                next = redirectTarget(response);
            } catch (IngestException e) {
                throw current.equals(url) ? e
                        : new IngestException(url, "redirected to " + current + ": " + e.reason(), e);
            }
            if (next.isEmpty()) {
                return response;
            }
            if (hops == Limits.MAX_REDIRECTS) {
                throw new IngestException(url, "more than " + Limits.MAX_REDIRECTS + " redirects; not followed");
            }
            current = next.get();
        }
    }

    /**
     * Where a redirect answer (301, 302, 303, 307, 308 with a {@code Location}) sends the client, resolved against
     * the URL that answered; empty for any other answer.
     *
     * @throws IngestException naming the answering URL, when its Location is not a usable URL
     */
    public static Optional<String> redirectTarget(Response response) throws IngestException {
        int status = response.status();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return Optional.empty();
        }
        String location = response.header("Location");
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        try {
            URI target = URI.create(response.url()).resolve(location.strip());
            return Optional.of(httpUri(target.toString()).toString());
        } catch (IllegalArgumentException e) {
            throw new IngestException(response.url(), "redirects to an unusable URL: " + location, e);
        } catch (IngestException e) {
            throw new IngestException(response.url(), "redirects to " + location + ": " + e.reason(), e);
        }
    }

    /**
     * Sends one GET with extra request headers ({@code If-None-Match}, say) and returns the answer whatever its
     * status, redirects included (not followed); only a 2xx answer's body is read. The URL's host is checked by the
     * guard before anything is sent.
     *
     * @throws IngestException naming the URL: not http(s), a host refused by the guard, unreachable, timed out, or a
     *                         2xx body over the size limit
     */
    public Response exchange(String url, Map<String, String> headers) throws IngestException {
        HttpRequest request = request(url, headers);
        guard.check(url, request.uri());
        return send(url, request);
    }

    /**
     * Refuses a URL this fetcher would not fetch (not http(s), or a host the guard refuses) before anything is sent
     * for it, robots.txt included.
     *
     * @throws IngestException naming the URL
     */
    public void checkAllowed(String url) throws IngestException {
        guard.check(url, httpUri(url));
    }

    private Response send(String url, HttpRequest request) throws IngestException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> {
            boolean ok = info.statusCode() / 100 == 2;
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
            return new LimitedBody(maxBytes, !ok || declared > maxBytes);
        });
        HttpResponse<byte[]> response;
        try {
            response = future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IngestException(url, "timed out after " + seconds(requestTimeout), e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IngestException(url, "interrupted while fetching", e);
        } catch (ExecutionException e) {
            throw failure(url, e.getCause() == null ? e : e.getCause());
        }
        int status = response.statusCode();
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
        if (status / 100 == 2 && declared > maxBytes) {
            throw new IngestException(url, "body of " + declared + " bytes is over the limit of " + maxBytes);
        }
        byte[] body = response.body();
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").strip()
                .toLowerCase(Locale.ROOT);
        if (status / 100 == 2 && (encoding.equals("gzip") || encoding.equals("x-gzip"))) {
            body = gunzip(url, body);
        }
        return new Response(status, response.uri().toString(), body, response.headers());
    }

    /** A gzip-encoded body decoded, through a count that stops at the size limit (a gzip bomb is not inflated). */
    private byte[] gunzip(String url, byte[] body) throws IngestException {
        long limit = Math.min(maxBytes, Limits.MAX_DECOMPRESSED_BYTES);
        try (java.io.InputStream in = InputStreams.limited(new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(body)), limit, () -> "gzip-encoded body expands to more than "
                + InputBytes.human(limit) + " (the limit); not read further")) {
            return in.readAllBytes();
        } catch (InputStreams.TooLarge e) {
            throw new IngestException(url, e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestException(url, "corrupt gzip-encoded body: " + e.getMessage(), e);
        }
    }

    /** The URL as a URI with an http(s) scheme and a host; anything else is refused naming the URL. */
    static URI httpUri(String url) throws IngestException {
        if (url.length() > Limits.MAX_URL_CHARS) {
            throw new IngestException(url.substring(0, 200) + "...", "URL of " + url.length()
                    + " characters is over the limit of " + Limits.MAX_URL_CHARS + "; not fetched");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IngestException(url, "not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IngestException(url, "not an http(s) URL");
        }
        if (uri.getHost() == null) {
            // java.net.URI reads "127.1" or "0x7f.0.0.1" as no host at all: nothing can be sent to it
            throw new IngestException(url, uri.getRawAuthority() == null ? "not an http(s) URL"
                    : "not an http(s) URL: " + uri.getRawAuthority() + " is not a valid host");
        }
        return uri;
    }

    private HttpRequest request(String url, Map<String, String> headers) throws IngestException {
        URI uri = httpUri(url);
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(requestTimeout)
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", ACCEPT);
            headers.forEach(builder::header);
            return builder.GET().build();
        } catch (IllegalArgumentException e) {
            throw new IngestException(url, "not a usable URL: " + e.getMessage(), e);
        }
    }

    private IngestException failure(String url, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge) {
                return new IngestException(url, "body is over the limit of " + maxBytes + " bytes", cause);
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new IngestException(url, "could not connect within " + seconds(connectTimeout), cause);
            }
            if (t instanceof HttpTimeoutException) {
                return new IngestException(url, "timed out after " + seconds(requestTimeout), cause);
            }
            if (t instanceof ConnectException) {
                return new IngestException(url, "could not connect: " + describe(t), cause);
            }
        }
        return new IngestException(url, "fetch failed: " + describe(cause), cause);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Signals that a body went over the limit; turned into an {@link IngestException} by {@link #failure}. */
    private static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("body over " + limit + " bytes");
        }
    }

    /**
     * Collects a body up to a limit and cancels the transfer once it goes over, so an endless or huge body costs at
     * most {@code limit} bytes. With {@code discard} it cancels at once (error pages, declared-too-large bodies).
     */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long limit;
        private final boolean discard;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(long limit, boolean discard) {
            this.limit = limit;
            this.discard = discard;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (discard) {
                s.cancel();
                result.complete(new byte[0]);
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
