package org.storylens.clean;

import org.storylens.ingest.SourceFormat;

import java.util.List;
import java.util.Objects;

/**
 * A cleaned article: body text without debris, and the metadata storylens could establish. Immutable.
 *
 * @param id               stable id (file name without extension, or record id)
 * @param title            headline, or null when the source had none
 * @param outlet           who published it, or null when it cannot be told
 * @param wire             the agency the text is credited to or copied from, when that is not the outlet itself
 * @param published        publication date, or null when none was found
 * @param language         ISO 639-1 code of the body's language, or null for too little text
 * @param text             cleaned body, paragraphs separated by blank lines
 * @param removed          what the cleaner removed, in order, with the rule that removed it
 * @param foreignFragments untranslated fragments left in the text
 * @param url              the article's URL, when known
 * @param origin           where it was read from
 * @param format           which reader read it
 * @param contentHash      hash of the normalised text: the same story text from anywhere hashes the same
 * @param warnings         non-fatal problems met on the way
 */
public record Article(String id, String title, String outlet, String wire, PublicationDate published,
                      String language, String text, List<RemovedLine> removed, List<ForeignFragment> foreignFragments,
                      String url, String origin, SourceFormat format, String contentHash, List<String> warnings) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentHash, "contentHash");
        removed = List.copyOf(removed);
        foreignFragments = List.copyOf(foreignFragments);
        warnings = List.copyOf(warnings);
    }

    /** The removed lines' texts, in order: the {@code removedBoilerplate} of the brief contract. */
    public List<String> removedBoilerplate() {
        return removed.stream().map(RemovedLine::text).toList();
    }

    /** ISO publication date, or null. */
    public String publishedAt() {
        return published == null ? null : published.iso();
    }

    public Article withId(String newId) {
        return new Article(newId, title, outlet, wire, published, language, text, removed, foreignFragments, url,
                origin, format, contentHash, warnings);
    }

    /** This article with the given warnings after its own. */
    public Article withMoreWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Article(id, title, outlet, wire, published, language, text, removed, foreignFragments, url, origin,
                format, contentHash, all);
    }

    public Article withPublished(PublicationDate date) {
        return new Article(id, title, outlet, wire, date, language, text, removed, foreignFragments, url, origin,
                format, contentHash, warnings);
    }
}
