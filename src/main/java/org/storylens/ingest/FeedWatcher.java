package org.storylens.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Polls RSS/Atom feeds for entries it has not seen. Each {@link #poll()} round fetches every feed with a conditional
 * GET through a {@link PoliteFetcher} (an unchanged feed costs a 304 and nothing more), parses it, skips the entries
 * met in an earlier round or already stored (the injected {@code alreadyStored} answers for an entry's link or URL
 * guid, so a restarted watch does not fetch them again), and reads the others, fetching their pages politely when
 * the feed carries no text.
 *
 * <p>A feed that cannot be fetched or parsed is a failure of the round naming its URL, and the round goes on with the
 * other feeds. An entry whose page fails is tried again in the next rounds (the feed is then fetched whole), up to
 * {@link #MAX_ATTEMPTS} times. What is remembered of a feed's entries is what its latest body holds, so memory stays
 * bounded by the feeds' sizes.
 *
 * <p>Thread-safe: rounds run one at a time. An interrupt ends the round early with what it had.
 */
public final class FeedWatcher {

    /** How many rounds an entry whose page cannot be read is tried in before it is left alone. */
    public static final int MAX_ATTEMPTS = 3;

    /**
     * What one round found.
     *
     * @param articles  the articles of entries not seen before, in feed order, feeds in the order given
     * @param failures  feeds that could not be fetched or parsed, and new entries that could not be read
     * @param polled    how many feeds were polled (all of them, unless the round was interrupted)
     * @param unchanged how many of those answered 304 Not Modified
     */
    public record Round(List<RawArticle> articles, List<IngestException> failures, int polled, int unchanged) {

        public Round {
            articles = List.copyOf(articles);
            failures = List.copyOf(failures);
        }
    }

    private final List<String> feeds;
    private final PoliteFetcher fetcher;
    private final RomeFeedReader reader;
    private final Predicate<String> alreadyStored;
    /** Per feed, the keys of the entries of its latest body that were read or are stored. */
    private final Map<String, Set<String>> seen = new HashMap<>();
    /** Per entry key, how many rounds its page failed in. */
    private final Map<String, Integer> attempts = new HashMap<>();

    /**
     * @param feeds         the feed URLs, polled in this order
     * @param fetcher       fetches the feeds (and, through {@code reader}, the entries' pages)
     * @param reader        parses feeds; built with the same {@code fetcher} so that entry pages are fetched politely
     * @param alreadyStored whether an article with this URL is stored
     */
    public FeedWatcher(List<String> feeds, PoliteFetcher fetcher, RomeFeedReader reader,
                       Predicate<String> alreadyStored) {
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("no feed to watch");
        }
        this.feeds = List.copyOf(new LinkedHashSet<>(feeds));
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.alreadyStored = Objects.requireNonNull(alreadyStored, "alreadyStored");
    }

    public List<String> feeds() {
        return feeds;
    }

    /** Polls every feed once. */
    public synchronized Round poll() {
        List<RawArticle> articles = new ArrayList<>();
        List<IngestException> failures = new ArrayList<>();
        int polled = 0;
        int unchanged = 0;
        for (String feed : feeds) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            polled++;
            Optional<PageFetcher.FetchedPage> body;
            List<FeedEntry> entries;
            try {
                body = fetcher.fetchIfChanged(feed);
                if (body.isEmpty()) {
                    unchanged++;
                    continue;
                }
                entries = reader.entries(Input.ofBytes(feed, body.get().body()));
            } catch (IngestException e) {
                // fetched whole next time, so that a feed still broken is reported again
                fetcher.forgetValidators(feed);
                failures.add(e);
                continue;
            }
            if (!readNewEntries(feed, entries, articles, failures)) {
                fetcher.forgetValidators(feed);
            }
        }
        return new Round(articles, failures, polled, unchanged);
    }

    /**
     * Forgets every entry seen and every feed's validators, so that the next round reads again what is not stored
     * (after the articles of a round could not be stored, say).
     */
    public synchronized void forgetSeen() {
        seen.clear();
        attempts.clear();
        feeds.forEach(fetcher::forgetValidators);
    }

    /** Reads the feed's new entries; false when one of them is to be tried again in the next round. */
    private boolean readNewEntries(String feed, List<FeedEntry> entries, List<RawArticle> articles,
                                   List<IngestException> failures) {
        Set<String> before = seen.getOrDefault(feed, Set.of());
        Set<String> now = new HashSet<>();
        boolean settled = true;
        for (FeedEntry entry : entries) {
            String key = entry.key();
            if (before.contains(key) || now.contains(key) || stored(entry)) {
                now.add(key);
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                // the rest waits for the next round; the entries seen before stay seen
                settled = false;
                continue;
            }
            try {
                articles.add(reader.article(entry));
                now.add(key);
                attempts.remove(key);
            } catch (IngestException e) {
                int tried = attempts.merge(key, 1, Integer::sum);
                if (tried >= MAX_ATTEMPTS || entry.link() == null) {
                    // left alone: a page that failed this often, or an entry with nothing to fetch
                    now.add(key);
                    attempts.remove(key);
                    failures.add(entry.link() == null ? e : new IngestException(e.input(),
                            e.reason() + " (tried in " + tried + " rounds; not tried again)", e));
                } else {
                    settled = false;
                    failures.add(e);
                }
            }
        }
        seen.put(feed, now);
        return settled;
    }

    private boolean stored(FeedEntry entry) {
        if (entry.link() != null && alreadyStored.test(entry.link())) {
            return true;
        }
        String guid = entry.guid();
        return guid != null && !guid.equals(entry.link()) && guid.matches("(?i)https?://.+")
                && alreadyStored.test(guid);
    }
}
