package org.storylens.ingest;

import java.util.List;
import java.util.Objects;

/**
 * One article as read from its source, before cleaning.
 *
 * @param id       stable id: the file name without extension, or the feed/WARC/JSON Lines record id
 * @param origin   where it came from: a path, a URL, or {@code path#record}
 * @param format   the reader that produced it
 * @param text     body text with paragraphs separated by blank lines; never blank
 * @param metadata what the source says about the article
 * @param warnings non-fatal problems met while reading (a guessed encoding, a missing field)
 * @param removed  pieces the reader dropped from the markup that a reader of the article may want to see
 *                 (photo captions, bylines); the cleaner lists them with the boilerplate it removes
 */
public record RawArticle(String id, String origin, SourceFormat format, String text, Metadata metadata,
                         List<String> warnings, List<String> removed) {

    public RawArticle(String id, String origin, SourceFormat format, String text, Metadata metadata,
                      List<String> warnings) {
        this(id, origin, format, text, metadata, warnings, List.of());
    }

    public RawArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException(origin + ": article text is blank");
        }
        metadata = metadata == null ? Metadata.EMPTY : metadata;
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        removed = List.copyOf(removed == null ? List.of() : removed);
    }
}
