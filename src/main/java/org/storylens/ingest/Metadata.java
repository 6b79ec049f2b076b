package org.storylens.ingest;

/**
 * What the source itself says about an article, before any cleaning: every field is as found, or null.
 *
 * @param title       headline from the markup, feed or record (or the headline-shaped first line of a text file)
 * @param url         canonical or record URL
 * @param publishedAt publication date or date-time as written in metadata (not parsed yet)
 * @param outlet      publisher name from metadata ({@code og:site_name}, JSON-LD publisher, feed title, record field)
 * @param language    language tag from metadata ({@code <html lang>}, record field)
 * @param author      author or byline from metadata
 */
public record Metadata(String title, String url, String publishedAt, String outlet, String language, String author) {

    public static final Metadata EMPTY = new Metadata(null, null, null, null, null, null);

    public Metadata withTitle(String newTitle) {
        return new Metadata(newTitle, url, publishedAt, outlet, language, author);
    }
}
