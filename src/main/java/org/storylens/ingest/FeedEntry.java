package org.storylens.ingest;

import java.util.Objects;

/**
 * One entry of a parsed feed, before its page is fetched.
 *
 * @param id       the article id it will get: its guid or Atom id made safe, unique within the feed
 * @param origin   {@code feed#id}
 * @param link     the entry's link, or null
 * @param guid     the RSS guid or Atom id as written (Rome puts the link there when an RSS item has none), or null
 * @param metadata what the feed says of it (title, link, date, the feed's title as outlet, language, author)
 * @param text     its text from the feed (content, else description or summary), or null when the feed has none
 * @param problem  why its text in the feed could not be read (the entry then fails alone), or null
 */
public record FeedEntry(String id, String origin, String link, String guid, Metadata metadata, String text,
                        String problem) {

    public FeedEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** An entry whose text, if any, was read. */
    public FeedEntry(String id, String origin, String link, String guid, Metadata metadata, String text) {
        this(id, origin, link, guid, metadata, text, null);
    }

    /** What identifies the entry across polls of its feed: its link, else its guid, else its id. */
    public String key() {
        return link != null ? link : guid != null ? guid : id;
    }
}
