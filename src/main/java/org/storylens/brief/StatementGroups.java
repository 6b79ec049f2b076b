package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A story's sentences grouped by meaning across its articles, with what the summary and claim steps ask of them:
 * pairwise similarities, closeness to the story's centroid, each article's vocabulary for {@link SupportCheck}, and
 * which articles count as one independent source. Built by {@link StatementGrouper}; read-only afterwards.
 */
final class StatementGroups {

    private final List<AnalysedArticle> articles;
    private final List<Statement> statements;
    private final List<StatementGroup> groups;
    private final float[] similarities;
    private final double[] centrality;
    private final List<Set<String>> vocabularies;
    private final List<String> sourceKeys;

    StatementGroups(List<AnalysedArticle> articles, List<Statement> statements, List<StatementGroup> groups,
                    float[] similarities, double[] centrality, List<Set<String>> vocabularies,
                    List<String> sourceKeys) {
        this.articles = articles;
        this.statements = statements;
        this.groups = groups;
        this.similarities = similarities;
        this.centrality = centrality;
        this.vocabularies = vocabularies;
        this.sourceKeys = sourceKeys;
    }

    List<AnalysedArticle> articles() {
        return articles;
    }

    List<Statement> statements() {
        return statements;
    }

    List<StatementGroup> groups() {
        return groups;
    }

    /** The members of the group holding {@code s} (only {@code s} when it is in none). */
    List<Statement> groupOf(Statement s) {
        for (StatementGroup g : groups) {
            if (g.members().contains(s)) {
                return g.members();
            }
        }
        return List.of(s);
    }

    /** Cosine similarity of two statements' embeddings. */
    double similarity(Statement a, Statement b) {
        return similarities[a.index() * statements.size() + b.index()];
    }

    /** Cosine similarity of a statement to the mean of all the story's statements. */
    double centrality(Statement s) {
        return centrality[s.index()];
    }

    /** The share of {@code s}'s content words the article at {@code articleOrder} contains ({@link SupportCheck}). */
    double share(Statement s, int articleOrder) {
        return SupportCheck.share(s.contentWords(), vocabularies.get(articleOrder));
    }

    /**
     * The members' articles that state {@code text}: their article holds its content words by {@link SupportCheck}, and
     * their own sentence states its key facts ({@link SupportCheck#statesKeyFacts}); oldest first.
     */
    List<Statement> supporting(Statement text, Collection<Statement> members, double minShare) {
        List<Statement> kept = new ArrayList<>();
        for (Statement m : members) {
            if (m.articleOrder() == text.articleOrder()
                    || share(text, m.articleOrder()) >= minShare && SupportCheck.statesKeyFacts(text, m)) {
                kept.add(m);
            }
        }
        kept.sort((x, y) -> Integer.compare(x.articleOrder(), y.articleOrder()));
        return kept;
    }

    /** Outlets that are not copies of each other among these statements' articles. */
    int independentSources(Collection<Statement> members) {
        Set<String> keys = new LinkedHashSet<>();
        members.forEach(m -> keys.add(sourceKeys.get(m.articleOrder())));
        return keys.size();
    }

    /**
     * The source each article counts as: a copy counts as its original, an article credited to a wire as that wire,
     * an unknown outlet as itself (the rule of {@code Story.countIndependentSources}).
     */
    static List<String> sourceKeys(List<AnalysedArticle> articles, Map<String, StoryArticle> clustered) {
        Map<String, StoryArticle> byId = new LinkedHashMap<>(clustered);
        for (AnalysedArticle a : articles) {
            byId.putIfAbsent(a.article().id(), new StoryArticle(a.article().id(), a.article().outlet(),
                    a.article().wire(), null, null));
        }
        Map<String, String> keys = Story.sourceKeys(List.copyOf(byId.values()));
        return articles.stream().map(a -> keys.get(a.article().id())).toList();
    }
}
