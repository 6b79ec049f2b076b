package org.storylens.cli;

import org.storylens.ingest.PublicAddressGuard;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.PipelineFactory;
import org.storylens.stream.ArticlePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code storylens publish PATH... --kafka HOST:PORT}: read articles as ingest does and publish them raw to Kafka. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Reads articles from files, folders (recursively) or http(s) feed URLs with the same readers as "
                + "'ingest' and publishes them, not cleaned, to a Kafka topic as JSON keyed by the content hash of "
                + "their text, for 'storylens stream' (or the Flink job) to clean, analyse and assign to stories.",
                "Exit code: 0 all inputs read and published, 1 some inputs failed (the rest was published), "
                        + "3 the broker did not take an article."})
final class PublishCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders or http(s) URLs of feeds.")
    List<String> paths;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", required = true,
            description = "Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]).")
    String kafka;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = ArticlePublisher.DEFAULT_TOPIC,
            description = "Topic to publish to. Default: ${DEFAULT-VALUE}")
    String topic;

    @picocli.CommandLine.Mixin
    ReadOptions read = new ReadOptions();

    @Option(names = "--threads", paramLabel = "N", description = "Reader threads. Default: the number of cores.")
    Integer threads;

    @Option(names = "--allow-private", description = "Fetch URLs on loopback, private and link-local addresses too "
            + "(by default storylens fetches only the public web).")
    boolean allowPrivate;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ArticlePipeline.RawBatch batch = new PipelineFactory(read.maxBytes, PublicAddressGuard.of(allowPrivate))
                .readRaw(paths, cores);
        batch.failures().forEach(f -> err.println(TerminalText.escape("error: " + f)));
        int published;
        try (ArticlePublisher publisher = new ArticlePublisher(kafka, topic)) {
            published = publisher.publish(batch.articles());
        } catch (ArticlePublisher.PublishException | org.apache.kafka.common.KafkaException e) {
            err.println(TerminalText.escape("error: " + kafka + ": " + e.getMessage()));
            err.flush();
            return StorylensCli.STORE_FAILED;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%d inputs, %d articles published, %d failed (%.1f s) -> %s topic %s%n",
                batch.inputs(), published, batch.failures().size(), seconds, kafka, topic);
        out.flush();
        err.flush();
        return batch.failures().isEmpty() ? 0 : StorylensCli.SOME_INPUTS_FAILED;
    }
}
