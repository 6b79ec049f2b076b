package org.storylens.brief;

import java.util.List;

/**
 * One dated entry of a story's chronology.
 *
 * @param date      ISO 8601 value: a day ({@code 2021-12-07}), week ({@code 2021-W49}), month or year
 * @param text      the sentence that dates it, from its first report
 * @param sources   ids of the articles that date something to this day in the same terms, oldest first
 * @param scheduled true when the sources speak of it as still to come at the time they were published
 */
public record TimelineEntry(String date, String text, List<String> sources, boolean scheduled) {

    public TimelineEntry {
        sources = List.copyOf(sources);
    }
}
