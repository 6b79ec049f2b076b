package org.storylens.serve;

import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;
import org.storylens.store.StoredStory;
import org.storylens.store.StoryEntity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stories related to a story: those naming the same people, organisations or places whose dates lie within
 * {@value #WINDOW_DAYS} days of its own, ranked by the shared names, each weighted by its rarity across the stories
 * (a name in two stories weighs more than one in twenty). A story is related when it shares a person or an
 * organisation, or at least two places (a name either story takes for a place is a place); outlets' own names (an
 * outlet naming itself) do not count. The index is built from the store's entity table and kept until a story opens or
 * gains articles, which one indexed read of the store ({@link ArticleStore#latestAssignment()}) tells on each call;
 * one caller builds it again while the others answer from the index before. A story's related stories are scored
 * among the stories sharing one of its names only. Thread-safe.
 */
public final class RelatedStories {

    /** How many days apart two stories' date spans may lie. */
    public static final int WINDOW_DAYS = 14;
    /** How many related stories are shown. */
    public static final int SHOWN = 5;
    /** How many shared names are listed per related story. */
    private static final int NAMES_SHOWN = 6;

    /**
     * A related story.
     *
     * @param id     its id
     * @param title  its title, or null
     * @param shared the names it shares, rarest first
     * @param score  the sum of the shared names' weights
     */
    public record Related(String id, String title, List<String> shared, double score) {

        public Related {
            shared = List.copyOf(shared);
        }
    }

    private record Name(String shown, String type) {
    }

    /**
     * The stories as of one {@link ArticleStore#latestAssignment()}: each story's names (by their caseless key) and,
     * for each name, the stories naming it.
     */
    private record Index(long version, Map<String, StoredStory> stories, Map<String, Map<String, Name>> names,
                         Map<String, List<String>> storiesByName) {
    }

    private final ArticleStore store;
    private final ReentrantLock building = new ReentrantLock();
    private volatile Index index;

    public RelatedStories(ArticleStore store) {
        this.store = store;
    }

    /** Up to {@value #SHOWN} related stories of the story, most related first (none for an unknown story). */
    public List<Related> of(String storyId) throws StoreException {
        Index idx = index();
        StoredStory story = idx.stories().get(storyId);
        Map<String, Name> own = idx.names().get(storyId);
        if (story == null || own == null) {
            return List.of();
        }
        int total = Math.max(idx.stories().size(), 1);
        // the candidates are the stories naming one of its names (the index's postings), not every story
        Set<String> candidates = new HashSet<>();
        for (String k : own.keySet()) {
            candidates.addAll(idx.storiesByName().getOrDefault(k, List.of()));
        }
        candidates.remove(storyId);
        List<Related> found = new ArrayList<>();
        for (String otherId : candidates) {
            StoredStory candidate = idx.stories().get(otherId);
            Map<String, Name> theirs = idx.names().get(otherId);
            if (candidate == null || theirs == null || !near(story, candidate)) {
                continue;
            }
            List<String> shared = new ArrayList<>(own.keySet());
            shared.retainAll(theirs.keySet());
            // a name either story takes for a place counts as a place ("Brannsk" the city, "Brannsk" of Brannsk FC)
            long places = shared.stream().filter(k -> own.get(k).type().equals("LOCATION")
                    || theirs.get(k).type().equals("LOCATION")).count();
            if (shared.isEmpty() || (places == shared.size() && places < 2)) {
                continue;
            }
            shared.sort(Comparator.comparing((String k) -> idx.storiesByName().get(k).size()).thenComparing(k -> k));
            double score = shared.stream()
                    .mapToDouble(k -> Math.log(1.0 + (double) total / idx.storiesByName().get(k).size())).sum();
            List<String> shown = shared.stream().limit(NAMES_SHOWN).map(k -> own.get(k).shown()).toList();
            found.add(new Related(candidate.id(), candidate.title(), shown, score));
        }
        found.sort(Comparator.comparingDouble(Related::score).reversed().thenComparing(Related::id));
        return found.size() > SHOWN ? List.copyOf(found.subList(0, SHOWN)) : List.copyOf(found);
    }

    private Index index() throws StoreException {
        // one indexed read tells whether a story opened or grew since the index was built; only then is it built again
        long version = store.latestAssignment();
        Index idx = index;
        if (idx != null && idx.version() == version) {
            return idx;
        }
        // one caller builds it; the others meanwhile answer from the index before, when there is one
        if (idx != null && !building.tryLock()) {
            return idx;
        }
        if (idx == null) {
            building.lock();
        }
        try {
            idx = index;
            if (idx == null || idx.version() < version) {
                idx = build(version);
                index = idx;
            }
            return idx;
        } finally {
            building.unlock();
        }
    }

    private Index build(long version) throws StoreException {
        Set<String> outlets = new HashSet<>();
        for (String o : store.outlets()) {
            outlets.add(key(o));
        }
        Map<String, StoredStory> stories = new HashMap<>();
        for (StoredStory st : store.stories()) {
            stories.put(st.id(), st);
        }
        Map<String, Map<String, Name>> names = new HashMap<>();
        Map<String, List<String>> storiesByName = new HashMap<>();
        for (StoryEntity e : store.storyEntities()) {
            String k = key(e.name());
            if (k.length() < 3 || outlets.contains(k) || outlets.contains(key("The " + e.name()))) {
                continue;
            }
            if (names.computeIfAbsent(e.storyId(), id -> new LinkedHashMap<>())
                    .putIfAbsent(k, new Name(e.name(), e.type())) == null) {
                storiesByName.computeIfAbsent(k, n -> new ArrayList<>()).add(e.storyId());
            }
        }
        return new Index(version, stories, names, storiesByName);
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Whether the two stories' date spans lie within the window of each other (undated stories are near all). */
    private static boolean near(StoredStory a, StoredStory b) {
        LocalDate aFrom = a.firstPublished(), aTo = a.lastPublished() == null ? aFrom : a.lastPublished();
        LocalDate bFrom = b.firstPublished(), bTo = b.lastPublished() == null ? bFrom : b.lastPublished();
        if (aFrom == null || bFrom == null) {
            return true;
        }
        long gap = Math.max(ChronoUnit.DAYS.between(aTo, bFrom), ChronoUnit.DAYS.between(bTo, aFrom));
        return gap <= WINDOW_DAYS;
    }
}
