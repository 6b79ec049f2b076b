package org.storylens.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.cli.StorylensCli;
import org.storylens.clean.RuleBasedArticleCleaner;
import org.storylens.ingest.RawArticle;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.PipelineFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code storylens publish} against a real KRaft broker started in this JVM. */
class PublishCommandTest {

    private static KraftBroker broker;

    @TempDir
    static Path work;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new KraftBroker();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void publishesTheDemoSampleAsReadByIngestKeyedByContentHashWithTheYearsIngestInfers() throws Exception {
        Path samples = DemoSamples.extract(work.resolve("samples"));
        broker.createTopic("demo.raw", 1);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StorylensCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("publish", samples.toString(), "--kafka", broker.bootstrapServers(), "--topic", "demo.raw");

        ArticlePipeline.RawBatch read = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES)
                .readRaw(List.of(samples.toString()), 2);
        assertThat(code).as(err.toString()).isZero();
        assertThat(read.articles()).hasSizeGreaterThan(10);
        assertThat(out.toString()).contains(read.articles().size() + " articles published");

        List<ConsumerRecord<String, byte[]>> records = broker.readAll("demo.raw", read.articles().size());
        RawArticleJson json = new RawArticleJson();
        List<RawArticle> consumed = records.stream().map(r -> json.read(r.value(), "demo.raw@" + r.offset())).toList();
        assertThat(consumed).containsExactlyElementsOf(read.articles());
        assertThat(records).allSatisfy(r -> assertThat(r.key())
                .isEqualTo(RuleBasedArticleCleaner.contentHash(json.read(r.value(), "record").text())));
        // the report dated only "March 11th" carries the year ingest infers from the others; no other record does
        assertThat(records.stream().map(r -> json.decode(r.value(), "record"))
                .filter(d -> d.inferredYear() != null)
                .map(d -> d.article().id() + " " + d.inferredYear()).toList())
                .containsExactly("dailypost-dam-spillway-wire 2025");
    }
}
