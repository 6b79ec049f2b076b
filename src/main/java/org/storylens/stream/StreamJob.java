package org.storylens.stream;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.storylens.cluster.StoryAssignment;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoreException;

import java.time.Duration;
import java.util.Objects;

/**
 * The storylens pipeline as a Flink job (DataStream API), wired in this one place:
 * <pre>
 * Kafka source (raw articles) → rebalance → clean + store + analyse at the ingest tier + features (parallelism N)
 *   → one key → assign to stories (the online clusterer, parallelism 1, its snapshot in Flink state)
 *   → stories, assignments and clusterer state written through {@link ArticleStore}
 *   → by story id → keep the briefs of grown stories current (parallelism N, debounced; {@link BriefKeeping})
 * </pre>
 * The same class runs in a local MiniCluster ({@code storylens stream}) or is submitted to a cluster with
 * {@code flink run -c org.storylens.stream.StreamJob storylens.jar --kafka HOST:PORT --db FILE|URL} (a SQLite file, or
 * the PostgreSQL database the tasks of a cluster share). Offsets are committed to Kafka on each checkpoint (consumer
 * group {@link Options#groupId}), so a job started again continues where the last checkpoint stopped.
 */
public final class StreamJob {

    /** The job's name as Flink lists it. */
    public static final String NAME = "storylens stream";

    /**
     * How the job is set up.
     *
     * @param bootstrapServers   Kafka's {@code HOST:PORT[,HOST:PORT...]}
     * @param topic              the raw-article topic
     * @param groupId            the consumer group whose committed offsets the job starts from (earliest when none)
     * @param store              the shared store the articles, analyses and stories are written to
     * @param parallelism        the parallelism of the source and the analysis stage (the story stage runs at 1)
     * @param orderWait          how long the story stage waits for more articles before it assigns what arrived, in
     *                           time order as {@code ingest} does a batch
     * @param maxWaiting         how many waiting articles make the story stage assign at once
     * @param checkpointInterval how often the job's state and offsets are checkpointed
     * @param maxBytes           the largest text or HTML document the cleaner reads
     */
    public record Options(String bootstrapServers, String topic, String groupId, StoreOpener store, int parallelism,
                          Duration orderWait, int maxWaiting, Duration checkpointInterval, long maxBytes) {

        public Options {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(store, "store");
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
            }
            if (orderWait.isNegative() || maxWaiting < 1 || checkpointInterval.toMillis() < 10) {
                throw new IllegalArgumentException("order wait, waiting limit or checkpoint interval out of range");
            }
        }

        /** The defaults around a broker, a store and a parallelism. */
        public static Options of(String bootstrapServers, StoreOpener store, int parallelism) {
            return new Options(bootstrapServers, ArticlePublisher.DEFAULT_TOPIC, "storylens-stream", store, parallelism,
                    Duration.ofSeconds(3), 500, Duration.ofSeconds(10), PipelineFactory.DEFAULT_MAX_BYTES);
        }

        public Options withTopic(String newTopic) {
            return new Options(bootstrapServers, newTopic, groupId, store, parallelism, orderWait, maxWaiting,
                    checkpointInterval, maxBytes);
        }

        public Options withGroupId(String newGroupId) {
            return new Options(bootstrapServers, topic, newGroupId, store, parallelism, orderWait, maxWaiting,
                    checkpointInterval, maxBytes);
        }

        public Options withOrderWait(Duration wait) {
            return new Options(bootstrapServers, topic, groupId, store, parallelism, wait, maxWaiting,
                    checkpointInterval, maxBytes);
        }

        public Options withMaxWaiting(int waitingLimit) {
            return new Options(bootstrapServers, topic, groupId, store, parallelism, orderWait, waitingLimit,
                    checkpointInterval, maxBytes);
        }

        public Options withCheckpointInterval(Duration interval) {
            return new Options(bootstrapServers, topic, groupId, store, parallelism, orderWait, maxWaiting, interval,
                    maxBytes);
        }
    }

    private final Options options;
    private final BriefKeeping briefs;

    /** The job keeping briefs current as {@link BriefKeeping#DEFAULT} does. */
    public StreamJob(Options options) {
        this(options, BriefKeeping.DEFAULT);
    }

    public StreamJob(Options options, BriefKeeping briefs) {
        this.options = options;
        this.briefs = Objects.requireNonNull(briefs, "briefs");
    }

    /**
     * Adds the job's operators to the environment and sets its checkpointing. The store is opened (and its schema
     * made) once here, before any task opens it, so that a store that cannot be opened fails now, naming it.
     */
    public void addTo(StreamExecutionEnvironment env) throws StoreException {
        try (ArticleStore store = options.store().open()) {
            Objects.requireNonNull(store);
        }
        env.enableCheckpointing(options.checkpointInterval().toMillis());
        // records of strings, numbers and bytes only: a type that would fall back to Kryo fails the job at once
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        env.configure(noKryo);
        KafkaSource<PublishedArticle> source = KafkaSource.<PublishedArticle>builder()
                .setBootstrapServers(options.bootstrapServers())
                .setTopics(options.topic())
                .setGroupId(options.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new PublishedArticleDeserializer())
                .build();
        SingleOutputStreamOperator<StoryAssignment> assigned = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "kafka " + options.topic())
                .setParallelism(options.parallelism())
                // a topic of one partition is read by one source task: spread the analysis over all of them
                .rebalance()
                .flatMap(new IngestTierAnalysis(options.store(), options.maxBytes()))
                .name("clean, store, analyse (ingest tier)").uid("analyse").setParallelism(options.parallelism())
                .keyBy(arrived -> 0, Types.INT)
                .process(new StoryAssigner(options.store(), options.orderWait().toMillis(), options.maxWaiting()))
                .name("assign to stories").uid("assign").setParallelism(1).setMaxParallelism(1);
        if (!briefs.on()) {
            assigned.sinkTo(new DiscardingSink<>()).name("assignments written by the story stage").setParallelism(1);
            return;
        }
        assigned.map(StoryAssignment::storyId).returns(Types.STRING).name("stories grown").setParallelism(1)
                .keyBy(storyId -> storyId, Types.STRING)
                .process(new StoryBriefKeeper(options.store(), briefs.quiet().toMillis())).returns(Types.STRING)
                .name("keep briefs current (brief tier)").uid("briefs").setParallelism(options.parallelism())
                .sinkTo(new DiscardingSink<>()).name("briefs written by the brief stage")
                .setParallelism(options.parallelism());
    }

    /**
     * An environment that runs the job in a Flink MiniCluster in this process, of {@code taskManagers} task managers
     * with as many slots together as {@code parallelism} asks (the cluster stops when the job ends).
     */
    public static StreamExecutionEnvironment miniCluster(int parallelism, int taskManagers) {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS, taskManagers);
        config.set(TaskManagerOptions.NUM_TASK_SLOTS, (parallelism + taskManagers - 1) / taskManagers);
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
    }

    /** Adds the job to the environment and starts it; the job runs until cancelled. */
    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        addTo(env);
        return env.executeAsync(NAME);
    }

    /**
     * Entry point for {@code flink run}: {@code --kafka HOST:PORT --db FILE|URL [--topic T] [--parallelism N]
     * [--brief-wait MILLIS | --no-briefs]}, the
     * database a SQLite file or a PostgreSQL URL as {@code --db} takes everywhere; runs until cancelled.
     */
    public static void main(String[] args) throws Exception {
        String kafka = null;
        String db = null;
        String topic = ArticlePublisher.DEFAULT_TOPIC;
        Integer parallelism = null;
        BriefKeeping briefs = BriefKeeping.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--kafka" -> kafka = value;
                case "--db" -> db = value;
                case "--topic" -> topic = value;
                case "--parallelism" -> parallelism = Integer.valueOf(Objects.requireNonNull(value, "--parallelism N"));
                case "--brief-wait" -> briefs = BriefKeeping.after(Duration.ofMillis(
                        Long.parseLong(Objects.requireNonNull(value, "--brief-wait MILLIS"))));
                case "--no-briefs" -> {
                    briefs = BriefKeeping.OFF;
                    i--;
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; expected --kafka HOST:PORT --db FILE|URL [--topic T] [--parallelism N] [--brief-wait MILLIS | --no-briefs]");
            }
            i++;
        }
        if (kafka == null || db == null) {
            throw new IllegalArgumentException("--kafka HOST:PORT and --db FILE|URL are required");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        int p = parallelism != null ? parallelism : env.getParallelism();
        StreamJob job = new StreamJob(Options.of(kafka, StoreOpener.of(db), p).withTopic(topic), briefs);
        job.addTo(env);
        env.execute(NAME);
    }
}
