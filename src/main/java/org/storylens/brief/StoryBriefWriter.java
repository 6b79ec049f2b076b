package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.EntityMention;
import org.storylens.clean.Article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes a story's brief, composed in one place: articles oldest first, entities, timeline, quotes merged by meaning,
 * and figures. Summary and claims stay empty until the summary stage exists. Thread-safe.
 */
public final class StoryBriefWriter implements BriefWriter {

    private final TimelineBuilder timeline;
    private final QuoteMerger quotes;
    private final NumberTable numbers;

    public StoryBriefWriter(TimelineBuilder timeline, QuoteMerger quotes, NumberTable numbers) {
        this.timeline = timeline;
        this.quotes = quotes;
        this.numbers = numbers;
    }

    @Override
    public StoryBrief write(List<AnalysedArticle> story) {
        List<AnalysedArticle> ordered = new ArrayList<>(story);
        ordered.sort(Comparator.comparing((AnalysedArticle a) -> a.article().publishedAt() == null)
                .thenComparing(a -> a.article().publishedAt() == null ? "" : a.article().publishedAt())
                .thenComparing(a -> a.article().id()));
        List<EntityEntry> entities = entities(ordered);
        UnaryOperator<String> canonical = name -> entities.stream()
                .filter(e -> e.name().equals(name) || e.aliases().contains(name))
                .map(EntityEntry::name).findFirst().orElse(name);
        return new StoryBrief(id(ordered), title(ordered), ordered.stream().map(a -> entry(a.article())).toList(),
                List.of(), entities, timeline.build(ordered), quotes.merge(ordered, canonical),
                numbers.build(ordered), List.of());
    }

    /** Entities by exact written form; the entity linker of the analyse stage replaces this. */
    private static List<EntityEntry> entities(List<AnalysedArticle> story) {
        Map<String, List<String>> articles = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AnalysedArticle a : story) {
            for (EntityMention m : a.entities()) {
                articles.computeIfAbsent(m.text(), k -> new ArrayList<>());
                if (!articles.get(m.text()).contains(a.article().id())) {
                    articles.get(m.text()).add(a.article().id());
                }
                types.putIfAbsent(m.text(), m.type().name());
                counts.merge(m.text(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> new EntityEntry(e.getKey(), types.get(e.getKey()), List.of(), articles.get(e.getKey()),
                        e.getValue()))
                .toList();
    }

    private static ArticleEntry entry(Article a) {
        return new ArticleEntry(a.id(), a.title(), a.outlet(), a.wire(), a.publishedAt(), a.language(),
                a.removedBoilerplate());
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
