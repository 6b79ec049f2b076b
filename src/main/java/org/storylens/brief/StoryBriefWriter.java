package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Entity;
import org.storylens.analyse.EntityLinker;
import org.storylens.clean.Article;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes a story's brief, composed in one place: articles oldest first, entities linked across articles, timeline,
 * quotes merged by meaning, figures, and — from the story's sentences grouped by meaning once — the summary and the
 * claims, and each outlet's framing (its coverage gaps read from those claims). Thread-safe.
 */
public final class StoryBriefWriter implements BriefWriter {

    private final EntityLinker linker;
    private final TimelineBuilder timeline;
    private final QuoteMerger quotes;
    private final NumberTable numbers;
    private final StatementGrouper statements;
    private final SummaryWriter summary;
    private final ClaimFinder claims;
    private final OutletFramer framer;

    public StoryBriefWriter(EntityLinker linker, TimelineBuilder timeline, QuoteMerger quotes, NumberTable numbers,
                            StatementGrouper statements, SummaryWriter summary, ClaimFinder claims,
                            OutletFramer framer) {
        this.linker = linker;
        this.timeline = timeline;
        this.quotes = quotes;
        this.numbers = numbers;
        this.statements = statements;
        this.summary = summary;
        this.claims = claims;
        this.framer = framer;
    }

    @Override
    public StoryBrief write(List<AnalysedArticle> story) {
        List<StoryArticle> unclustered = story.stream().map(a -> new StoryArticle(a.article().id(),
                a.article().outlet(), a.article().wire(), null, null)).toList();
        return write(story, new Story("", unclustered, Story.countIndependentSources(unclustered), null, null));
    }

    @Override
    public StoryBrief write(List<AnalysedArticle> story, Story clustered) {
        Map<String, StoryArticle> members = new HashMap<>();
        clustered.articles().forEach(m -> members.put(m.id(), m));
        List<AnalysedArticle> ordered = new ArrayList<>(story);
        ordered.sort(Comparator.comparing((AnalysedArticle a) -> a.article().publishedAt() == null)
                .thenComparing(a -> a.article().publishedAt() == null ? "" : a.article().publishedAt())
                .thenComparing(a -> a.article().id()));
        List<Entity> linked = link(ordered);
        List<EntityEntry> entities = linked.stream()
                .map(e -> new EntityEntry(e.name(), e.type().name(), e.aliases(), e.articles(), e.mentions()))
                .toList();
        UnaryOperator<String> canonical = name -> entities.stream()
                .filter(e -> e.name().equals(name) || e.aliases().contains(name))
                .map(EntityEntry::name).findFirst().orElse(name);
        StatementGroups grouped = statements.group(ordered, members);
        List<ClaimEntry> found = claims.find(grouped);
        // a clustered story keeps its cluster id, the one `stories` lists and that stays as the story grows
        return new StoryBrief(clustered.id().isEmpty() ? id(ordered) : clustered.id(), title(ordered),
                ordered.stream().map(a -> entry(a.article(), members.get(a.article().id()))).toList(),
                clustered.independentSources(), summary.write(grouped), entities, timeline.build(ordered),
                quotes.merge(ordered, canonical), numbers.build(ordered), found,
                framer.frame(ordered, clustered, linked, found));
    }

    private List<Entity> link(List<AnalysedArticle> story) {
        return linker.link(story.stream()
                .map(a -> new EntityLinker.ArticleMentions(a.article().id(), a.annotation(), a.entities()))
                .toList());
    }

    /** The brief's entry of an article; the wire a copy shares with its original is the clustered one. */
    private static ArticleEntry entry(Article a, StoryArticle clustered) {
        String wire = clustered != null && clustered.wire() != null ? clustered.wire() : a.wire();
        return new ArticleEntry(a.id(), a.title(), a.outlet(), wire, a.publishedAt(), a.language(),
                a.removedBoilerplate(), clustered == null ? null : clustered.copyOf());
    }

    private static String title(List<AnalysedArticle> story) {
        for (AnalysedArticle a : story) {
            if (a.article().title() != null) {
                return a.article().title();
            }
        }
        return story.isEmpty() || story.get(0).sentences().isEmpty() ? null : story.get(0).sentences().get(0).text();
    }

    /** The same set of articles always gets the same id. */
    static String id(List<AnalysedArticle> story) {
        Set<String> ids = new java.util.TreeSet<>();
        story.forEach(a -> ids.add(a.article().contentHash()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", ids).getBytes(StandardCharsets.UTF_8));
            return "s-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
