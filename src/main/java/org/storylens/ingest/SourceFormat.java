package org.storylens.ingest;

/** The kind of input an article was read from. Chosen by content, with the file name only as a hint. */
public enum SourceFormat {
    TEXT, HTML, FEED, JSON_LINES, WARC
}
