package org.storylens.analyse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words that stand before a name without being part of it ({@code titles.tsv}): honorifics, roles, departments
 * and qualifiers. Immutable and thread-safe.
 */
final class TitleWords {

    enum Kind { HONORIFIC, ROLE, DEPARTMENT, QUALIFIER }

    private static final String RESOURCE = "/org/storylens/analyse/titles.tsv";

    private final Map<String, Kind> kinds;

    TitleWords(Map<String, Kind> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    static TitleWords load() {
        Map<String, Kind> kinds = new HashMap<>();
        try (InputStream in = TitleWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.strip().split("\t");
                if (columns.length != 2) {
                    throw new IllegalStateException(RESOURCE + ":" + number + ": expected word<TAB>kind: " + line);
                }
                kinds.put(columns[0], Kind.valueOf(columns[1].toUpperCase(Locale.ROOT)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new TitleWords(kinds);
    }

    /** The kind of a written word ("Mr.", "Secretary-General", "spokesman"), if it is a title word. */
    Optional<Kind> kind(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        Kind whole = kinds.get(w);
        if (whole != null || !w.contains("-")) {
            return Optional.ofNullable(whole);
        }
        Kind found = null;
        for (String part : w.split("-")) {
            Kind k = kinds.get(part);
            if (k == null) {
                return Optional.empty();
            }
            found = found == null || k == Kind.ROLE ? k : found;
        }
        return Optional.ofNullable(found);
    }

    boolean isTitle(String word) {
        return kind(word).isPresent();
    }

    /** Roles and departments: the title words that say which person is meant. */
    boolean isEvidence(String word) {
        return kind(word).filter(k -> k == Kind.ROLE || k == Kind.DEPARTMENT).isPresent();
    }

    /** The lower-case parts of a title word, as role evidence. */
    static String[] parts(String word) {
        return word.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "").split("-");
    }
}
