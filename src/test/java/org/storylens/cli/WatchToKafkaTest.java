package org.storylens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.storylens.clean.RuleBasedArticleCleaner;
import org.storylens.ingest.LoopbackSite;
import org.storylens.ingest.RawArticle;
import org.storylens.stream.LocalKafkaBroker;
import org.storylens.stream.RawArticleJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code watch --kafka}: the feeds' new articles are published raw to a real broker (KRaft, in this JVM). */
class WatchToKafkaTest {

    private static final String FEED = """
            <rss version="2.0"><channel><title>Harbour Times</title><language>en</language>
            <item><title>Harbour cranes idle as dockers strike for second day</title>
              <link>%1$s/strike-day-2</link><pubDate>Wed, 08 May 2024 09:00:00 GMT</pubDate>
              <description>Dock workers at the port of Ostrava Bay stayed away for a second day on Wednesday, \
            leaving 40 ships waiting at anchor, the port authority said. The union is demanding a 9 percent pay \
            rise. "We will not go back for less," its leader Mara Voss told reporters outside the gates.</description>
            </item>
            <item><title>Ferry services to the islands resume after the gale</title>
              <link>%1$s/ferries-resume</link><pubDate>Wed, 08 May 2024 11:00:00 GMT</pubDate>
              <description>Ferries to the northern islands sailed again on Wednesday morning after two days of gales \
            kept them in port, the operator Nordline said. About 1,200 passengers had been waiting for a crossing, \
            and extra sailings were added for the afternoon.</description>
            </item>
            </channel></rss>
            """;

    @TempDir
    static Path work;

    private static LocalKafkaBroker broker;
    private static LoopbackSite site;

    @BeforeAll
    static void start() throws Exception {
        broker = LocalKafkaBroker.start(work.resolve("kafka"));
        site = new LoopbackSite();
        site.page("/feed.xml", "application/rss+xml", FEED.formatted(site.url("/news")));
        site.page("/broken.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><item>");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void oneRoundPublishesTheFeedsNewArticlesRawKeyedByContentHashAndStoresNothing() throws Exception {
        broker.createTopic("feeds.raw", 1);
        Path defaultDb = Path.of("storylens-data", "storylens.db");
        boolean hadDefaultDb = Files.exists(defaultDb);

        CliRun watch = CliRun.of("watch", site.url("/feed.xml"), site.url("/broken.xml"), "--kafka",
                broker.bootstrapServers(), "--topic", "feeds.raw", "--once", "--allow-private");

        assertThat(watch.exitCode()).as(watch.err()).isEqualTo(StorylensCli.SOME_INPUTS_FAILED);
        assertThat(watch.out()).contains("round 1: 2 feeds polled, 2 new articles (2 entries read), "
                + "0 unchanged (304), 1 failed");
        assertThat(watch.err()).contains("error: " + site.url("/broken.xml") + ": malformed RSS/Atom XML");
        List<ConsumerRecord<String, byte[]>> records = readAll("feeds.raw");
        RawArticleJson json = new RawArticleJson();
        List<RawArticle> published = records.stream().map(r -> json.read(r.value(), "feeds.raw@" + r.offset()))
                .toList();
        assertThat(published).extracting(a -> a.metadata().url())
                .containsExactlyInAnyOrder(site.url("/news/strike-day-2"), site.url("/news/ferries-resume"));
        assertThat(published).extracting(RawArticle::text).anySatisfy(text -> assertThat(text)
                .contains("Dock workers at the port of Ostrava Bay stayed away for a second day"));
        assertThat(records).allSatisfy(r -> assertThat(r.key())
                .isEqualTo(RuleBasedArticleCleaner.contentHash(json.read(r.value(), "record").text())));
        assertThat(Files.exists(defaultDb)).as("nothing ingested into the default database").isEqualTo(hadDefaultDb);
    }

    @Test
    void withADatabaseGivenEntriesWhoseLinkItHoldsAreNotPublished() throws Exception {
        broker.createTopic("feeds-known.raw", 1);
        Path known = work.resolve("known.jsonl");
        Files.writeString(known, new ObjectMapper().writeValueAsString(Map.of(
                "title", "Harbour cranes idle as dockers strike for second day",
                "text", "Dock workers at the port of Ostrava Bay stayed away for a second day on Wednesday.",
                "url", site.url("/news/strike-day-2"), "publishedAt", "2024-05-08", "language", "en")) + "\n");
        String db = work.resolve("job.db").toString();
        CliRun stored = CliRun.of("ingest", known.toString(), "--db", db, "--no-analyse");
        assertThat(stored.exitCode()).as(stored.err()).isZero();

        CliRun watch = CliRun.of("watch", site.url("/feed.xml"), "--kafka", broker.bootstrapServers(), "--topic",
                "feeds-known.raw", "--db", db, "--once", "--allow-private");

        assertThat(watch.exitCode()).as(watch.err()).isZero();
        assertThat(watch.out()).contains("round 1: 1 feeds polled, 1 new articles (1 entries read)");
        List<ConsumerRecord<String, byte[]>> records = readAll("feeds-known.raw");
        RawArticleJson json = new RawArticleJson();
        assertThat(records).extracting(r -> json.read(r.value(), "record").metadata().url())
                .containsExactly(site.url("/news/ferries-resume"));
    }

    /** Every record the topic holds now (the watch waited until the broker had them). */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
