package org.storylens.analyse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links the entity mentions of a story's articles into {@link Entity} records, most mentioned first. Mentions link
 * when their names match without titles, case, accents or full stops ("Mr. Putin", "Putin"); when an organisation or
 * place is listed under several names ({@code entity-aliases.txt}: NATO, North Atlantic Alliance); when an acronym
 * spells a name's initials; when a surname alone matches the last word of a full name in the story ("Biden",
 * "Joe Biden"); and when two full names are near in spelling and nothing speaks against it: the same surname with a
 * transliterated first name ("Sergey"/"Sergei Lavrov") unless their roles differ, or a misspelt name ("Anthony
 * Blink") sharing a role word ("Secretary of State") with the other. An entity takes the type most of its mentions
 * have. Immutable and thread-safe.
 */
public final class EntityLinker {

    /**
     * The entity mentions of one article of the story.
     *
     * @param articleId the article's id
     * @param text      the annotated text the mentions were found in (for the titles around them)
     * @param mentions  its mentions, as {@link EntityFinder} gives them
     */
    public record ArticleMentions(String articleId, AnnotatedText text, List<EntityMention> mentions) {

        public ArticleMentions {
            mentions = List.copyOf(mentions);
        }
    }

    private final TitleWords titles;
    private final EntityAliases aliases;
    private final RoleWords roles;
    private final NameMatcher names = new NameMatcher();

    public EntityLinker() {
        this(TitleWords.load(), EntityAliases.load());
    }

    EntityLinker(TitleWords titles, EntityAliases aliases) {
        this.titles = titles;
        this.aliases = aliases;
        this.roles = new RoleWords(titles);
    }

    public List<Entity> link(List<ArticleMentions> articles) {
        Map<String, NameGroup> byKey = new LinkedHashMap<>();
        for (ArticleMentions article : articles) {
            for (EntityMention m : article.mentions()) {
                String form = m.type() == EntityType.PERSON ? EntityNames.withoutTitles(m.text(), titles)
                        : m.text().strip();
                String key = EntityNames.key(form);
                if (key.isEmpty()) {
                    continue;
                }
                String groupKey = aliases.canonical(key).map(EntityNames::key).orElse(key);
                byKey.computeIfAbsent(groupKey, k -> new NameGroup(k, aliases.canonical(key).orElse(null)))
                        .add(article.articleId(), form, m.type(), roles.around(article.text(), m));
            }
        }
        return linked(byKey, articles.stream().map(ArticleMentions::articleId).toList());
    }

    /**
     * A name as stored analyses found it.
     *
     * @param name     as written (one form of it)
     * @param type     the type the analysis gave it
     * @param articles how many articles name it so
     */
    public record FoundName(String name, EntityType type, int articles) {
    }

    /**
     * The entities these names are, linked by the rules {@link #link} applies to mentions, from the names alone:
     * case, accents and full stops aside, listed aliases ("US", "United States"), acronyms, a surname alone with the
     * full name ending in it, the same surname with a transliterated first name; there are no role words to read, so
     * two full names spelt apart stay apart. Each entity's mentions are its names' article counts summed; it lists no
     * articles. Most mentioned first.
     */
    public List<Entity> linkNames(List<FoundName> names) {
        Map<String, NameGroup> byKey = new LinkedHashMap<>();
        for (FoundName n : names) {
            String form = n.type() == EntityType.PERSON ? EntityNames.withoutTitles(n.name(), titles)
                    : n.name().strip();
            String key = EntityNames.key(form);
            if (key.isEmpty() || n.articles() < 1) {
                continue;
            }
            String groupKey = aliases.canonical(key).map(EntityNames::key).orElse(key);
            byKey.computeIfAbsent(groupKey, k -> new NameGroup(k, aliases.canonical(key).orElse(null)))
                    .add("", form, n.type(), Set.of(), n.articles());
        }
        return linked(byKey, List.of());
    }

    private List<Entity> linked(Map<String, NameGroup> byKey, List<String> articleOrder) {
        List<NameGroup> groups = new ArrayList<>(byKey.values());
        UnionFind links = new UnionFind(groups.size());
        linkAcronyms(groups, links);
        linkSurnames(groups, links);
        linkSimilarFullNames(groups, links);
        Map<Integer, List<NameGroup>> entities = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            entities.computeIfAbsent(links.find(i), k -> new ArrayList<>()).add(groups.get(i));
        }
        List<Entity> result = new ArrayList<>();
        for (List<NameGroup> members : entities.values()) {
            result.add(NameGroup.merge(members).toEntity(articleOrder));
        }
        // stable: equal counts keep the order of first mention
        result.sort(Comparator.comparingInt(Entity::mentions).reversed());
        return result;
    }

    /** "NATO" and "North Atlantic Treaty Organization": an all-capitals name that spells another's initials. */
    private static void linkAcronyms(List<NameGroup> groups, UnionFind links) {
        Map<String, List<Integer>> byInitials = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            NameGroup g = groups.get(i);
            if (g.majorityType() != EntityType.PERSON && g.words().size() >= 2) {
                byInitials.computeIfAbsent(g.initials(), k -> new ArrayList<>()).add(i);
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            NameGroup g = groups.get(i);
            List<Integer> expansions = byInitials.getOrDefault(g.key(), List.of());
            if (g.isAcronym() && expansions.size() == 1) {
                links.union(i, expansions.get(0));
            }
        }
    }

    /** Compares full names with the roles of every mention already linked to them ("Secretary Blinken"). */
    private void linkSimilarFullNames(List<NameGroup> groups, UnionFind links) {
        Map<Integer, Set<String>> rolesByRoot = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            rolesByRoot.computeIfAbsent(links.find(i), k -> new LinkedHashSet<>()).addAll(groups.get(i).roles());
        }
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                NameGroup a = groups.get(i);
                NameGroup b = groups.get(j);
                if (a.isFullPersonName() && b.isFullPersonName() && links.find(i) != links.find(j)
                        && names.samePerson(a.words(), rolesByRoot.get(links.find(i)),
                        b.words(), rolesByRoot.get(links.find(j)))) {
                    Set<String> pooled = new LinkedHashSet<>(rolesByRoot.get(links.find(i)));
                    pooled.addAll(rolesByRoot.get(links.find(j)));
                    links.union(i, j);
                    rolesByRoot.put(links.find(i), pooled);
                }
            }
        }
    }

    /** "Biden" joins the full name ending in it; with several such names, the most mentioned one. */
    private static void linkSurnames(List<NameGroup> groups, UnionFind links) {
        for (int i = 0; i < groups.size(); i++) {
            NameGroup surname = groups.get(i);
            if (surname.majorityType() != EntityType.PERSON || surname.words().size() != 1) {
                continue;
            }
            Map<Integer, Integer> mentionsByRoot = new HashMap<>();
            for (int j = 0; j < groups.size(); j++) {
                NameGroup full = groups.get(j);
                if (full.isFullPersonName() && full.surname().equals(surname.key())) {
                    mentionsByRoot.merge(links.find(j), full.mentions(), Integer::sum);
                }
            }
            int s = i;
            mentionsByRoot.entrySet().stream().max(Map.Entry.comparingByValue())
                    .ifPresent(best -> links.union(best.getKey(), s));
        }
    }

    private static final class UnionFind {

        private final int[] parent;

        UnionFind(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        /** Joins two sets; the smaller index stays the root, so entities keep the order of first mention. */
        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
