package org.storylens.stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.storylens.clean.Article;
import org.storylens.clean.RuleBasedArticleCleaner;
import org.storylens.ingest.RawArticle;
import org.storylens.pipeline.ArticlePipeline;
import org.storylens.pipeline.PipelineFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes raw articles to a Kafka topic as {@link RawArticleJson}, each keyed by the content hash of its text (the
 * same text from anywhere lands in the same partition), in the order given. The producer is idempotent and waits for
 * every in-sync replica: a published article is not lost, and a retried send is not written twice. Not thread-safe.
 */
public final class ArticlePublisher implements AutoCloseable {

    /** The topic {@code publish} and {@code stream} use unless told otherwise. */
    public static final String DEFAULT_TOPIC = "storylens.raw";

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final RawArticleJson json = new RawArticleJson();
    /** Cleans each batch only to infer the years its dates lack, as {@code ingest} infers them across its batch. */
    private final ArticlePipeline cleaning = new PipelineFactory(PipelineFactory.DEFAULT_MAX_BYTES).pipeline(1);

    /** @param bootstrapServers {@code HOST:PORT[,HOST:PORT...]} */
    public ArticlePublisher(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // an article of up to the reader's 16 MB limit, plus its JSON
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(20 << 20));
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** The key an article is published under: the content hash of its raw text. */
    public static String keyOf(RawArticle article) {
        return RuleBasedArticleCleaner.contentHash(article.text());
    }

    /**
     * Sends the articles and waits until the broker has them all. An article whose date names no year carries the
     * year {@code ingest} would infer for it from the others of the batch (see {@link RawArticleJson}).
     *
     * @throws PublishException naming the first article the broker did not take
     */
    public int publish(List<RawArticle> articles) throws PublishException {
        Map<String, Integer> years = inferredYears(articles);
        List<Future<?>> sent = new ArrayList<>(articles.size());
        for (RawArticle article : articles) {
            sent.add(producer.send(new ProducerRecord<>(topic, keyOf(article),
                    json.write(article, years.get(article.id())))));
        }
        producer.flush();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
            } catch (ExecutionException e) {
                throw new PublishException(articles.get(i).origin() + ": not published to " + topic + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("interrupted while publishing to " + topic, e);
            }
        }
        return articles.size();
    }

    /** The years inferred across the batch for the dates that lack one, by article id. */
    private Map<String, Integer> inferredYears(List<RawArticle> articles) {
        Map<String, Integer> years = new HashMap<>();
        for (Article cleaned : cleaning.clean(articles).articles()) {
            if (cleaned.published() != null && cleaned.published().yearInferred()) {
                years.put(cleaned.id(), cleaned.published().year());
            }
        }
        return years;
    }

    @Override
    public void close() {
        producer.close();
    }

    /** An article the broker did not take. */
    public static final class PublishException extends Exception {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
