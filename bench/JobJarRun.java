import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.storylens.cluster.StoryArticle;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoredStory;
import org.storylens.store.Stores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the job jar as a Flink installation runs it: {@code flink run} (Flink's own CLI, {@code CliFrontend}, with
 * only Flink's jars on its class path, as in a distribution's lib/) submits {@code target/storylens-flink-job.jar} to a
 * local MiniCluster ({@code -t local}); the job's entry is the jar's manifest main class. Flink's class path is
 * bench/flink-lib/pom.xml's: flink-streaming-java and flink-clients with what they bring, and an SLF4J binding, as
 * a distribution's lib/ holds them. The job reads the demo sample
 * and the seed reports published to an in-process KRaft broker and writes to SQLite; the check passes when its stories
 * are those {@code storylens ingest} makes of the same input.
 *
 * <pre>
 *   ./storylens --version                                          # target/storylens.jar (publish, ingest)
 *   mvn -B -o -Pflink-job -DskipTests package                      # target/storylens-flink-job.jar
 *   mvn -B -o -q -f bench/flink-lib/pom.xml dependency:build-classpath -Dmdep.outputFile=../../target/flink.classpath
 *   mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 *   java -cp target/storylens.jar:$(cat target/test.classpath) bench/JobJarRun.java target/flink.classpath
 * </pre>
 */
public class JobJarRun {

    public static void main(String[] args) throws Exception {
        String flinkClasspath = Files.readString(Path.of(args[0])).strip();
        Path work = Files.createTempDirectory("jobjar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> inputs = new ArrayList<>();
        Path demo = Path.of("src/main/resources/org/storylens/demo");
        for (String name : Files.readAllLines(demo.resolve("index.txt"))) {
            if (!name.isBlank() && !name.startsWith("#")) {
                inputs.add(demo.resolve(name.strip()).toString());
            }
        }
        inputs.add("../shared/samples/biden-putin-call-2021");
        String reference = work.resolve("ingest.db").toString();
        run(cli(java, "ingest", List.of("--db", reference, "--threads", "2"), inputs));
        Set<Set<String>> expected = partition(reference);
        int placedExpected = expected.stream().mapToInt(Set::size).sum();
        System.out.println("ingest: " + placedExpected + " articles in " + expected.size() + " stories");

        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0").build()) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic("storylens.raw", 1, (short) 1))).all().get();
            }
            run(cli(java, "publish", List.of("--kafka", bootstrap), inputs));

            Path conf = Files.createDirectories(work.resolve("conf"));
            Files.writeString(conf.resolve("config.yaml"), """
                    taskmanager:
                      numberOfTaskSlots: 2
                    parallelism:
                      default: 2
                    """);
            String db = work.resolve("job.db").toString();
            List<String> flinkRun = new ArrayList<>(List.of(java, "-Xmx3g"));
            // what bin/flink passes from Flink's config.yaml (env.java.default-opts.all): Flink reflects into these
            for (String pkg : List.of("lang", "net", "io", "nio", "lang.reflect", "text", "time", "util",
                    "util.concurrent", "util.concurrent.atomic", "util.concurrent.locks")) {
                flinkRun.add("--add-opens=java.base/java." + pkg + "=ALL-UNNAMED");
            }
            flinkRun.add("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
            int shown = flinkRun.size();
            flinkRun.addAll(List.of("-cp", flinkClasspath, "org.apache.flink.client.cli.CliFrontend", "run", "-t",
                    "local", "target/storylens-flink-job.jar", "--kafka", bootstrap, "--db", db, "--parallelism",
                    "2"));
            System.out.println("$ FLINK_CONF_DIR=" + conf + " java --add-opens... -cp FLINK_JARS "
                    + String.join(" ", flinkRun.subList(shown + 2, flinkRun.size())));
            ProcessBuilder builder = new ProcessBuilder(flinkRun).redirectErrorStream(true)
                    .redirectOutput(work.resolve("flink-run.log").toFile());
            builder.environment().put("FLINK_CONF_DIR", conf.toString());
            long t0 = System.nanoTime();
            Process job = builder.start();
            try {
                int placed = 0;
                while (placed < placedExpected) {
                    if (!job.isAlive()) {
                        throw new IllegalStateException("flink run stopped (exit " + job.exitValue() + "); see "
                                + work.resolve("flink-run.log"));
                    }
                    if (System.nanoTime() - t0 > 10 * 60e9) {
                        throw new IllegalStateException("the job placed " + placed + " of " + placedExpected
                                + " articles in 10 minutes; see " + work.resolve("flink-run.log"));
                    }
                    Thread.sleep(1000);
                    if (Files.exists(Path.of(db))) {
                        try (ArticleStore store = Stores.open(db)) {
                            placed = store.stories().stream().mapToInt(StoredStory::articles).sum();
                        }
                    }
                }
                Thread.sleep(2000);
                Set<Set<String>> got = partition(db);
                System.out.printf("flink run: %d articles placed in %d stories after %.0f s; same stories as ingest: "
                        + "%s%n", got.stream().mapToInt(Set::size).sum(), got.size(), (System.nanoTime() - t0) / 1e9,
                        got.equals(expected));
                if (!got.equals(expected)) {
                    throw new IllegalStateException("the job's stories differ from ingest's: " + got + " vs "
                            + expected);
                }
            } finally {
                job.destroy();
                job.waitFor();
            }
        }
        System.out.println("log of flink run: " + work.resolve("flink-run.log"));
    }

    private static List<String> cli(String java, String command, List<String> options, List<String> inputs) {
        String jar = System.getProperty("java.class.path").split(":")[0];
        List<String> out = new ArrayList<>(List.of(java, "-Xmx3g", "-cp", jar, "org.storylens.cli.StorylensCli",
                command));
        out.addAll(inputs);
        out.addAll(options);
        return out;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + String.join(" ", command));
        }
    }

    private static Set<Set<String>> partition(String db) throws Exception {
        Set<Set<String>> out = new HashSet<>();
        try (ArticleStore store = Stores.open(db)) {
            for (StoredStory listed : store.stories()) {
                out.add(store.story(listed.id()).orElseThrow().articles().stream().map(StoryArticle::id)
                        .collect(Collectors.toSet()));
            }
        }
        return out;
    }
}
