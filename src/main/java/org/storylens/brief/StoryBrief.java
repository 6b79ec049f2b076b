package org.storylens.brief;

import java.util.List;

/**
 * The brief of one story, in the shape of the output contract ({@code shared/docs/brief-format.md}).
 *
 * @param id       stable id for the same articles
 * @param title    the story's title
 * @param articles its articles, oldest first
 * @param independentSources outlets that are not copies of each other (copies and shared wires count once)
 * @param summary  summary sentences with their sources, most important first
 * @param entities linked entities, most-mentioned first
 * @param timeline dated entries, by date then first report
 * @param quotes   statements merged across sources
 * @param numbers  figures merged across sources
 * @param claims   claims, agreed first, then disputed, then single-source
 * @param framing  how each outlet told it, in the order of the outlets' first articles
 */
public record StoryBrief(String id, String title, List<ArticleEntry> articles, int independentSources,
                         List<SourcedText> summary,
                         List<EntityEntry> entities, List<TimelineEntry> timeline, List<QuoteEntry> quotes,
                         List<NumberEntry> numbers, List<ClaimEntry> claims,
                         List<OutletFraming> framing) {

    public StoryBrief {
        articles = List.copyOf(articles);
        summary = List.copyOf(summary);
        entities = List.copyOf(entities);
        timeline = List.copyOf(timeline);
        quotes = List.copyOf(quotes);
        numbers = List.copyOf(numbers);
        claims = List.copyOf(claims);
        framing = List.copyOf(framing);
    }
}
