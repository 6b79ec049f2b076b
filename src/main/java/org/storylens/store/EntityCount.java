package org.storylens.store;

import org.storylens.analyse.EntityMention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entity an analysis found in an article, as the store indexes it for the entity filter: its name as first found
 * (spaces collapsed), that mention's type, and how many mentions bore the name, case aside. Immutable.
 */
record EntityCount(String name, String type, int mentions) {

    /** The mentions counted by name, case-insensitively, in the order first found; blank names left out. */
    static List<EntityCount> of(List<EntityMention> mentions) {
        Map<String, EntityCount> byName = new LinkedHashMap<>();
        for (EntityMention m : mentions) {
            String name = m.text().strip().replaceAll("\\s+", " ");
            if (name.isEmpty()) {
                continue;
            }
            byName.merge(name.toLowerCase(Locale.ROOT), new EntityCount(name, m.type().name(), 1),
                    (first, next) -> new EntityCount(first.name(), first.type(), first.mentions() + 1));
        }
        return new ArrayList<>(byName.values());
    }
}
