package org.storylens.brief;

import java.util.List;

/**
 * One dated event of a story's chronology.
 *
 * @param date      ISO 8601 value: a day ({@code 2021-12-07}), week ({@code 2021-W49}), month or year
 * @param text      the sentence that reports the event, from its first report whose date is certain; a sentence
 *                  opening with a pronoun is cut after its reporting verb, never rewritten
 * @param sources   ids of the articles whose own sentence reports this event on this date, oldest first
 * @param scheduled true when the event was still to come when each source reported it (published before it, or
 *                  speaking of it in the future tense)
 */
public record TimelineEntry(String date, String text, List<String> sources, boolean scheduled) {

    public TimelineEntry {
        sources = List.copyOf(sources);
    }
}
