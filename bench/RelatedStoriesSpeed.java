import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.storylens.serve.RelatedStories;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;
import org.storylens.store.StoredStory;
import org.storylens.store.StoryEntity;
import org.storylens.store.Stores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The story page's related stories over a large store, before and after the cheap staleness check: the database a
 * {@code StoreAtScale} run left (its SQLite file, or its PostgreSQL data directory, started again here), given
 * entities when it has none (each story four names of a pool of 20,000, skewed so that a few names are in many
 * stories, written to every article of the story as the ingest-tier analyses write {@code article_entities}); then,
 * for each of 20 stories, the related stories found as before this change (every story read to tell whether the index
 * is stale, every story scored) and as now, timed per call with the index built (median, p95; the first call, which
 * builds the index, alone), and both answers compared.
 *
 * <pre>
 *   java -Xmx4g -cp target/storylens.jar:$(cat target/test.classpath) bench/StoreAtScale.java \
 *       ../shared/eval/clustering/ecbplus-dev.jsonl 100000 sqlite,postgresql /tmp/storeatscale
 *   java -Xmx4g -cp target/storylens.jar:$(cat target/test.classpath) bench/RelatedStoriesSpeed.java \
 *       /tmp/storeatscale 100000 sqlite|postgresql
 * </pre>
 */
public class RelatedStoriesSpeed {

    private static final int NAMES = 20_000;
    private static final int NAMES_PER_STORY = 4;
    private static final int STORIES_ASKED = 20;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        String backend = args[2];
        if (backend.equals("sqlite")) {
            Path file = dir.resolve("scale-" + n + ".db");
            if (!Files.exists(file)) {
                throw new IllegalArgumentException(file + " is missing: run StoreAtScale with " + n + " first");
            }
            run("sqlite", file.toString(), "jdbc:sqlite:" + file);
        } else if (backend.equals("postgresql")) {
            Path data = dir.resolve("pg-" + n);
            if (!Files.isDirectory(data)) {
                throw new IllegalArgumentException(data + " is missing: run StoreAtScale with " + n + " first");
            }
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data)
                    .setCleanDataDirectory(false).setPGStartupWait(Duration.ofMinutes(2)).start()) {
                run("postgresql", "postgresql://postgres@localhost:" + pg.getPort() + "/storylens",
                        "jdbc:postgresql://localhost:" + pg.getPort() + "/storylens?user=postgres");
            }
        } else {
            throw new IllegalArgumentException("back end " + backend + ": expected sqlite or postgresql");
        }
    }

    private static void run(String backend, String db, String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc)) {
            addEntities(backend, c);
        }
        try (ArticleStore store = Stores.open(db)) {
            List<StoredStory> all = store.stories();
            Set<String> named = new HashSet<>();
            for (StoryEntity e : store.storyEntities()) {
                named.add(e.storyId());
            }
            if (named.size() < STORIES_ASKED) {
                throw new IllegalStateException("only " + named.size() + " stories have names");
            }
            Random random = new Random(7);
            List<String> asked = new ArrayList<>();
            while (asked.size() < STORIES_ASKED) {
                StoredStory s = all.get(random.nextInt(all.size()));
                if (named.contains(s.id()) && !asked.contains(s.id())) {
                    asked.add(s.id());
                }
            }
            System.out.printf(Locale.ROOT, "%s: %,d stories, %,d with names%n", backend, all.size(), named.size());
            double[] staleOld = new double[10];
            for (int i = 0; i < staleOld.length; i++) {
                long t = System.nanoTime();
                store.stories().stream().map(st -> st.id() + ":" + st.articles()).sorted().toList();
                staleOld[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] staleNew = new double[20];
            for (int i = 0; i < staleNew.length; i++) {
                long t = System.nanoTime();
                store.latestAssignment();
                staleNew[i] = (System.nanoTime() - t) / 1e6;
            }
            report(backend, "staleness, before: stories() + keys", staleOld);
            report(backend, "staleness, now: latestAssignment()", staleNew);

            RelatedStoriesBefore before = new RelatedStoriesBefore(store);
            RelatedStories now = new RelatedStories(store);
            long t = System.nanoTime();
            before.of(asked.get(0));
            System.out.printf(Locale.ROOT, "%s: %-40s %.0f ms%n", backend, "before: first call (builds)",
                    (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            now.of(asked.get(0));
            System.out.printf(Locale.ROOT, "%s: %-40s %.0f ms%n", backend, "now: first call (builds)",
                    (System.nanoTime() - t) / 1e6);
            double[] beforeMs = new double[asked.size()];
            double[] nowMs = new double[asked.size()];
            int found = 0;
            for (int i = 0; i < asked.size(); i++) {
                long t0 = System.nanoTime();
                List<String> b = before.of(asked.get(i)).stream().map(r -> r.id() + " " + r.shared()).toList();
                beforeMs[i] = (System.nanoTime() - t0) / 1e6;
                t0 = System.nanoTime();
                List<String> a = now.of(asked.get(i)).stream().map(r -> r.id() + " " + r.shared()).toList();
                nowMs[i] = (System.nanoTime() - t0) / 1e6;
                if (!a.equals(b)) {
                    throw new IllegalStateException("story " + asked.get(i) + ": before " + b + ", now " + a);
                }
                found += a.size();
            }
            report(backend, "before: of(story), index built", beforeMs);
            report(backend, "now: of(story), index built", nowMs);
            System.out.printf(Locale.ROOT, "%s: the same %d related stories for the %d stories before and now%n",
                    backend, found, asked.size());
        }
    }

    private static void report(String backend, String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 0 ? (sorted[n / 2 - 1] + sorted[n / 2]) / 2 : sorted[n / 2];
        System.out.printf(Locale.ROOT, "%s: %-40s median %.2f ms, p95 %.2f ms, max %.2f ms (%d calls)%n", backend,
                what, median, sorted[(int) Math.ceil(n * 0.95) - 1], sorted[n - 1], n);
    }

    /** Four names per story, skewed to a few popular ones, on every article of the story (ingest tier). */
    private static void addEntities(String backend, Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT (SELECT count(*) FROM article_entities WHERE tier = 'INGEST'), count(*) FROM story_articles")) {
            r.next();
            if (r.getLong(1) >= r.getLong(2)) {
                System.out.printf(Locale.ROOT, "%s: %,d ingest-tier entity rows already%n", backend, r.getLong(1));
                return;
            }
            // fewer than one per assigned article (those of the briefs serve wrote): replaced by generated ones
            s.execute("DELETE FROM article_entities WHERE tier = 'INGEST'");
        }
        long t0 = System.nanoTime();
        Map<String, List<String>> articlesOf = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT story_id, article_id FROM story_articles")) {
            while (r.next()) {
                articlesOf.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
            }
        }
        String[] types = {"PERSON", "ORGANIZATION", "LOCATION"};
        Random random = new Random(42);
        c.setAutoCommit(false);
        long rows = 0;
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO article_entities (article_id, tier, name, type, mentions) VALUES (?, 'INGEST', ?, ?, 1)")) {
            for (List<String> articles : articlesOf.values()) {
                Set<Integer> names = new HashSet<>();
                while (names.size() < NAMES_PER_STORY) {
                    double u = random.nextDouble();
                    names.add((int) (NAMES * u * u * u));
                }
                for (String article : articles) {
                    for (int name : names) {
                        p.setString(1, article);
                        p.setString(2, "Name" + name + " " + types[name % 3].toLowerCase(Locale.ROOT));
                        p.setString(3, types[name % 3]);
                        p.addBatch();
                        if (++rows % 5_000 == 0) {
                            p.executeBatch();
                        }
                    }
                }
            }
            p.executeBatch();
        }
        c.commit();
        System.out.printf(Locale.ROOT, "%s: %,d entity rows written for %,d stories in %.0f s%n", backend, rows,
                articlesOf.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** RelatedStories as it was before the cheap staleness check (commit 0c042aa), verbatim but for its name. */
    static final class RelatedStoriesBefore {

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

        private record Index(List<String> version, Map<String, StoredStory> stories, Map<String, Map<String, Name>> names,
                             Map<String, Integer> storiesNaming) {
        }

        private final ArticleStore store;
        private volatile Index index;

        RelatedStoriesBefore(ArticleStore store) {
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
            List<Related> found = new ArrayList<>();
            for (Map.Entry<String, Map<String, Name>> other : idx.names().entrySet()) {
                StoredStory candidate = idx.stories().get(other.getKey());
                if (other.getKey().equals(storyId) || candidate == null || !near(story, candidate)) {
                    continue;
                }
                List<String> shared = new ArrayList<>(own.keySet());
                shared.retainAll(other.getValue().keySet());
                // a name either story takes for a place counts as a place ("Brannsk" the city, "Brannsk" of Brannsk FC)
                long places = shared.stream().filter(k -> own.get(k).type().equals("LOCATION")
                        || other.getValue().get(k).type().equals("LOCATION")).count();
                if (shared.isEmpty() || (places == shared.size() && places < 2)) {
                    continue;
                }
                shared.sort(Comparator.comparing((String k) -> idx.storiesNaming().get(k)).thenComparing(k -> k));
                double score = shared.stream().mapToDouble(k -> Math.log(1.0 + (double) total / idx.storiesNaming().get(k)))
                        .sum();
                List<String> shown = shared.stream().limit(NAMES_SHOWN).map(k -> own.get(k).shown()).toList();
                found.add(new Related(candidate.id(), candidate.title(), shown, score));
            }
            found.sort(Comparator.comparingDouble(Related::score).reversed().thenComparing(Related::id));
            return found.size() > SHOWN ? List.copyOf(found.subList(0, SHOWN)) : List.copyOf(found);
        }

        private Index index() throws StoreException {
            // the stories as they are now (one read of the stories table): the index is built again when they changed
            List<StoredStory> now = store.stories();
            List<String> version = now.stream().map(st -> st.id() + ":" + st.articles()).sorted().toList();
            Index idx = index;
            if (idx != null && idx.version().equals(version)) {
                return idx;
            }
            Set<String> outlets = new HashSet<>();
            for (String o : store.outlets()) {
                outlets.add(key(o));
            }
            Map<String, StoredStory> stories = new HashMap<>();
            for (StoredStory st : now) {
                stories.put(st.id(), st);
            }
            Map<String, Map<String, Name>> names = new LinkedHashMap<>();
            Map<String, Integer> storiesNaming = new HashMap<>();
            for (StoryEntity e : store.storyEntities()) {
                String k = key(e.name());
                if (k.length() < 3 || outlets.contains(k) || outlets.contains(key("The " + e.name()))) {
                    continue;
                }
                if (names.computeIfAbsent(e.storyId(), id -> new LinkedHashMap<>())
                        .putIfAbsent(k, new Name(e.name(), e.type())) == null) {
                    storiesNaming.merge(k, 1, Integer::sum);
                }
            }
            idx = new Index(version, stories, names, storiesNaming);
            index = idx;
            return idx;
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
}
