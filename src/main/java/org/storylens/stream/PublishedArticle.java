package org.storylens.stream;

/**
 * One record of the raw-article topic as the job's source reads it: the article's JSON and where it was read from.
 * The position (timestamp, partition, offset) is the arrival order the story operator breaks date ties by.
 *
 * @param key       the content hash it was published under, or null when the record has no key
 * @param topic     the topic it was read from
 * @param partition its partition
 * @param offset    its offset in the partition
 * @param timestamp the record's timestamp (when it was published)
 * @param value     the article as {@link RawArticleJson}, or an empty array when the record had none
 */
public record PublishedArticle(String key, String topic, int partition, long offset, long timestamp, byte[] value) {

    public PublishedArticle {
        value = value == null ? new byte[0] : value;
    }

    /** The record's place, as errors name it: {@code topic-partition@offset}. */
    public String where() {
        return topic + "-" + partition + "@" + offset;
    }
}
