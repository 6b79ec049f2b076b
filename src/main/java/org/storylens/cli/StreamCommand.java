package org.storylens.cli;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.client.JobCancellationException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.storylens.store.StoreException;
import org.storylens.stream.BriefKeeping;
import org.storylens.stream.StoreOpener;
import org.storylens.stream.StreamJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code storylens stream --kafka HOST:PORT --db FILE|URL}: the Flink job in a local MiniCluster, until stopped. */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Runs the storylens stream job in a local Flink MiniCluster until stopped (Ctrl-C): raw "
                + "articles from a Kafka topic (as 'storylens publish' writes them) are cleaned, stored, analysed at "
                + "the ingest tier in parallel and assigned to stories by one clusterer, as 'ingest' does; the brief of "
                + "each story that grew is written (brief tier, in parallel by story) once it has been quiet for "
                + "--brief-wait, and kept in the database for 'serve'.",
                "The job starts from the offsets its consumer group committed at its last checkpoint (the earliest "
                        + "when none), and the clusterer from the state the database saved last: a stopped job "
                        + "started again continues, and nothing is stored twice.",
                "On a Flink cluster: flink run -c org.storylens.stream.StreamJob storylens.jar --kafka HOST:PORT "
                        + "--db FILE|URL [--parallelism N] [--brief-wait MILLIS | --no-briefs].",
                "Exit code: 0 stopped (Ctrl-C, or the thread running the command interrupted), 3 database error, "
                        + "1 the job failed."})
final class StreamCommand implements Callable<Integer> {

    @Option(names = "--kafka", paramLabel = "HOST:PORT", required = true,
            description = "Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]).")
    String kafka;

    @Option(names = "--db", paramLabel = "FILE|URL", defaultValue = "storylens-data/storylens.db",
            description = "SQLite database file (created when missing), or a PostgreSQL database as "
                    + "postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB or a jdbc:postgresql: URL (user and password also "
                    + "from STORYLENS_DB_USER / STORYLENS_DB_PASSWORD; the database must exist, its tables are "
                    + "created). Default: ${DEFAULT-VALUE}")
    String db;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "storylens.raw",
            description = "Topic of raw articles. Default: ${DEFAULT-VALUE}")
    String topic;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Parallel analysis tasks (CoreNLP and the embedder loaded once per task). Default: the "
                    + "number of cores. Stories are assigned by one task whatever N is.")
    Integer parallelism;

    @Option(names = "--order-wait", paramLabel = "MILLIS", defaultValue = "3000",
            description = "How long stories wait for more articles before assigning what arrived, oldest first as "
                    + "'ingest' assigns a batch. Default: ${DEFAULT-VALUE}")
    long orderWaitMillis;

    @Option(names = "--brief-wait", paramLabel = "MILLIS", defaultValue = "10000",
            description = "How long after a story's last new article its brief is written and kept in the database "
                    + "(brief tier, one task per story key), so that 'serve' shows it at once. Default: ${DEFAULT-VALUE}")
    long briefWaitMillis;

    @Option(names = "--no-briefs", description = "Write no briefs (for throughput runs): 'serve' writes them when "
            + "a story is first asked for.")
    boolean noBriefs;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int p = parallelism != null ? parallelism : Runtime.getRuntime().availableProcessors();
        if (p < 1 || orderWaitMillis < 0 || briefWaitMillis < 0) {
            err.println("error: --parallelism must be at least 1, --order-wait and --brief-wait at least 0");
            err.flush();
            return StorylensCli.USAGE;
        }
        StoreOpener store = StoreOpener.of(db);
        StreamJob job = new StreamJob(StreamJob.Options.of(kafka, store, p).withTopic(topic)
                .withOrderWait(Duration.ofMillis(orderWaitMillis)),
                noBriefs ? BriefKeeping.OFF : BriefKeeping.after(Duration.ofMillis(briefWaitMillis)));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(p, new Configuration());
        JobClient client;
        try {
            client = job.start(env);
        } catch (StoreException e) {
            err.println(TerminalText.escape("error: " + e.getMessage()));
            err.flush();
            return StorylensCli.STORE_FAILED;
        }
        out.println("stream job " + client.getJobID() + " running: " + kafka + " topic " + topic + " -> "
                + store.describe() + ", parallelism " + p + " (stop with Ctrl-C)");
        out.flush();
        Thread stop = new Thread(() -> client.cancel().join(), "storylens-stream-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            client.getJobExecutionResult().get();
            return 0;
        } catch (InterruptedException e) {
            // stopped by the thread that runs the command (an embedding program, a test): the job is cancelled
            stopped(client, out);
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            if (cancelled(e) || status(client) == JobStatus.CANCELED) {
                return 0;
            }
            err.println(TerminalText.escape("error: the stream job failed: " + e.getCause()));
            err.flush();
            return StorylensCli.SOME_INPUTS_FAILED;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook cancels the job
            }
        }
    }

    /** Cancels the job and waits until it and its MiniCluster have stopped (up to a minute). */
    private static void stopped(JobClient client, PrintWriter out) {
        try {
            client.cancel().get(1, TimeUnit.MINUTES);
            client.getJobExecutionResult().handle((result, failure) -> null).get(1, TimeUnit.MINUTES);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            // it stops in the background
        }
        out.println("stream job " + client.getJobID() + " stopped");
        out.flush();
    }

    private static boolean cancelled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JobCancellationException) {
                return true;
            }
        }
        return false;
    }

    private static JobStatus status(JobClient client) {
        try {
            return client.getJobStatus().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JobStatus.FAILED;
        } catch (ExecutionException | TimeoutException e) {
            return JobStatus.FAILED;
        }
    }
}
