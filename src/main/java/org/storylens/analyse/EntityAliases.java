package org.storylens.analyse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names that stand for one organisation or place ({@code entity-aliases.txt}: "NATO | North Atlantic Alliance"),
 * looked up by {@link EntityNames#key}. Immutable and thread-safe.
 */
final class EntityAliases {

    private static final String RESOURCE = "/org/storylens/analyse/entity-aliases.txt";

    private final Map<String, String> canonicalByKey;

    EntityAliases(Map<String, String> canonicalByKey) {
        this.canonicalByKey = Map.copyOf(canonicalByKey);
    }

    static EntityAliases load() {
        Map<String, String> canonical = new HashMap<>();
        try (InputStream in = EntityAliases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] names = line.split("\\|");
                for (String name : names) {
                    String previous = canonical.putIfAbsent(EntityNames.key(name.strip()), names[0].strip());
                    if (previous != null && !previous.equals(names[0].strip())) {
                        throw new IllegalStateException(RESOURCE + ": \"" + name.strip() + "\" is listed under "
                                + previous + " and " + names[0].strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new EntityAliases(canonical);
    }

    /** The name shown for a key, when the key is one of the listed names. */
    Optional<String> canonical(String key) {
        return Optional.ofNullable(canonicalByKey.get(key));
    }
}
