import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.AnalysisTier;
import org.storylens.clean.Article;
import org.storylens.ingest.RawArticle;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoredStory;
import org.storylens.store.Stores;
import org.storylens.stream.ArticlePublisher;
import org.storylens.stream.StoreOpener;
import org.storylens.stream.StreamJob;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Throughput of the stream job ({@code stream.StreamJob}) on this machine at parallelism 1, 2 and 4, with the bare
 * CoreNLP tokenize+ssplit reference on the same texts in the same run, and the write rate of the store the job
 * writes to.
 *
 * <pre>
 *   ./storylens --version
 *   mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 *   java -Xmx6g -cp target/storylens.jar:$(cat target/test.classpath) bench/StreamThroughput.java \
 *       ../shared/eval/clustering/ecbplus-dev.jsonl [N=160] [PARALLELISMS=1,2,4] [postgresql|sqlite]
 * </pre>
 * As StreamJobTest runs it: a KRaft broker (Kafka's test kit) and a Flink MiniCluster (a local environment with as many
 * slots as the parallelism) in this JVM; the store a database on zonky's embedded PostgreSQL (its own process, default
 * settings) or a SQLite file. Articles: the ECB+ dev texts (real news) joined in order until each has at least 320
 * words (about 600 on average, as bench/AnalyseSpeed does), each with its ECB+ title and a date; every parallelism gets
 * N articles of its own (new texts, a new topic of one partition with everything published before the job starts, and
 * a new database).
 *
 * <p>Per run: wall time from the job's start until every article is placed in a story, and over the steady window
 * (from the moment 10% of the articles are stored until all are placed: model loading in the tasks' {@code open()} is
 * outside it) articles/s and articles per CPU-second, where CPU is this process's (broker, Flink, CoreNLP, embedder,
 * clusterer, store client) plus the PostgreSQL server's (read from /proc). The machine has 2 cores and may be shared:
 * wall-clock figures are then a floor, the CPU-second figures what to scale from.
 *
 * <p>Store write rate: the N articles and their ingest-tier analyses read back from the last run's database are
 * written to a fresh one, one article and its analysis per transaction as the job's tasks write them, and again in
 * batches of 500 as {@code ingest} writes them.
 */
public class StreamThroughput {

    private static final int MIN_WORDS = 320;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 160;
        int[] parallelisms = Arrays.stream((args.length > 2 ? args[2] : "1,2,4").split(","))
                .mapToInt(Integer::parseInt).toArray();
        boolean postgres = args.length <= 3 || args[3].equals("postgresql");
        Path work = Files.createTempDirectory("streamthroughput");
        List<ObjectNode> articles = articles(source, n * parallelisms.length);
        double words = articles.stream().mapToInt(a -> a.get("text").asText().split("\\s+").length).average()
                .orElse(0);
        System.out.printf(Locale.ROOT, "%d articles per run, %.0f words each on average; %d cores; store: %s%n", n,
                words, Runtime.getRuntime().availableProcessors(), postgres ? "PostgreSQL (embedded)" : "SQLite");
        reference(articles.subList(0, n));

        EmbeddedPostgres pg = postgres ? EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true).start() : null;
        try (KafkaClusterTestKit kafka = broker()) {
            String lastDb = null;
            for (int r = 0; r < parallelisms.length; r++) {
                int p = parallelisms[r];
                String db = pg == null ? work.resolve("p" + p + ".db").toString() : database(pg, "p" + p);
                runJob(kafka.bootstrapServers(), db, "raw-p" + p, p, articles.subList(r * n, (r + 1) * n), work,
                        pg == null ? null : work.resolve("pg"));
                lastDb = db;
            }
            String fresh = pg == null ? work.resolve("writes.db").toString() : database(pg, "writes");
            String batched = pg == null ? work.resolve("writes500.db").toString() : database(pg, "writes500");
            writeRate(lastDb, fresh, 1, pg == null ? null : work.resolve("pg"));
            writeRate(lastDb, batched, 500, pg == null ? null : work.resolve("pg"));
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** The bare tokenize+ssplit pipeline on the first run's texts, one thread: the reference speed. */
    private static void reference(List<ObjectNode> articles) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit");
        StanfordCoreNLP nlp = new StanfordCoreNLP(props);
        for (int i = 0; i < Math.min(20, articles.size()); i++) {
            nlp.annotate(new Annotation(articles.get(i).get("text").asText()));
        }
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (ObjectNode a : articles) {
            nlp.annotate(new Annotation(a.get("text").asText()));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "reference: CoreNLP tokenize+ssplit, one thread: %.0f articles/s, %.0f articles"
                + " per CPU-second%n", articles.size() / wall, articles.size() / cpu);
    }

    private static void runJob(String bootstrap, String db, String topic, int p, List<ObjectNode> articles, Path work,
                               Path pgData) throws Exception {
        Path jsonl = work.resolve(topic + ".jsonl");
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(jsonl)) {
            for (ObjectNode a : articles) {
                w.write(json.writeValueAsString(a));
                w.newLine();
            }
        }
        List<RawArticle> raw = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES)
                .readRaw(List.of(jsonl.toString()), 2).articles();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (ArticlePublisher publisher = new ArticlePublisher(bootstrap, topic)) {
            publisher.publish(raw);
        }
        StreamJob job = new StreamJob(StreamJob.Options.of(bootstrap, StoreOpener.of(db), p).withTopic(topic)
                .withGroupId(topic).withOrderWait(Duration.ofSeconds(1)).withCheckpointInterval(Duration.ofSeconds(10)));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p, new Configuration());
        long t0 = System.nanoTime();
        JobClient client = job.start(env);
        long steadyStart = 0;
        double cpuAtSteady = 0;
        int storedAtSteady = 0;
        int placed = 0;
        try (ArticleStore store = Stores.open(db)) {
            while (placed < raw.size()) {
                Thread.sleep(200);
                if (steadyStart == 0) {
                    int stored = store.count();
                    if (stored >= raw.size() / 10) {
                        steadyStart = System.nanoTime();
                        cpuAtSteady = cpuSeconds(pgData);
                        storedAtSteady = stored;
                    }
                }
                placed = store.stories().stream().mapToInt(StoredStory::articles).sum();
                if (System.nanoTime() - t0 > 30 * 60e9) {
                    throw new IllegalStateException("parallelism " + p + ": " + placed + " of " + raw.size()
                            + " placed in 30 minutes");
                }
            }
        } finally {
            client.cancel().get();
        }
        long end = System.nanoTime();
        double cpu = cpuSeconds(pgData) - cpuAtSteady;
        double window = (end - steadyStart) / 1e9;
        int inWindow = raw.size() - storedAtSteady;
        System.out.printf(Locale.ROOT, "parallelism %d: %d articles placed %.0f s after the job started (%.1f articles/s"
                        + " with the tasks' start); steady window: %d articles in %.0f s, %.1f articles/s, %.0f CPU-s,"
                        + " %.2f articles per CPU-second (load average %.1f)%n", p, raw.size(), (end - t0) / 1e9,
                raw.size() / ((end - t0) / 1e9), inWindow, window, inWindow / window, cpu, inWindow / cpu,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Reads back the stored articles and their ingest-tier analyses and writes them to a fresh database,
     * {@code batch} articles (and their analyses) per transaction pair.
     */
    private static void writeRate(String from, String to, int batch, Path pgData) throws Exception {
        List<Article> articles;
        Map<String, AnalysedArticle> analyses;
        try (ArticleStore store = Stores.open(from)) {
            articles = store.list();
            analyses = store.analyses(AnalysisTier.INGEST, articles);
        }
        try (ArticleStore store = Stores.open(to)) {
            double cpu0 = cpuSeconds(pgData);
            long t0 = System.nanoTime();
            for (int i = 0; i < articles.size(); i += batch) {
                List<Article> some = articles.subList(i, Math.min(articles.size(), i + batch));
                store.addAll(some);
                List<AnalysedArticle> theirs = some.stream().map(a -> analyses.get(a.id()))
                        .filter(a -> a != null).toList();
                if (!theirs.isEmpty()) {
                    store.putAnalyses(AnalysisTier.INGEST, theirs);
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds(pgData) - cpu0;
            System.out.printf(Locale.ROOT, "store writes, %d article%s and %s per transaction: %d articles with %d "
                            + "analyses in %.1f s, %.0f articles/s, %.0f per CPU-second (client and server)%n", batch,
                    batch == 1 ? "" : "s", batch == 1 ? "its analysis" : "their analyses", articles.size(),
                    analyses.size(), wall, articles.size() / wall, articles.size() / cpu);
        }
    }

    private static String database(EmbeddedPostgres pg, String name) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "postgresql://postgres@localhost:" + pg.getPort() + "/" + name;
    }

    private static KafkaClusterTestKit broker() throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0").build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        return kafka;
    }

    /** The ECB+ texts joined until each has at least 320 words, with a title and a date; {@code count} of them. */
    private static List<ObjectNode> articles(Path file, int count) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> docs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line; (line = r.readLine()) != null; ) {
                docs.add(json.readTree(line));
            }
        }
        List<ObjectNode> out = new ArrayList<>(count);
        int next = 0;
        while (out.size() < count) {
            int round = next / docs.size();
            StringBuilder text = new StringBuilder();
            JsonNode first = docs.get(next % docs.size());
            while (text.toString().split("\\s+").length < MIN_WORDS) {
                JsonNode doc = docs.get(next++ % docs.size());
                text.append(text.length() == 0 ? "" : "\n\n").append(doc.get("text").asText());
            }
            if (round > 0) {
                // a second pass over the file: the same texts in a new order of paragraphs are new articles
                List<String> paragraphs = new ArrayList<>(List.of(text.toString().split("\n\n")));
                java.util.Collections.rotate(paragraphs, round);
                text = new StringBuilder(String.join("\n\n", paragraphs)).append("\n\n(update ").append(round)
                        .append(")");
            }
            ObjectNode a = json.createObjectNode();
            a.put("id", "bench-" + out.size());
            a.put("title", first.path("title").asText("Report " + out.size()));
            a.put("text", text.toString());
            a.put("publishedAt", LocalDate.of(2024, 3, 1).plusDays(out.size() / 50).toString());
            out.add(a);
        }
        return out;
    }

    /** CPU seconds of this process, plus the PostgreSQL server's when its data folder is given (Linux /proc). */
    private static double cpuSeconds(Path pgData) throws IOException {
        double own = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        if (pgData == null) {
            return own;
        }
        String pid = Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip();
        long ticks = 0;
        String[] server = stat(Path.of("/proc", pid, "stat"));
        for (int field = 13; field <= 16; field++) {
            ticks += Long.parseLong(server[field]);
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] f = stat(proc.resolve("stat"));
                if (f != null && f[3].equals(pid)) {
                    ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
            }
        }
        return own + ticks / 100.0;
    }

    /** The fields of a /proc stat line (index 0 the pid, 3 the parent, 13-16 the CPU ticks); null when gone. */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            String[] tail = line.substring(line.lastIndexOf(')') + 2).split(" ");
            String[] out = new String[tail.length + 2];
            out[0] = line.substring(0, line.indexOf(' '));
            out[1] = "comm";
            System.arraycopy(tail, 0, out, 2, tail.length);
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
