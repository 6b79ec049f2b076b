package org.storylens.ingest;

/**
 * Fetches a web page by URL: {@link PageFetcher} plainly, {@link PoliteFetcher} minding robots.txt and per-host
 * delays. Implementations are thread-safe.
 */
@FunctionalInterface
public interface PageSource {

    /**
     * @throws IngestException naming the URL, when the page cannot be had (unreachable, timed out, not 2xx,
     *                         too large, refused by robots.txt)
     */
    PageFetcher.FetchedPage fetch(String url) throws IngestException;
}
