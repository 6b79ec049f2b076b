package org.storylens.store;

import java.time.LocalDate;
import java.util.List;

/**
 * A story as a list of stories shows it. Immutable.
 *
 * @param id                 the story's id
 * @param title              the headline of its latest dated article that has one (undated last), or null when none has
 * @param articles           how many articles it holds
 * @param independentSources outlets among them that are not copies of each other
 * @param firstPublished     its earliest publication date, or null when no article is dated
 * @param lastPublished      its latest publication date, or null
 * @param updatedAt          when an article last joined it (ISO instant)
 * @param outlets            its articles' outlets (null outlets left out), most articles first
 * @param match              why it matched the query's words: its best-matching article, the matched words marked;
 *                           null when the query has no words
 */
public record StoryListing(String id, String title, int articles, int independentSources, LocalDate firstPublished,
                           LocalDate lastPublished, String updatedAt, List<OutletCount> outlets, SearchMatch match) {

    public StoryListing {
        outlets = List.copyOf(outlets);
    }

    /** A story listed without a search. */
    public StoryListing(String id, String title, int articles, int independentSources, LocalDate firstPublished,
                        LocalDate lastPublished, String updatedAt, List<OutletCount> outlets) {
        this(id, title, articles, independentSources, firstPublished, lastPublished, updatedAt, outlets, null);
    }

    /** One outlet of a story and how many of the story's articles it published. */
    public record OutletCount(String outlet, int articles) {
    }
}
