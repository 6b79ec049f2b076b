package org.storylens.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The maintained list of debris line patterns ({@code boilerplate-phrases.tsv}: category, whole-line regular
 * expression, matched ignoring case). Immutable and thread-safe.
 */
public final class BoilerplatePatterns {

    private static final String RESOURCE = "/org/storylens/clean/boilerplate-phrases.tsv";

    /** One pattern and the category of what it matches. */
    public record Entry(String category, Pattern pattern) {
    }

    private final List<Entry> entries;

    public BoilerplatePatterns(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The list that ships with storylens. */
    public static BoilerplatePatterns load() {
        try (InputStream in = BoilerplatePatterns.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new BoilerplatePatterns(parse(in, RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<Entry> parse(InputStream in, String name) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null || !header.strip().equals("category\tpattern")) {
            throw new IOException(name + ": expected the header 'category<TAB>pattern', found " + header);
        }
        String line;
        int number = 1;
        while ((line = r.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IOException(name + " line " + number + ": expected category<TAB>pattern");
            }
            try {
                entries.add(new Entry(line.substring(0, tab).strip(), Pattern.compile(line.substring(tab + 1).strip(),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
            } catch (PatternSyntaxException e) {
                throw new IOException(name + " line " + number + ": bad pattern: " + e.getDescription(), e);
            }
        }
        return entries;
    }

    /** The category of the first pattern the whole (trimmed) line matches. */
    public Optional<String> categoryOf(String line) {
        String l = line.strip();
        if (l.isEmpty()) {
            return Optional.empty();
        }
        for (Entry e : entries) {
            if (e.pattern().matcher(l).matches()) {
                return Optional.of(e.category());
            }
        }
        return Optional.empty();
    }
}
