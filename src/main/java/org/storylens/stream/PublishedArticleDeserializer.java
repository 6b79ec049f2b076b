package org.storylens.stream;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;

/** Turns a Kafka record of the raw-article topic into a {@link PublishedArticle}; the JSON is read later. */
final class PublishedArticleDeserializer implements KafkaRecordDeserializationSchema<PublishedArticle> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<PublishedArticle> out) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        out.collect(new PublishedArticle(key, record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.value()));
    }

    @Override
    public TypeInformation<PublishedArticle> getProducedType() {
        return TypeInformation.of(PublishedArticle.class);
    }
}
