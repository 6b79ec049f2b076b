package org.storylens.store;

import org.storylens.analyse.Entity;
import org.storylens.analyse.EntityLinker;
import org.storylens.analyse.EntityType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The entity filter's suggestions from the names the stored analyses found: people, organisations and places only;
 * names shaped as names (every word capitalised but for joining words such as "of" or "van", so that a fragment such
 * as "West of provocation" is none); a name the analyses also found written all in lower case is a common noun
 * ("police") and none either; the rest linked into entities as the analysis links a story's names ({@link
 * EntityLinker#linkNames}: case aside, listed aliases, a surname with its full name), each suggested once by its
 * entity's name, the most articles first. Immutable and thread-safe.
 */
final class EntityChoices {

    /** Lower-case words a name may hold between its capitalised ones. */
    private static final Set<String> JOINING = Set.of("of", "the", "and", "for", "on", "upon", "de", "del", "della",
            "der", "den", "des", "di", "da", "do", "dos", "du", "la", "le", "van", "von", "al", "el", "bin", "ibn",
            "y", "e", "in", "am", "an", "zu", "&");

    private final EntityLinker linker;

    EntityChoices(EntityLinker linker) {
        this.linker = linker;
    }

    /**
     * The suggestions, at most {@code limit}, from each stored name with its type and how many articles name it (every
     * type: a lower-case form of any type marks a common noun).
     */
    List<String> choose(List<EntityLinker.FoundName> found, int limit) {
        List<Entity> entities = new ArrayList<>(linker.linkNames(names(found)));
        entities.sort(java.util.Comparator.comparingInt(Entity::mentions).reversed().thenComparing(Entity::name));
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Entity e : entities) {
            if (out.size() == limit) {
                break;
            }
            if (seen.add(e.name().toLowerCase(Locale.ROOT))) {
                out.add(e.name());
            }
        }
        return out;
    }

    /**
     * The forms of the entity with this name or alias (case aside) among the stored names: its name and every other
     * form written; none when no entity is so named.
     */
    List<String> forms(List<EntityLinker.FoundName> found, String name) {
        String wanted = name.strip();
        for (Entity e : linker.linkNames(names(found))) {
            if (e.name().equalsIgnoreCase(wanted) || e.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(wanted))) {
                List<String> forms = new ArrayList<>();
                forms.add(e.name());
                forms.addAll(e.aliases());
                return forms;
            }
        }
        return List.of();
    }

    /** The names that can be suggested: people, organisations and places shaped as names, no common nouns. */
    private static List<EntityLinker.FoundName> names(List<EntityLinker.FoundName> found) {
        Set<String> commonNouns = new HashSet<>();
        for (EntityLinker.FoundName n : found) {
            if (n.name().equals(n.name().toLowerCase(Locale.ROOT))) {
                commonNouns.add(n.name().strip().toLowerCase(Locale.ROOT));
            }
        }
        List<EntityLinker.FoundName> names = new ArrayList<>();
        for (EntityLinker.FoundName n : found) {
            if (n.type() != EntityType.MISC && nameShaped(n.name())
                    && !commonNouns.contains(n.name().strip().toLowerCase(Locale.ROOT))) {
                names.add(n);
            }
        }
        return names;
    }

    /**
     * Whether the text is shaped as a name: two letters or more, its first and last words holding a capital letter,
     * every other word too unless it is a joining word ("Bank of England", "Ludwig van Beethoven", "al-Assad").
     */
    static boolean nameShaped(String text) {
        String t = text == null ? "" : text.strip();
        if (t.codePoints().filter(Character::isLetter).count() < 2) {
            return false;
        }
        String[] words = t.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            boolean capital = words[i].codePoints().anyMatch(Character::isUpperCase);
            boolean edge = i == 0 || i == words.length - 1;
            if (!capital && (edge || !JOINING.contains(words[i].toLowerCase(Locale.ROOT)))) {
                return false;
            }
        }
        return true;
    }
}
