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
import java.util.Optional;
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
    private final LatestFigure latestFigure = new LatestFigure(new QuantityFacts());
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
        Optional<LatestFigure.Found> latest = latestFigure.find(grouped.statements());
        // a clustered story keeps its cluster id, the one `stories` lists and that stays as the story grows
        return new StoryBrief(clustered.id().isEmpty() ? id(ordered) : clustered.id(),
                withLatestFigure(title(ordered), latest.orElse(null)),
                ordered.stream().map(a -> entry(a.article(), members.get(a.article().id()))).toList(),
                clustered.independentSources(), summary.write(grouped, found, latest.map(LatestFigure.Found::statement)
                        .orElse(null)), entities, timeline.build(ordered),
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

    /**
     * The story's title: the headline of its latest dated article that has a solid one ({@link #solidHeadline}), so
     * the story is named as of its latest report; else the first article's headline, else its first sentence.
     */
    static String title(List<AnalysedArticle> story) {
        for (int i = story.size() - 1; i >= 0; i--) {
            org.storylens.clean.Article a = story.get(i).article();
            if (a.publishedAt() != null && solidHeadline(a.title())) {
                return a.title();
            }
        }
        for (AnalysedArticle a : story) {
            if (a.article().title() != null) {
                return a.article().title();
            }
        }
        return story.isEmpty() || story.get(0).sentences().isEmpty() ? null : story.get(0).sentences().get(0).text();
    }

    /**
     * The title with the story's latest lead figure ("...; 1,850 people evacuated") when it does not give that value
     * already and the figure's sentence gives it as a headline phrase: the title states the story as of its latest
     * report.
     */
    static String withLatestFigure(String title, LatestFigure.Found latest) {
        if (title == null || latest == null || latest.phrase() == null) {
            return title;
        }
        double value = latest.figure().number().value();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d[\\d,.]*").matcher(title);
        while (m.find()) {
            try {
                if (Double.parseDouble(m.group().replace(",", "").replaceAll("\\.$", "")) == value) {
                    return title;
                }
            } catch (NumberFormatException e) {
                // not a number after all
            }
        }
        return title.replaceAll("[\\s.;:,]+$", "") + "; " + latest.phrase();
    }

    /** Verb forms a headline uses that neither end in -s or -ed nor follow an auxiliary. */
    private static final Set<String> HEADLINE_VERBS = Set.of("set", "hit", "cut", "put", "found", "held", "met",
            "told", "said", "rose", "fell", "won", "lost", "left", "took", "gave", "came", "went", "made", "shut",
            "quit", "led", "fled", "sent", "spent", "struck", "stood", "broke", "began", "rise", "fall", "say", "hold",
            "meet", "face", "seek", "warn", "vow", "win", "lose", "die", "kill", "flee");
    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "has", "have", "had", "will",
            "would", "can", "could", "may", "might", "must", "should", "to");

    /**
     * A written headline, not a fragment or a site label: 5 to 25 words, not in capitals throughout, no "|" or web
     * address, not a question, and a word that reads as a verb (an auxiliary, a form in -s or -ed, or a common headline verb).
     */
    static boolean solidHeadline(String title) {
        if (title == null || title.isBlank() || title.contains("|") || title.contains("http")
                || title.strip().endsWith("?")) {
            return false;
        }
        String[] words = title.strip().split("\\s+");
        if (words.length < 5 || words.length > 25 || shouted(title)) {
            return false;
        }
        for (int i = 1; i < words.length; i++) {
            String w = words[i].toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}]", "");
            boolean verbLike = AUXILIARIES.contains(w) || HEADLINE_VERBS.contains(w) || w.length() > 4
                    && (w.endsWith("ed") || w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")
                    && !w.endsWith("is"));
            if (verbLike) {
                return true;
            }
        }
        return false;
    }

    /** Written in capitals throughout: a page label or a wire slug rather than a headline. */
    private static boolean shouted(String title) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters > 0 && upper * 10 >= letters * 8;
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
