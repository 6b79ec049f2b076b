package org.storylens.cli;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.storylens.ingest.PublicAddressGuard;
import org.storylens.ingest.RawArticle;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.store.ArticleStore;
import org.storylens.store.StoredStory;
import org.storylens.store.Stores;
import org.storylens.stream.ArticlePublisher;
import org.storylens.stream.LocalKafkaBroker;
import org.storylens.stream.LocalPostgres;
import org.storylens.stream.StoreOpener;
import org.storylens.stream.StreamJob;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The distributed path of {@code demo --stream}, all in this process: a Kafka broker (KRaft), a PostgreSQL server and
 * the stream job in a Flink MiniCluster of two task managers. The broker's log and PostgreSQL's data are kept in the
 * demo's folder. {@link #stopStreaming()} cancels the job and stops the broker; {@link #close()} stops PostgreSQL
 * too. Not thread-safe.
 */
final class StreamDemo implements AutoCloseable {

    /** Analysis tasks of the job, one on each of the two task managers. */
    static final int PARALLELISM = 2;
    private static final int TASK_MANAGERS = 2;
    /** Without an article for this long the waiting ones are assigned (only when one could not be analysed). */
    private static final Duration ORDER_WAIT = Duration.ofSeconds(10);

    private final LocalPostgres postgres;
    private final LocalKafkaBroker kafka;
    private final String db;
    private JobClient job;
    private boolean streaming = true;

    private StreamDemo(LocalPostgres postgres, LocalKafkaBroker kafka, String db) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.db = db;
    }

    /** Starts PostgreSQL on {@code work/postgres} (database {@code storylens}) and a broker on {@code work/kafka}. */
    static StreamDemo start(Path work) throws IOException, SQLException {
        LocalPostgres postgres = LocalPostgres.start(work.resolve("postgres"));
        try {
            String db = postgres.database("storylens");
            LocalKafkaBroker kafka = LocalKafkaBroker.start(work.resolve("kafka"));
            try {
                // one partition: the records keep the order they were published in, as ingest keeps its input order
                kafka.createTopic(ArticlePublisher.DEFAULT_TOPIC, 1);
            } catch (IOException | RuntimeException e) {
                kafka.close();
                throw e;
            }
            return new StreamDemo(postgres, kafka, db);
        } catch (IOException | SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** The PostgreSQL database the job writes to, as {@code --db} names it. */
    String db() {
        return db;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * Publishes the inputs as {@code publish} does; each input that cannot be read is an {@code error:} line on
     * {@code err}. Returns how many different texts were published (a text published twice is one article).
     */
    int publish(List<String> inputs, PrintWriter err) throws ArticlePublisher.PublishException {
        ArticlePipeline.RawBatch batch = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES,
                PublicAddressGuard.publicOnly()).readRaw(inputs, Runtime.getRuntime().availableProcessors());
        batch.failures().forEach(f -> err.println(TerminalText.escape("error: " + f)));
        err.flush();
        try (ArticlePublisher publisher = new ArticlePublisher(kafka.bootstrapServers(),
                ArticlePublisher.DEFAULT_TOPIC)) {
            publisher.publish(batch.articles());
        }
        Set<String> texts = new LinkedHashSet<>();
        for (RawArticle article : batch.articles()) {
            texts.add(ArticlePublisher.keyOf(article));
        }
        return texts.size();
    }

    /**
     * Starts the job. Its story stage assigns the articles once {@code expected} have arrived, all in one batch in
     * time order as {@code ingest} assigns what it read, so the stories are those {@code ingest} makes of them.
     */
    JobClient startJob(int expected) throws Exception {
        StreamJob.Options options = StreamJob.Options.of(kafka.bootstrapServers(), StoreOpener.of(db), PARALLELISM)
                .withOrderWait(ORDER_WAIT).withMaxWaiting(Math.max(1, expected))
                .withCheckpointInterval(Duration.ofSeconds(2));
        job = new StreamJob(options).start(StreamJob.miniCluster(PARALLELISM, TASK_MANAGERS));
        return job;
    }

    /**
     * Waits until the job's stories hold {@code expected} articles; returns how many they hold.
     *
     * @throws IllegalStateException when the job ended, or {@code timeout} passed first
     */
    int awaitPlaced(int expected, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        int placed = 0;
        while (true) {
            try (ArticleStore store = Stores.open(db)) {
                placed = store.stories().stream().mapToInt(StoredStory::articles).sum();
            }
            if (placed >= expected) {
                return placed;
            }
            JobStatus status = job.getJobStatus().get(30, TimeUnit.SECONDS);
            if (status.isGloballyTerminalState()) {
                throw new IllegalStateException("the stream job ended (" + status + ") with " + placed + " of "
                        + expected + " articles in stories");
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the stream job placed " + placed + " of " + expected
                        + " articles in " + timeout.toMinutes() + " minutes");
            }
            Thread.sleep(250);
        }
    }

    /** Cancels the job (its MiniCluster stops with it) and stops the broker; PostgreSQL goes on. Idempotent. */
    void stopStreaming() {
        if (!streaming) {
            return;
        }
        streaming = false;
        try {
            if (job != null) {
                try {
                    job.cancel().get(60, TimeUnit.SECONDS);
                    // the per-job MiniCluster shuts down once the job's result is in
                    job.getJobExecutionResult().handle((result, failure) -> null).get(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    // already ended, or it did not stop in time: the broker is stopped all the same
                }
            }
        } finally {
            kafka.close();
        }
    }

    /** Stops the job, the broker and PostgreSQL. */
    @Override
    public void close() throws IOException {
        try {
            stopStreaming();
        } finally {
            postgres.close();
        }
    }
}
