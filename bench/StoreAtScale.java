import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.storylens.clean.Article;
import org.storylens.clean.PublicationDate;
import org.storylens.clean.RuleBasedArticleCleaner;
import org.storylens.cluster.ClusterSnapshot;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;
import org.storylens.cluster.StoryAssignment;
import org.storylens.ingest.SourceFormat;
import org.storylens.store.ArticleStore;
import org.storylens.store.Stores;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The store at scale: N generated articles (default 1,000,000) in stories of 1 to 50, written through the store's
 * batch API as {@code ingest} writes them, into SQLite and into PostgreSQL (zonky's embedded server, its default
 * settings: fsync on); then the database's size and the latency of {@code GET /api/stories} (first page) and of a
 * story page ({@code GET /stories/{id}}) served by {@code storylens serve} over it.
 *
 * <pre>
 *   ./storylens --version
 *   mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
 *   java -Xmx4g -cp target/storylens.jar:$(cat target/test.classpath) bench/StoreAtScale.java \
 *       ../shared/eval/clustering/ecbplus-dev.jsonl 1000000 sqlite,postgresql /tmp/storeatscale
 * </pre>
 * Articles: a title and 10 to 18 sentences drawn at random from the real news sentences of the JSON Lines file (ECB+),
 * about 300 words; one of 400 outlets (a few large ones take most articles); 5,000 articles a day from 2024-01-01;
 * each article joins one of about 500 open stories, whose sizes are drawn from 1 to 50 (skewed to small, mean about
 * 8). Batches of 500: {@link ArticleStore#addAll} then {@link ArticleStore#saveStories} with the batch's assignments
 * and the stories they touched, as {@code ingest} saves them. No analyses are stored (the listing's entity and country
 * filters are then empty; the story page analyses its articles at the brief tier when first asked, as it does for any
 * story whose analyses are not kept). The clusterer snapshot saved with each batch holds the touched stories only; at
 * the end one snapshot of every story (all closed, as a dated stream leaves them) is saved once and timed: what the
 * story stage rewrites with each batch at that size.
 *
 * <p>Latency: {@code storylens serve} in a child JVM (-Xmx2g) on a free port; once it has written the briefs it
 * prepares at start (its CPU idle), the first request of each kind is timed alone (cold), then 20 more (median, p95,
 * max); while the story page answers 202 (its brief being written) it is asked again every 250 ms, and the first
 * request's time is until it answers 200. The story page is one of about 10 articles opened half-way through the
 * stream.
 */
public class StoreAtScale {

    private static final int BATCH = 500;
    private static final int PER_DAY = 5_000;
    private static final int OPEN_STORIES = 500;
    private static final Pattern SERVING = Pattern.compile("storylens is serving (http://[^ ]+/)");

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        List<String> backends = args.length > 2 ? Arrays.asList(args[2].split(",")) : List.of("sqlite", "postgresql");
        Path dir = Path.of(args.length > 3 ? args[3] : "/tmp/storeatscale");
        Files.createDirectories(dir);
        Pool pool = Pool.read(source);
        System.out.printf(Locale.ROOT, "%,d articles from a pool of %,d sentences and %,d titles; %d cores%n", n,
                pool.sentences.size(), pool.titles.size(), Runtime.getRuntime().availableProcessors());
        for (String backend : backends) {
            switch (backend) {
                case "sqlite" -> {
                    Path file = dir.resolve("scale-" + n + ".db");
                    for (Path p : List.of(file, Path.of(file + "-wal"), Path.of(file + "-shm"))) {
                        Files.deleteIfExists(p);
                    }
                    String sample = load("sqlite", file.toString(), n, pool, null);
                    long bytes = 0;
                    for (Path p : List.of(file, Path.of(file + "-wal"))) {
                        bytes += Files.exists(p) ? Files.size(p) : 0;
                    }
                    System.out.printf(Locale.ROOT, "sqlite: database size %,d MB (file and WAL)%n", bytes >> 20);
                    serve("sqlite", file.toString(), sample, dir);
                }
                case "postgresql" -> {
                    Path data = dir.resolve("pg-" + n);
                    deleteTree(data);
                    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data)
                            .setCleanDataDirectory(false).setPGStartupWait(Duration.ofMinutes(2)).start()) {
                        try (Connection c = pg.getPostgresDatabase().getConnection();
                             Statement s = c.createStatement()) {
                            s.execute("CREATE DATABASE storylens");
                        }
                        String db = "postgresql://postgres@localhost:" + pg.getPort() + "/storylens";
                        String sample = load("postgresql", db, n, pool, data);
                        try (Connection c = pg.getDatabase("postgres", "storylens").getConnection();
                             Statement s = c.createStatement()) {
                            s.execute("VACUUM ANALYZE");
                            try (ResultSet r = s.executeQuery("SELECT pg_database_size('storylens')")) {
                                r.next();
                                System.out.printf(Locale.ROOT, "postgresql: database size %,d MB%n", r.getLong(1) >> 20);
                            }
                            try (ResultSet r = s.executeQuery("""
                                    SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c
                                    JOIN pg_namespace n ON n.oid = c.relnamespace
                                    WHERE n.nspname = 'public' AND c.relkind = 'r'
                                    ORDER BY 2 DESC LIMIT 6""")) {
                                StringBuilder tables = new StringBuilder("postgresql: largest tables (with indexes and"
                                        + " TOAST):");
                                while (r.next()) {
                                    tables.append(String.format(Locale.ROOT, " %s %,d MB;", r.getString(1),
                                            r.getLong(2) >> 20));
                                }
                                System.out.println(tables);
                            }
                        }
                        serve("postgresql", db, sample, dir);
                    }
                }
                default -> throw new IllegalArgumentException("unknown back end '" + backend
                        + "'; expected sqlite or postgresql");
            }
        }
    }

    /** Writes the stream into the store; returns the id of the story whose page is timed. */
    private static String load(String backend, String db, int n, Pool pool, Path pgData) throws Exception {
        Random random = new Random(16);
        List<String> outlets = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            outlets.add(i < pool.outletNames.size() ? pool.outletNames.get(i) : "Outlet " + i);
        }
        Map<String, List<StoryArticle>> members = new LinkedHashMap<>();
        Map<String, Integer> left = new HashMap<>();
        List<String> open = new ArrayList<>();
        String sample = null;
        int storyNumber = 0;
        long start = System.nanoTime();
        long lastReport = start;
        double cpu0 = processCpuSeconds();
        double pgCpu0 = pgData == null ? 0 : postgresCpuSeconds(pgData);
        int stored = 0;
        try (ArticleStore store = Stores.open(db)) {
            System.out.printf(Locale.ROOT, "%s: schema made in %.1f s%n", backend, (System.nanoTime() - start) / 1e9);
            while (stored < n) {
                int size = Math.min(BATCH, n - stored);
                List<Article> batch = new ArrayList<>(size);
                List<String> storyOfArticle = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    int number = stored + i;
                    while (open.size() < OPEN_STORIES) {
                        String id = String.format(Locale.ROOT, "s-%08d", storyNumber++);
                        int articles = 1 + (int) Math.min(49, Math.floor(-Math.log(1 - random.nextDouble()) * 7));
                        left.put(id, articles);
                        open.add(id);
                        if (sample == null && number >= n / 2 && articles >= 9 && articles <= 12) {
                            sample = id;
                        }
                    }
                    int pick = random.nextInt(open.size());
                    String storyId = open.get(pick);
                    if (left.merge(storyId, -1, Integer::sum) == 0) {
                        open.set(pick, open.get(open.size() - 1));
                        open.remove(open.size() - 1);
                        left.remove(storyId);
                    }
                    LocalDate day = LocalDate.of(2024, 1, 1).plusDays(number / PER_DAY);
                    // a few large outlets take most articles
                    String outlet = outlets.get((int) Math.min(399, Math.floor(-Math.log(1 - random.nextDouble())
                            * 60)));
                    batch.add(pool.article(String.format(Locale.ROOT, "a%08d", number), outlet, day, random));
                    storyOfArticle.add(storyId);
                }
                List<ArticleStore.Added> added = store.addAll(batch);
                List<StoryAssignment> assignments = new ArrayList<>(size);
                Map<String, Boolean> touched = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    ArticleStore.Added a = added.get(i);
                    if (!a.isNew()) {
                        continue;
                    }
                    Article article = a.article();
                    String storyId = storyOfArticle.get(i);
                    List<StoryArticle> list = members.computeIfAbsent(storyId, k -> new ArrayList<>());
                    boolean opened = list.isEmpty();
                    list.add(new StoryArticle(article.id(), article.outlet(), null, article.published().date(), null));
                    assignments.add(new StoryAssignment(article.id(), storyId, opened, opened ? 0.1 : 0.6, null));
                    touched.put(storyId, true);
                }
                List<ClusterSnapshot.StoryState> states = new ArrayList<>(touched.size());
                for (String id : touched.keySet()) {
                    states.add(closedState(id, members.get(id)));
                }
                stored += size;
                store.saveStories(new ClusterSnapshot(stored, batch.get(batch.size() - 1).published().date(),
                        Map.of(), states, Map.of()), assignments);
                long now = System.nanoTime();
                if (now - lastReport > 30e9 || stored == n) {
                    System.out.printf(Locale.ROOT, "%s: %,d articles stored, %.0f articles/s so far%n", backend, stored,
                            stored / ((now - start) / 1e9));
                    lastReport = now;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = processCpuSeconds() - cpu0;
            double pgCpu = pgData == null ? 0 : postgresCpuSeconds(pgData) - pgCpu0;
            System.out.printf(Locale.ROOT, "%s: loaded %,d articles in %d stories in %.0f s (%.0f articles/s, with "
                            + "their assignments)%n", backend, n, members.size(), seconds, n / seconds);
            System.out.printf(Locale.ROOT, "%s: CPU: %.0f s in this JVM (generating included)%s: %.0f articles per "
                            + "CPU-second of both%n", backend, cpu, pgData == null ? ""
                            : String.format(Locale.ROOT, ", %.0f s in the PostgreSQL server", pgCpu),
                    n / (cpu + pgCpu));
            List<ClusterSnapshot.StoryState> all = new ArrayList<>(members.size());
            members.forEach((id, list) -> all.add(closedState(id, list)));
            long t0 = System.nanoTime();
            store.saveStories(new ClusterSnapshot(n, LocalDate.of(2024, 1, 1).plusDays((n - 1) / PER_DAY), Map.of(),
                    all, Map.of()), List.of());
            System.out.printf(Locale.ROOT, "%s: one save of the whole clusterer snapshot (%,d stories, all closed): "
                    + "%.1f s%n", backend, all.size(), (System.nanoTime() - t0) / 1e9);
        }
        return sample;
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** CPU time of the PostgreSQL server: its postmaster with reaped children, and its live backends (Linux). */
    private static double postgresCpuSeconds(Path data) throws IOException {
        String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
        long ticks = 0;
        String[] own = stat(Path.of("/proc", pid, "stat"));
        for (int field = 13; field <= 16; field++) {
            ticks += Long.parseLong(own[field]);
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] f = stat(proc.resolve("stat"));
                if (f != null && f[3].equals(pid)) {
                    ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
            }
        }
        return ticks / 100.0;
    }

    /** The fields of a /proc stat line, the command name (which may hold spaces) taken out; null when gone. */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            String rest = line.substring(line.lastIndexOf(')') + 2);
            String[] tail = rest.split(" ");
            String[] out = new String[tail.length + 2];
            out[0] = line.substring(0, line.indexOf(' '));
            out[1] = "comm";
            System.arraycopy(tail, 0, out, 2, tail.length);
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ClusterSnapshot.StoryState closedState(String id, List<StoryArticle> articles) {
        LocalDate first = articles.get(0).published();
        LocalDate last = articles.get(articles.size() - 1).published();
        Story story = new Story(id, articles, Story.countIndependentSources(articles), first, last);
        return new ClusterSnapshot.StoryState(story, false, last, Map.of(), new float[0], List.of(), List.of());
    }

    /** Starts {@code storylens serve} over the database and times the two pages. */
    private static void serve(String backend, String db, String storyId, Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Stream.of(System.getProperty("java.class.path").split(":"))
                .filter(p -> p.endsWith("storylens.jar")).findFirst().orElseThrow();
        Path log = dir.resolve(backend + ".serve.log");
        Process server = new ProcessBuilder(java, "-Xmx2g", "-cp", jar, "org.storylens.cli.StorylensCli", "serve",
                "--db", db, "--port", "0").redirectError(log.toFile()).start();
        try {
            long t0 = System.nanoTime();
            URI base = awaitUrl(server);
            System.out.printf(Locale.ROOT, "%s: serve answering after %.1f s%n", backend,
                    (System.nanoTime() - t0) / 1e9);
            awaitIdle(server);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            time(backend, "GET /api/stories (first page)", http, base.resolve("api/stories"));
            time(backend, "GET /stories/" + storyId, http, base.resolve("stories/" + storyId));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void time(String backend, String what, HttpClient http, URI uri) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> first = get(http, uri);
        while (first.statusCode() == 202) {
            // the story page's brief is being written (its page says so and reloads): ask again as the page does
            Thread.sleep(250);
            first = get(http, uri);
        }
        double cold = (System.nanoTime() - t0) / 1e6;
        if (first.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + first.statusCode() + ": " + first.body());
        }
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = get(http, uri);
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + r.statusCode());
            }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%s: %-36s first %.0f ms; of 20 more: median %.1f ms, p95 %.1f ms, max %.1f ms"
                + " (%,d bytes)%n", backend, what, cold, (ms[9] + ms[10]) / 2, ms[18], ms[19], first.body().length());
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI awaitUrl(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new IOException("the server stopped before serving");
    }

    /** Waits until the server used less than 0.2 s of CPU in 3 s (the briefs it prepares at start are written). */
    private static void awaitIdle(Process server) throws InterruptedException {
        long t0 = System.nanoTime();
        Duration before = server.info().totalCpuDuration().orElse(Duration.ZERO);
        while (true) {
            Thread.sleep(3000);
            Duration now = server.info().totalCpuDuration().orElse(Duration.ZERO);
            if (now.minus(before).toMillis() < 200 || System.nanoTime() - t0 > 20 * 60e9) {
                System.out.printf(Locale.ROOT, "server idle after %.0f s (%.0f s of CPU since start)%n",
                        (System.nanoTime() - t0) / 1e9, now.toMillis() / 1e3);
                return;
            }
            before = now;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Real news sentences, titles and words to draw articles from. */
    private record Pool(List<String> sentences, List<String> titles, List<String> words, List<String> outletNames) {

        static Pool read(Path file) throws IOException {
            ObjectMapper json = new ObjectMapper();
            List<String> sentences = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            List<String> words = new ArrayList<>();
            try (BufferedReader r = Files.newBufferedReader(file)) {
                for (String line; (line = r.readLine()) != null; ) {
                    JsonNode node = json.readTree(line);
                    if (node.hasNonNull("title")) {
                        titles.add(node.get("title").asText());
                    }
                    for (String s : node.get("text").asText().split("\n|(?<=[.!?]) (?=[A-Z\"])")) {
                        String sentence = s.strip();
                        if (sentence.split("\\s+").length >= 8) {
                            sentences.add(sentence);
                            for (String w : sentence.split("\\s+")) {
                                if (w.matches("[A-Za-z]{4,}")) {
                                    words.add(w);
                                }
                            }
                        }
                    }
                }
            }
            List<String> outlets = List.of("Reuters", "Associated Press", "BBC News", "The Guardian", "CNN",
                    "Al Jazeera", "Deutsche Welle", "France 24", "The Hindu", "ABC News", "NPR", "TASS",
                    "Xinhua", "The Times of India", "Sydney Morning Herald", "Le Monde", "El País", "Yonhap",
                    "Kyodo News", "Daily Nation");
            return new Pool(sentences, titles, words, outlets);
        }

        /** A new article: a varied title and 10 to 18 sentences of the pool. */
        Article article(String id, String outlet, LocalDate day, Random random) {
            String title = titles.get(random.nextInt(titles.size())) + " " + words.get(random.nextInt(words.size()));
            StringBuilder text = new StringBuilder();
            int sentencesWanted = 10 + random.nextInt(9);
            for (int i = 0; i < sentencesWanted; i++) {
                text.append(i == 0 ? "" : i % 4 == 0 ? "\n\n" : " ").append(sentences.get(random.nextInt(
                        sentences.size())));
            }
            String body = text.toString();
            PublicationDate published = new PublicationDate(day.getYear(), day.getMonthValue(), day.getDayOfMonth(),
                    null, PublicationDate.Source.METADATA, day.toString(), false);
            return new Article(id, title, outlet, null, published, "en", body, List.of(), List.of(),
                    "https://news.example/" + id, "generated/" + id, SourceFormat.JSON_LINES,
                    RuleBasedArticleCleaner.contentHash(body), List.of());
        }
    }
}
