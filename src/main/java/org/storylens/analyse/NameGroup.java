package org.storylens.analyse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mentions of a story that share one name key, as the linker gathers them. Not thread-safe. */
final class NameGroup {

    private final String key;
    private final List<String> words;
    private String listedName;
    private final Map<String, Integer> forms = new LinkedHashMap<>();
    private final Map<EntityType, Integer> types = new LinkedHashMap<>();
    private final Map<String, Integer> articles = new LinkedHashMap<>();
    private final Set<String> roles = new LinkedHashSet<>();
    private int mentions;

    NameGroup(String key, String listedName) {
        this.key = key;
        this.words = EntityNames.words(key);
        this.listedName = listedName;
    }

    void add(String articleId, String form, EntityType type, Set<String> roleWords) {
        add(articleId, form, type, roleWords, 1);
    }

    /** {@code times} mentions of the form at once. */
    void add(String articleId, String form, EntityType type, Set<String> roleWords, int times) {
        forms.merge(form, times, Integer::sum);
        types.merge(type, times, Integer::sum);
        articles.merge(articleId, times, Integer::sum);
        roles.addAll(roleWords);
        mentions += times;
    }

    static NameGroup merge(List<NameGroup> groups) {
        NameGroup merged = new NameGroup(groups.get(0).key, null);
        for (NameGroup g : groups) {
            merged.listedName = merged.listedName == null ? g.listedName : merged.listedName;
            g.forms.forEach((f, n) -> merged.forms.merge(f, n, Integer::sum));
            g.types.forEach((t, n) -> merged.types.merge(t, n, Integer::sum));
            g.articles.forEach((a, n) -> merged.articles.merge(a, n, Integer::sum));
            merged.roles.addAll(g.roles);
            merged.mentions += g.mentions;
        }
        return merged;
    }

    String key() {
        return key;
    }

    List<String> words() {
        return words;
    }

    String surname() {
        return words.get(words.size() - 1);
    }

    Set<String> roles() {
        return roles;
    }

    int mentions() {
        return mentions;
    }

    /** The type most mentions have; on a tie, the one seen first. */
    EntityType majorityType() {
        EntityType best = null;
        for (Map.Entry<EntityType, Integer> e : types.entrySet()) {
            best = best == null || e.getValue() > types.get(best) ? e.getKey() : best;
        }
        return best;
    }

    boolean isFullPersonName() {
        return majorityType() == EntityType.PERSON && words.size() >= 2;
    }

    boolean isAcronym() {
        return words.size() == 1 && forms.keySet().stream().anyMatch(f -> f.matches("(\\p{Lu}\\.?){2,6}"));
    }

    /** "north atlantic treaty organization" → "nato"; "of", "the", "and", "for" do not count. */
    String initials() {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!Set.of("of", "the", "and", "for").contains(w)) {
                sb.append(w.charAt(0));
            }
        }
        return sb.toString();
    }

    Entity toEntity(List<String> articleOrder) {
        String name = listedName != null ? listedName : canonicalForm();
        List<String> aliases = forms.entrySet().stream().filter(e -> !e.getKey().equals(name))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        List<String> inOrder = articleOrder.stream().filter(articles::containsKey).distinct().toList();
        return new Entity(name, majorityType(), aliases, inOrder, mentions, articles);
    }

    /**
     * The full form most mentions agree with: a form is supported by every mention whose words end it ("Blinken"
     * supports "Antony Blinken"); then the form with more words, then the longer one. For a person, only forms of
     * two words or more compete when there are any.
     */
    private String canonicalForm() {
        List<String> candidates = new ArrayList<>();
        for (String f : forms.keySet()) {
            String shown = f.matches("(?i)the\\s.+") ? f.substring(4).strip() : f;
            if (!candidates.contains(shown)) {
                candidates.add(shown);
            }
        }
        if (majorityType() == EntityType.PERSON && candidates.stream().anyMatch(c -> EntityNames.words(c).size() > 1)) {
            candidates.removeIf(c -> EntityNames.words(c).size() < 2);
        }
        Comparator<String> order = Comparator.<String>comparingInt(this::support)
                .thenComparingInt(c -> EntityNames.words(c).size())
                .thenComparingInt(String::length);
        String best = candidates.get(0);
        for (String c : candidates) {
            best = order.compare(c, best) > 0 ? c : best;
        }
        return best;
    }

    private int support(String candidate) {
        List<String> target = EntityNames.words(candidate);
        int support = 0;
        for (Map.Entry<String, Integer> e : forms.entrySet()) {
            List<String> w = EntityNames.words(e.getKey());
            if (!w.isEmpty() && w.size() <= target.size() && target.subList(target.size() - w.size(), target.size())
                    .equals(w)) {
                support += e.getValue();
            }
        }
        return support;
    }
}
