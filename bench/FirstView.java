import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first view of each story page after {@code ingest} + {@code serve}: the bundled demo sample
 * (src/main/resources/org/storylens/demo, the files index.txt lists) ingested into a fresh database, then
 * {@code storylens serve} in a child JVM (-Xmx2g, free port; stderr to DIR/firstview.serve.log), and one GET of each
 * story's page, one after another:
 * <ol>
 *   <li>right after the server says it is serving (no brief written yet: the server writes the newest stories' briefs
 *       in the background, so the page says the brief is being written);</li>
 *   <li>once the background writer has written every brief (polled on {@code /api/stories/{id}} until 200);</li>
 *   <li>right after a restart of the server over the same database (briefs read back from the store).</li>
 * </ol>
 * Each GET reports its status, the time to the first byte of the answer (status line and headers read) and to its
 * last byte, in ms, measured by the client on loopback.
 *
 * <pre>
 *   ./storylens --version
 *   java -cp target/storylens.jar bench/FirstView.java DIR
 * </pre>
 */
public class FirstView {

    private static final Pattern SERVING = Pattern.compile("storylens is serving (http://[^ ]+/)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One GET: status, ms to the first byte, ms to the last, the body. */
    record Timed(int status, double firstByteMs, double totalMs, String body) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/firstview");
        Files.createDirectories(dir);
        Path db = dir.resolve("firstview.db");
        for (String suffix : List.of("", "-wal", "-shm", ".token", ".serve.log")) {
            Files.deleteIfExists(dir.resolve("firstview.db" + suffix));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");

        Path sample = Path.of("src/main/resources/org/storylens/demo");
        List<String> ingest = new ArrayList<>(List.of(java, "-Xmx2g", "-cp", classpath,
                "org.storylens.cli.StorylensCli", "ingest", "--db", db.toString()));
        for (String name : Files.readAllLines(sample.resolve("index.txt"))) {
            if (!name.isBlank() && !name.startsWith("#")) {
                ingest.add(sample.resolve(name.strip()).toString());
            }
        }
        long t0 = System.nanoTime();
        Process ingesting = new ProcessBuilder(ingest).redirectErrorStream(true)
                .redirectOutput(dir.resolve("firstview.ingest.log").toFile()).start();
        if (ingesting.waitFor() > 1) {
            throw new IllegalStateException("ingest failed; see " + dir.resolve("firstview.ingest.log"));
        }
        System.out.printf(Locale.ROOT, "ingest of the demo sample into %s: %.1f s (%d cores)%n", db,
                (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors());

        Path log = dir.resolve("firstview.db.serve.log");
        List<String> serve = List.of(java, "-Xmx2g", "-cp", classpath, "org.storylens.cli.StorylensCli", "serve",
                "--db", db.toString(), "--port", "0");

        List<String> stories;
        Timed[] atStart;
        Timed[] afterWriter;
        double writerDone;
        Process server = new ProcessBuilder(serve).redirectError(log.toFile()).start();
        try {
            long started = System.nanoTime();
            URI base = awaitUrl(server);
            double startMs = (System.nanoTime() - started) / 1e6;
            Timed list = get(base.resolve("/api/stories?limit=500"));
            stories = new ArrayList<>();
            JsonNode listed = JSON.readTree(list.body());
            listed.get("stories").forEach(s -> stories.add(s.get("id").asText()));
            System.out.printf(Locale.ROOT, "server up in %.0f ms; %d stories (GET /api/stories: %.1f ms); load "
                    + "average %s%n", startMs, stories.size(), list.totalMs(), load());
            atStart = new Timed[stories.size()];
            for (int i = 0; i < stories.size(); i++) {
                atStart[i] = get(base.resolve("/stories/" + stories.get(i)));
            }
            for (String id : stories) {
                while (get(base.resolve("/api/stories/" + id)).status() != 200) {
                    Thread.sleep(250);
                }
            }
            writerDone = (System.nanoTime() - started) / 1e9;
            afterWriter = new Timed[stories.size()];
            for (int i = 0; i < stories.size(); i++) {
                afterWriter[i] = get(base.resolve("/stories/" + stories.get(i)));
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
        System.out.printf(Locale.ROOT, "every brief written %.1f s after the server started; load average %s%n",
                writerDone, load());

        Timed[] afterRestart = new Timed[stories.size()];
        server = new ProcessBuilder(serve).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            URI base = awaitUrl(server);
            for (int i = 0; i < stories.size(); i++) {
                afterRestart[i] = get(base.resolve("/stories/" + stories.get(i)));
            }
        } finally {
            server.destroy();
            server.waitFor();
        }

        System.out.println("load average after the restart's reads: " + load());
        System.out.println();
        System.out.println("GET /stories/{id}, first byte / last byte in ms (HTTP status)");
        System.out.printf(Locale.ROOT, "%-18s %-26s %-26s %-26s%n", "story", "right after start",
                "after the background writer", "after a restart");
        for (int i = 0; i < stories.size(); i++) {
            System.out.printf(Locale.ROOT, "%-18s %-26s %-26s %-26s%n", stories.get(i), cell(atStart[i]),
                    cell(afterWriter[i]), cell(afterRestart[i]));
        }
        System.out.printf(Locale.ROOT, "%-18s %-26s %-26s %-26s%n", "median", summary(atStart, 0.5),
                summary(afterWriter, 0.5), summary(afterRestart, 0.5));
        System.out.printf(Locale.ROOT, "%-18s %-26s %-26s %-26s%n", "max", summary(atStart, 1),
                summary(afterWriter, 1), summary(afterRestart, 1));
    }

    /** The machine's load averages (1, 5, 15 minutes), as /proc/loadavg gives them; "?" elsewhere. */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String cell(Timed t) {
        return String.format(Locale.ROOT, "%7.1f / %7.1f (%d)", t.firstByteMs(), t.totalMs(), t.status());
    }

    private static String summary(Timed[] all, double quantile) {
        double[] first = Arrays.stream(all).mapToDouble(Timed::firstByteMs).sorted().toArray();
        double[] total = Arrays.stream(all).mapToDouble(Timed::totalMs).sorted().toArray();
        int at = (int) Math.min(all.length - 1, Math.max(0, Math.ceil(quantile * all.length) - 1));
        return String.format(Locale.ROOT, "%7.1f / %7.1f", first[at], total[at]);
    }

    /** One GET, timed to its first and last byte. */
    private static Timed get(URI uri) throws IOException {
        long start = System.nanoTime();
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout(10_000);
        c.setReadTimeout(300_000);
        int status = c.getResponseCode();
        long first = System.nanoTime();
        byte[] body;
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        long last = System.nanoTime();
        c.disconnect();
        return new Timed(status, (first - start) / 1e6, (last - start) / 1e6, new String(body, StandardCharsets.UTF_8));
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
}
