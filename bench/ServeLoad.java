import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounded HTTP load on {@code storylens serve} over loopback: N parallel readers for a fixed time against one kind of
 * address, while one writer POSTs articles (one per request, back to back) to /api/articles.
 *
 * <pre>
 *   ./storylens --version
 *   java -cp target/storylens.jar bench/ServeLoad.java DB [SECONDS=20] [CLIENTS=50] [TARGET...]
 * </pre>
 * TARGETs: {@code story-api} (GET /api/stories/{id}), {@code story-page} (GET /stories/{id}), {@code stories-api}
 * (GET /api/stories), {@code health}; default: story-api story-page. When DB does not exist, the bundled demo sample
 * (src/main/resources/org/storylens/demo) is ingested into it first. The server is {@code storylens serve} in a child
 * JVM (-Xmx2g) on a free port; its stderr goes to DB.serve.log. Reads cycle over every stored story, whose briefs are
 * written once before the clock starts. The writer's articles are about places and people of no stored story, so
 * they form a story of their own, which is left out of the reads (its brief goes stale with every article).
 * Reports requests/s, p50/p95/p99 latency and errors by
 * kind for the readers and the writer, and counts every response body and server log line that says
 * "database is locked" (it must be 0).
 */
public class ServeLoad {

    private static final Pattern SERVING = Pattern.compile("storylens is serving (http://[^ ]+/)");
    private static final String LOCKED = "database is locked";

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        List<String> targets = args.length > 3 ? Arrays.asList(args).subList(3, args.length)
                : List.of("story-api", "story-page");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        if (!Files.exists(db)) {
            System.out.println("ingesting the demo sample into " + db);
            // the sample's articles as the demo lists them (index.txt), not its notes
            Path sample = Path.of("src/main/resources/org/storylens/demo");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-cp", classpath,
                    "org.storylens.cli.StorylensCli", "ingest", "--db", db.toString()));
            for (String name : Files.readAllLines(sample.resolve("index.txt"))) {
                if (!name.isBlank() && !name.startsWith("#")) {
                    command.add(sample.resolve(name.strip()).toString());
                }
            }
            Process ingest = new ProcessBuilder(command).inheritIO().start();
            if (ingest.waitFor() > 1) {
                throw new IllegalStateException("ingest failed");
            }
        }
        Path log = db.resolveSibling(db.getFileName() + ".serve.log");
        Files.deleteIfExists(log);
        Process server = new ProcessBuilder(java, "-Xmx2g", "-cp", classpath, "org.storylens.cli.StorylensCli", "serve",
                "--db", db.toString(), "--port", "0").redirectError(log.toFile()).start();
        try {
            URI base = awaitUrl(server);
            String token = Files.readString(db.resolveSibling(db.getFileName() + ".token")).strip();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            ObjectMapper json = new ObjectMapper();
            List<String> stories = new ArrayList<>();
            JsonNode listed = json.readTree(get(http, base.resolve("/api/stories?limit=500")).body());
            listed.get("stories").forEach(s -> stories.add(s.get("id").asText()));
            System.out.printf(Locale.ROOT, "server %s, %d stories, %d articles; %d clients, %d s per target, "
                            + "%d cores%n", base, stories.size(), json.readTree(get(http, base.resolve("/api/health"))
                            .body()).get("articles").asInt(), clients, seconds,
                    Runtime.getRuntime().availableProcessors());
            long warm = System.nanoTime();
            for (String id : stories) {
                // a brief never written answers 202 while the background writer writes it
                while (get(http, base.resolve("/api/stories/" + id)).statusCode() == 202) {
                    Thread.sleep(250);
                }
            }
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(base.resolve("/api/articles"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"load-warm-up\", \"text\": \"The Tarnvik "
                            + "council met on Tuesday to plan the resurfacing of the quarry road, officials said.\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String writersStory = json.readTree(first.body()).get("articles").get(0).get("storyId").asText();
            stories.remove(writersStory); // its brief goes stale with every article the writer adds
            System.out.printf(Locale.ROOT, "briefs written and the ingest-tier models loaded before the clock: %.1f s "
                    + "(warm-up POST: HTTP %d); %d stories read%n", (System.nanoTime() - warm) / 1e9,
                    first.statusCode(), stories.size());
            AtomicLong written = new AtomicLong();
            for (String target : targets) {
                run(http, base, token, target, stories, clients, seconds, written);
            }
            long lockedInLog;
            try (var lines = Files.lines(log)) {
                lockedInLog = lines.filter(l -> l.contains(LOCKED)).count();
            }
            System.out.println("server log lines with \"" + LOCKED + "\": " + lockedInLog + " (" + log + ")");
        } finally {
            server.destroy();
            server.waitFor();
        }
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

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Latencies and outcomes of one kind of request. */
    static final class Tally {
        final List<long[]> perThread = new ArrayList<>();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        final LongAdder ok = new LongAdder();
        final LongAdder locked = new LongAdder();

        synchronized long[] buffer() {
            long[] b = new long[1 << 20];
            perThread.add(b);
            return b;
        }

        void error(String kind) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        String report(String name, double seconds, int[] counts) {
            int n = 0;
            for (int c : counts) {
                n += c;
            }
            long[] all = new long[n];
            int at = 0;
            for (int i = 0; i < perThread.size(); i++) {
                System.arraycopy(perThread.get(i), 0, all, at, counts[i]);
                at += counts[i];
            }
            Arrays.sort(all);
            Map<String, Long> errs = new TreeMap<>();
            errors.forEach((k, v) -> errs.put(k, v.sum()));
            return String.format(Locale.ROOT, "%-34s %8.1f req/s  ok %7d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  "
                            + "errors %s  \"%s\" %d", name, ok.sum() / seconds, ok.sum(), pct(all, 0.50), pct(all, 0.95),
                    pct(all, 0.99), errs, LOCKED, locked.sum());
        }

        private static double pct(long[] sorted, double p) {
            return sorted.length == 0 ? Double.NaN
                    : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    private static Thread started(Runnable work) {
        Thread t = new Thread(work);
        t.start();
        return t;
    }

    private static void run(HttpClient http, URI base, String token, String target, List<String> stories, int clients,
                            int seconds, AtomicLong written) throws InterruptedException {
        Tally reads = new Tally();
        Tally writes = new Tally();
        int[] readCounts = new int[clients];
        int[] writeCounts = new int[1];
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            long[] latencies = reads.buffer();
            threads.add(started(() -> {
                int i = client;
                while (System.nanoTime() < end) {
                    String id = stories.isEmpty() ? "" : stories.get(i++ % stories.size());
                    URI uri = base.resolve(switch (target) {
                        case "story-api" -> "/api/stories/" + id;
                        case "story-page" -> "/stories/" + id;
                        case "stories-api" -> "/api/stories";
                        case "health" -> "/api/health";
                        default -> throw new IllegalArgumentException("unknown target " + target);
                    });
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (r.body().contains(LOCKED)) {
                            reads.locked.increment();
                        }
                        if (r.statusCode() == 200) {
                            reads.ok.increment();
                            if (readCounts[client] < latencies.length) {
                                latencies[readCounts[client]++] = took;
                            }
                        } else {
                            reads.error("HTTP " + r.statusCode());
                        }
                    } catch (IOException e) {
                        reads.error(e.getClass().getSimpleName());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        long[] writeLatencies = writes.buffer();
        Thread writer = started(() -> {
            ObjectMapper json = new ObjectMapper();
            while (System.nanoTime() < end) {
                long n = written.getAndIncrement();
                long start = System.nanoTime();
                try {
                    String article = json.writeValueAsString(Map.of("id", "load-" + n, "title",
                            "Quarry road in Tarnvik closed for resurfacing, stage " + n, "publishedAt", "2025-04-02",
                            "text", "The council of Tarnvik said on Wednesday that the quarry road will be closed for "
                                    + (n % 9 + 2) + " days while crews resurface stage " + n + " of the route. "
                                    + "\"Drivers should use the coastal road until the work is done,\" council "
                                    + "engineer Ilse Marquard said. About " + (200 + n) + " lorries use the road "
                                    + "each week, according to the council."));
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/articles"))
                            .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(article))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - start;
                    if (r.body().contains(LOCKED)) {
                        writes.locked.increment();
                    }
                    if (r.statusCode() == 201) {
                        writes.ok.increment();
                        writeLatencies[writeCounts[0]++] = took;
                    } else {
                        writes.error("HTTP " + r.statusCode());
                    }
                } catch (IOException e) {
                    writes.error(e.getClass().getSimpleName());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        for (Thread t : threads) {
            t.join();
        }
        writer.join();
        System.out.println(reads.report("GET " + target + " (" + clients + " clients)", seconds, readCounts));
        System.out.println(writes.report("POST /api/articles (1 writer)", seconds, writeCounts));
    }
}
