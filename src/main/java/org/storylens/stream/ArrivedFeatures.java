package org.storylens.stream;

/**
 * An analysed article on its way to the story operator: its stored id, its cluster features as
 * {@link ArticleFeaturesJson}, and the arrival position of the record it came from (the order date ties are broken
 * by, as {@code ingest} breaks them by input order).
 *
 * @param articleId the id it is stored under (the stored original's when its text was stored before)
 * @param timestamp the Kafka record's timestamp
 * @param partition the Kafka record's partition
 * @param offset    the Kafka record's offset
 * @param features  the cluster features as JSON
 */
public record ArrivedFeatures(String articleId, long timestamp, int partition, long offset, byte[] features) {
}
