package org.storylens.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Polls RSS/Atom feeds for entries it has not seen. Each {@link #poll()} round first fetches every feed with a
 * conditional GET through a {@link PoliteFetcher} (an unchanged feed costs a 304 and nothing more) and parses it: the
 * entries not met before go to the feed's queue of waiting entries. Then it reads waiting entries, at most
 * {@link Limits#MAX_FEED_ENTRIES_PER_ROUND} per feed per round, taking them round-robin across the hosts their pages
 * are on (one page of host A, one of host B, ...), so that a feed with thousands of entries on a slow host delays
 * neither another feed's poll nor another host's pages; the rest wait for later rounds. Entries already stored (the
 * injected {@code alreadyStored} answers for an entry's link or URL guid, so a restarted watch does not fetch them
 * again) are skipped when their turn comes.
 *
 * <p>A feed that cannot be fetched or parsed is a failure of the round naming its URL, and the round goes on with the
 * other feeds; so is anything a feed or an entry throws, errors such as {@link StackOverflowError} included. An entry
 * whose page fails waits to be tried again in the next rounds, up to {@link #MAX_ATTEMPTS} times. What is remembered
 * of a feed's entries is what its latest body holds, so memory stays bounded by the feeds' sizes. A failure of
 * {@code alreadyStored} (the store cannot be asked) ends the round by throwing it.
 *
 * <p>Thread-safe: rounds run one at a time. An interrupt ends the round early with what it had; what it did not read
 * waits for the next round.
 */
public final class FeedWatcher {

    /** How many rounds an entry whose page cannot be read is tried in before it is left alone. */
    public static final int MAX_ATTEMPTS = 3;

    /**
     * What one round found.
     *
     * @param articles  the articles of entries not seen before, in the order they were read
     * @param failures  feeds that could not be fetched or parsed, and new entries that could not be read
     * @param polled    how many feeds were polled (all of them, unless the round was interrupted)
     * @param unchanged how many of those answered 304 Not Modified
     * @param waiting   how many new entries wait for a later round (over the per-round limit, or to be tried again)
     */
    public record Round(List<RawArticle> articles, List<IngestException> failures, int polled, int unchanged,
                        int waiting) {

        public Round {
            articles = List.copyOf(articles);
            failures = List.copyOf(failures);
        }
    }

    /** What is known of one feed's latest body. */
    private static final class FeedState {
        /** The keys of its entries that were read, left alone or are stored. */
        Set<String> seen = new HashSet<>();
        /** Its entries still to read, in feed order. */
        Map<String, FeedEntry> waiting = new LinkedHashMap<>();
        /** Per waiting entry key, how many rounds its page failed in. */
        Map<String, Integer> attempts = new HashMap<>();
    }

    /** A waiting entry taken for this round. */
    private record Pending(String feed, FeedEntry entry) {
    }

    /** Carries a failure of {@code alreadyStored} through the round's per-feed and per-entry catches. */
    private static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(RuntimeException cause) {
            super(cause);
        }
    }

    private final List<String> feeds;
    private final PoliteFetcher fetcher;
    private final RomeFeedReader reader;
    private final Predicate<String> alreadyStored;
    private final Map<String, FeedState> states = new HashMap<>();

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

    /**
     * Polls every feed once, then reads waiting entries.
     *
     * @throws RuntimeException what {@code alreadyStored} threw, when the store could not be asked
     */
    public synchronized Round poll() {
        List<RawArticle> articles = new ArrayList<>();
        List<IngestException> failures = new ArrayList<>();
        int polled = 0;
        int unchanged = 0;
        try {
            for (String feed : feeds) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                polled++;
                try {
                    Optional<PageFetcher.FetchedPage> body = fetcher.fetchIfChanged(feed);
                    if (body.isEmpty()) {
                        unchanged++;
                        continue;
                    }
                    queue(feed, reader.entries(Input.ofBytes(feed, body.get().body())));
                } catch (IngestException e) {
                    // fetched whole next time, so that a feed still broken is reported again
                    fetcher.forgetValidators(feed);
                    failures.add(e);
                } catch (RuntimeException | Error e) {
                    fetcher.forgetValidators(feed);
                    failures.add(new IngestException(feed, "feed could not be read: " + describe(e), e));
                }
            }
            readWaiting(articles, failures);
        } catch (StoreUnavailable e) {
            throw (RuntimeException) e.getCause();
        }
        int waiting = states.values().stream().mapToInt(s -> s.waiting.size()).sum();
        return new Round(articles, failures, polled, unchanged, waiting);
    }

    /**
     * Forgets every entry seen and waiting and every feed's validators, so that the next round reads again what is
     * not stored (after the articles of a round could not be stored, say).
     */
    public synchronized void forgetSeen() {
        states.clear();
        feeds.forEach(fetcher::forgetValidators);
    }

    /** Takes a fresh body's entries: those not met before wait, the others stay as they were. */
    private void queue(String feed, List<FeedEntry> entries) {
        FeedState state = states.computeIfAbsent(feed, f -> new FeedState());
        Set<String> seen = new HashSet<>();
        Map<String, FeedEntry> waiting = new LinkedHashMap<>();
        for (FeedEntry entry : entries) {
            String key = entry.key();
            if (seen.contains(key) || waiting.containsKey(key)) {
                continue;
            }
            if (state.seen.contains(key)) {
                seen.add(key);
            } else {
                waiting.put(key, entry);
            }
        }
        state.attempts.keySet().retainAll(waiting.keySet());
        state.seen = seen;
        state.waiting = waiting;
    }

    /**
     * Reads up to the per-round limit of each feed's waiting entries, one host after the other in turn (entries whose
     * text is in the feed count as their feed's own "host"). Stops early when interrupted.
     */
    private void readWaiting(List<RawArticle> articles, List<IngestException> failures) {
        Map<String, Deque<Pending>> byHost = new LinkedHashMap<>();
        for (String feed : feeds) {
            FeedState state = states.get(feed);
            if (state == null) {
                continue;
            }
            int taken = 0;
            Iterator<FeedEntry> it = state.waiting.values().iterator();
            while (it.hasNext() && taken < Limits.MAX_FEED_ENTRIES_PER_ROUND) {
                FeedEntry entry = it.next();
                if (stored(entry)) {
                    it.remove();
                    state.seen.add(entry.key());
                    state.attempts.remove(entry.key());
                    continue;
                }
                byHost.computeIfAbsent(hostOf(feed, entry), h -> new ArrayDeque<>()).add(new Pending(feed, entry));
                taken++;
            }
        }
        while (!byHost.isEmpty()) {
            for (Iterator<Deque<Pending>> it = byHost.values().iterator(); it.hasNext(); ) {
                Deque<Pending> queue = it.next();
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                read(queue.removeFirst(), articles, failures);
                if (queue.isEmpty()) {
                    it.remove();
                }
            }
        }
    }

    private void read(Pending pending, List<RawArticle> articles, List<IngestException> failures) {
        FeedState state = states.get(pending.feed());
        FeedEntry entry = pending.entry();
        String key = entry.key();
        try {
            articles.add(reader.article(entry));
            settle(state, key);
        } catch (IngestException e) {
            if (Thread.currentThread().isInterrupted()) {
                // cut short by the interrupt: tried again next round, not counted
                return;
            }
            int tried = state.attempts.merge(key, 1, Integer::sum);
            if (tried >= MAX_ATTEMPTS || entry.link() == null || entry.problem() != null) {
                // left alone: a page that failed this often, or an entry with nothing to fetch
                settle(state, key);
                failures.add(entry.link() == null || entry.problem() != null ? e : new IngestException(e.input(),
                        e.reason() + " (tried in " + tried + " rounds; not tried again)", e));
            } else {
                failures.add(e);
            }
        } catch (RuntimeException | Error e) {
            // whatever an entry throws fails it alone, and an entry that breaks the reader is not tried again
            settle(state, key);
            failures.add(new IngestException(entry.origin(), "feed entry could not be read: " + describe(e)
                    + "; not tried again", e));
        }
    }

    private static void settle(FeedState state, String key) {
        state.waiting.remove(key);
        state.attempts.remove(key);
        state.seen.add(key);
    }

    /**
     * The host (origin, as {@link PoliteFetcher} keys its delays) whose turn an entry waits for: its page's, when its
     * page is to be fetched, else its feed's.
     */
    private static String hostOf(String feed, FeedEntry entry) {
        if (entry.text() == null && entry.problem() == null && entry.link() != null) {
            try {
                return PoliteFetcher.origin(entry.link());
            } catch (IngestException e) {
                // an unusable link fails when it is fetched; it waits with its feed
            }
        }
        return "feed " + feed;
    }

    private boolean stored(FeedEntry entry) {
        try {
            if (entry.link() != null && alreadyStored.test(entry.link())) {
                return true;
            }
            String guid = entry.guid();
            return guid != null && !guid.equals(entry.link()) && guid.matches("(?i)https?://.+")
                    && alreadyStored.test(guid);
        } catch (RuntimeException e) {
            throw new StoreUnavailable(e);
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": "
                + t.getMessage();
    }
}
