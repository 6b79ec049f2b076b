package org.storylens.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fetches pages and feeds the way a well-behaved crawler does, through a {@link PageFetcher} (which brings the
 * User-Agent, connect and whole-request timeouts and the size limit):
 * <ul>
 *   <li>each host's {@code /robots.txt} is read before its first request and kept for {@link Settings#robotsTtl()}
 *       (see {@link RobotsRules} for how; an unreachable robots.txt disallows everything but is tried again after
 *       {@link Settings#unreachableRobotsTtl()}); a disallowed URL is never requested;</li>
 *   <li>one request at a time per host, at least {@link Settings#minDelay()} after the previous one ended, or the
 *       robots.txt {@code Crawl-delay} when longer, up to {@link Settings#maxDelay()};</li>
 *   <li>{@link #fetchIfChanged} sends the {@code ETag} and {@code Last-Modified} an earlier answer for the URL gave as
 *       {@code If-None-Match} / {@code If-Modified-Since}, and a 304 comes back as "unchanged", without a body;</li>
 *   <li>redirects are followed here, hop by hop (up to {@link Limits#MAX_REDIRECTS}): each hop is a request of its
 *       own, to a host the fetcher's {@link PublicAddressGuard} allows, minding that host's robots.txt and delay.</li>
 * </ul>
 * Time is read and waited through an injected {@link Clock}. Thread-safe: requests to different hosts run in
 * parallel, requests to one host one after the other.
 */
public final class PoliteFetcher implements PageSource {

    /**
     * How polite to be.
     *
     * @param minDelay             the least time between the end of one request to a host and the start of the next
     * @param maxDelay             the most a robots.txt {@code Crawl-delay} can make that time
     * @param robotsTtl            how long a host's robots.txt is kept before it is read again
     * @param unreachableRobotsTtl how long an unreachable robots.txt (5xx, network error) keeps its host disallowed
     *                             before it is tried again
     * @param maxRememberedUrls    how many URLs' validators (ETag, Last-Modified) are kept, least recently used
     *                             dropped first
     */
    public record Settings(Duration minDelay, Duration maxDelay, Duration robotsTtl, Duration unreachableRobotsTtl,
                           int maxRememberedUrls) {

        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofHours(1), Duration.ofMinutes(5), 10_000);

        public Settings {
            if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
                throw new IllegalArgumentException("need 0 <= minDelay <= maxDelay: " + minDelay + ", " + maxDelay);
            }
            if (robotsTtl.isNegative() || unreachableRobotsTtl.isNegative() || maxRememberedUrls < 1) {
                throw new IllegalArgumentException("robots TTLs must not be negative and maxRememberedUrls positive");
            }
        }
    }

    /** Time as the fetcher reads and waits it; tests use one that records waits instead of sleeping. */
    public interface Clock {

        /** A monotonic reading, as {@link System#nanoTime()}. */
        long nanoTime();

        void sleep(Duration duration) throws InterruptedException;

        /** The system's clock and {@link Thread#sleep}. */
        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
            }
        };
    }

    /** Validators of an earlier answer for one URL. */
    private record Validators(String etag, String lastModified) {
    }

    /** What is known of one host (scheme, host and port); its lock is held for the whole of each request. */
    private static final class Host {
        final ReentrantLock lock = new ReentrantLock();
        RobotsRules robots;
        String robotsProblem;
        long robotsExpire;
        boolean requested;
        long lastRequestEnd;
    }

    private final PageFetcher fetcher;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final Map<String, Validators> validators;

    public PoliteFetcher(PageFetcher fetcher) {
        this(fetcher, Settings.DEFAULT, Clock.SYSTEM);
    }

    public PoliteFetcher(PageFetcher fetcher, Settings settings, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        int max = settings.maxRememberedUrls();
        this.validators = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Validators> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * Fetches a page politely, unconditionally.
     *
     * @throws IngestException naming the URL: disallowed by robots.txt, interrupted while waiting, or any failure of
     *                         {@link PageFetcher#fetch}
     */
    @Override
    public PageFetcher.FetchedPage fetch(String url) throws IngestException {
        PageFetcher.Response response = send(url, Map.of());
        if (!response.isSuccess()) {
            throw new IngestException(url, "HTTP " + response.status());
        }
        return response.page();
    }

    /**
     * Fetches a page politely with a conditional GET, remembering the validators of a 2xx answer for next time.
     *
     * @return the page, or empty when the server answered 304 Not Modified
     * @throws IngestException as {@link #fetch}
     */
    public Optional<PageFetcher.FetchedPage> fetchIfChanged(String url) throws IngestException {
        Validators known;
        synchronized (validators) {
            known = validators.get(url);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (known != null && known.etag() != null) {
            headers.put("If-None-Match", known.etag());
        }
        if (known != null && known.lastModified() != null) {
            headers.put("If-Modified-Since", known.lastModified());
        }
        PageFetcher.Response response = send(url, headers);
        if (response.status() == 304) {
            return Optional.empty();
        }
        if (!response.isSuccess()) {
            throw new IngestException(url, "HTTP " + response.status());
        }
        String etag = response.header("ETag");
        String lastModified = response.header("Last-Modified");
        synchronized (validators) {
            if (etag != null || lastModified != null) {
                validators.put(url, new Validators(etag, lastModified));
            } else {
                validators.remove(url);
            }
        }
        return Optional.of(response.page());
    }

    /** Drops what an earlier answer for the URL said, so that the next {@link #fetchIfChanged} gets it whole. */
    public void forgetValidators(String url) {
        synchronized (validators) {
            validators.remove(url);
        }
    }

    /** The answer for the URL, redirects followed hop by hop, each hop asking its own host's robots.txt and delay. */
    private PageFetcher.Response send(String url, Map<String, String> headers) throws IngestException {
        return PageFetcher.followRedirects(url, hop -> sendOne(hop, headers));
    }

    private PageFetcher.Response sendOne(String url, Map<String, String> headers) throws IngestException {
        // a refused host is refused at once, its robots.txt not asked
        fetcher.checkAllowed(url);
        String origin = origin(url);
        Host host = hosts.computeIfAbsent(origin, o -> new Host());
        try {
            host.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException(url, "interrupted while waiting for its host", e);
        }
        try {
            RobotsRules robots = robots(host, origin, url);
            if (!robots.allows(url)) {
                throw new IngestException(url, host.robotsProblem != null ? host.robotsProblem
                        : "disallowed by " + origin + "/robots.txt; not fetched");
            }
            return request(host, robots, url, headers, false);
        } finally {
            host.lock.unlock();
        }
    }

    /** The host's robots.txt rules, read again when expired. Called with the host's lock held. */
    private RobotsRules robots(Host host, String origin, String url) throws IngestException {
        long now = clock.nanoTime();
        if (host.robots != null && now - host.robotsExpire < 0) {
            return host.robots;
        }
        String robotsUrl = origin + "/robots.txt";
        RobotsRules rules;
        String problem = null;
        Duration ttl = settings.robotsTtl();
        try {
            PageFetcher.Response response = request(host, RobotsRules.allowAll(), robotsUrl, Map.of(), true);
            if (response.isSuccess()) {
                // RFC 9309 2.5: a crawler may stop parsing after 500 KiB
                byte[] body = response.body();
                rules = RobotsRules.parse(new String(body, 0, Math.min(body.length, Limits.MAX_ROBOTS_TXT_BYTES),
                        StandardCharsets.UTF_8));
            } else if (response.status() / 100 == 4 || response.status() / 100 == 3) {
                // RFC 9309 2.3.1.3: "unavailable" (401 and 403 too) means the crawler may access anything; so may
                // a robots.txt redirecting without a Location (2.3.1.2)
                rules = RobotsRules.allowAll();
            } else {
                // RFC 9309 2.3.1.4: "unreachable" (5xx) means complete disallow
                rules = RobotsRules.disallowAll();
                problem = "not fetched: " + robotsUrl + " answered HTTP " + response.status()
                        + ", and an unreachable robots.txt disallows everything (RFC 9309)";
                ttl = settings.unreachableRobotsTtl();
            }
        } catch (IngestException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IngestException(url, "interrupted while reading " + robotsUrl, e);
            }
            rules = RobotsRules.disallowAll();
            problem = "not fetched: " + robotsUrl + " could not be read (" + e.reason()
                    + "), and an unreachable robots.txt disallows everything (RFC 9309)";
            ttl = settings.unreachableRobotsTtl();
        }
        host.robots = rules;
        host.robotsProblem = problem;
        host.robotsExpire = clock.nanoTime() + ttl.toNanos();
        return rules;
    }

    /**
     * One request after the host's delay, redirects followed when {@code followRedirects} (robots.txt, RFC 9309
     * 2.3.1.2). Called with the host's lock held.
     */
    private PageFetcher.Response request(Host host, RobotsRules robots, String url, Map<String, String> headers,
                                         boolean followRedirects) throws IngestException {
        if (host.requested) {
            Duration delay = robots.crawlDelay()
                    .filter(d -> d.compareTo(settings.minDelay()) > 0)
                    .map(d -> d.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : d)
                    .orElse(settings.minDelay());
            long wait = delay.toNanos() - (clock.nanoTime() - host.lastRequestEnd);
            if (wait > 0) {
                try {
                    clock.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IngestException(url, "interrupted while waiting for its host", e);
                }
            }
        }
        try {
            return followRedirects ? fetcher.exchangeFollowingRedirects(url, headers) : fetcher.exchange(url, headers);
        } finally {
            host.requested = true;
            host.lastRequestEnd = clock.nanoTime();
        }
    }

    /** {@code scheme://host:port}, lower case, the port always written: robots.txt and delays are per origin. */
    static String origin(String url) throws IngestException {
        URI uri = PageFetcher.httpUri(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }
}
