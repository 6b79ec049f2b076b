package org.storylens.cli;

import org.storylens.store.StoredStory;

import java.io.PrintWriter;
import java.util.List;

/** Prints stories as a fixed-width table for a terminal; titles are {@link TerminalText escaped}. */
final class StoryTable {

    void print(List<StoredStory> stories, PrintWriter out) {
        String format = "%-15s %8s %7s  %-23s %s%n";
        out.printf(format, "STORY", "ARTICLES", "SOURCES", "PUBLISHED", "TITLE");
        for (StoredStory s : stories) {
            out.printf(format, TerminalText.cell(s.id(), 15), s.articles(), s.independentSources(), span(s),
                    s.title() == null ? "(no title)" : TerminalText.cell(s.title(), 70));
        }
        out.println(stories.size() + " stories, " + stories.stream().mapToInt(StoredStory::articles).sum()
                + " articles");
    }

    private static String span(StoredStory s) {
        if (s.firstPublished() == null) {
            return "-";
        }
        return s.firstPublished().equals(s.lastPublished()) ? s.firstPublished().toString()
                : s.firstPublished() + ".." + s.lastPublished();
    }
}
