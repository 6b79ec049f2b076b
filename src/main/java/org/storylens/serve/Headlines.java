package org.storylens.serve;

import org.storylens.brief.ArticleEntry;
import org.storylens.brief.StoryBrief;
import org.storylens.ingest.Limits;

import java.util.List;

/**
 * Titles as listings and headings show them: at most {@link Limits#MAX_LISTED_TITLE_CHARS} characters, cut at a word
 * with an ellipsis, so that one huge headline cannot swell every page that lists it. The article's own page and
 * {@code /api/articles/{id}} keep the title whole. Stateless.
 */
final class Headlines {

    private Headlines() {
    }

    /** The title shortened for a listing or heading; null and short titles stay as they are. */
    static String shown(String title) {
        int max = Limits.MAX_LISTED_TITLE_CHARS;
        if (title == null || title.length() <= max) {
            return title;
        }
        int end = max;
        if (Character.isLowSurrogate(title.charAt(end))) {
            end--; // never half a character
        }
        int space = title.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        }
        return title.substring(0, end).strip() + "…";
    }

    /** The brief with its story title and its articles' titles {@link #shown shortened}. */
    static StoryBrief shown(StoryBrief brief) {
        boolean longTitle = brief.title() != null && brief.title().length() > Limits.MAX_LISTED_TITLE_CHARS;
        boolean longArticleTitle = brief.articles().stream()
                .anyMatch(a -> a.title() != null && a.title().length() > Limits.MAX_LISTED_TITLE_CHARS);
        if (!longTitle && !longArticleTitle) {
            return brief;
        }
        List<ArticleEntry> articles = brief.articles().stream()
                .map(a -> new ArticleEntry(a.id(), shown(a.title()), a.outlet(), a.wire(), a.publishedAt(),
                        a.language(), a.removedBoilerplate(), a.copyOf()))
                .toList();
        return new StoryBrief(brief.id(), shown(brief.title()), articles, brief.independentSources(),
                brief.summary(), brief.entities(), brief.timeline(), brief.quotes(), brief.numbers(), brief.claims(),
                brief.framing());
    }
}
