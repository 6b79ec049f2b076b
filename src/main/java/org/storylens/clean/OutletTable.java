package org.storylens.clean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of known outlets and agencies ({@code outlets.tsv}: name, kind, country, state affiliation, aliases,
 * domains), looked up by name, alias or web domain, or found where it is named in a line of text. Immutable and
 * thread-safe; load it once.
 */
public final class OutletTable {

    private static final String RESOURCE = "/org/storylens/clean/outlets.tsv";

    private final List<Outlet> outlets;
    private final Map<String, Outlet> byKey = new HashMap<>();
    private final Map<String, Outlet> byDomain = new HashMap<>();
    private final Pattern mention;
    private final Map<String, Outlet> byMention = new HashMap<>();

    public OutletTable(List<Outlet> outlets) {
        this.outlets = List.copyOf(outlets);
        List<String> names = new ArrayList<>();
        for (Outlet o : this.outlets) {
            for (String n : allNames(o)) {
                byKey.putIfAbsent(key(n), o);
                // mentions match case-sensitively, so "AP" is not found in "ap" or "map"; credit and caption lines
                // often shout names ("(REUTERS)"), so the upper-case form is a mention too
                for (String form : new String[] {n, n.toUpperCase(Locale.ROOT)}) {
                    if (byMention.putIfAbsent(form, o) == null) {
                        names.add(form);
                    }
                }
            }
            o.domains().forEach(d -> byDomain.putIfAbsent(d.toLowerCase(Locale.ROOT), o));
        }
        // longest first, so "Agence France-Presse" wins over a shorter alias inside it
        names.sort(Comparator.comparingInt(String::length).reversed());
        String alternation = names.stream().map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElse("(?!)");
        this.mention = Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternation + ")(?![\\p{L}\\p{N}])");
    }

    /** The table that ships with storylens. */
    public static OutletTable load() {
        try (InputStream in = OutletTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new OutletTable(parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<Outlet> parse(InputStream in) throws IOException {
        List<Outlet> rows = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null || !header.startsWith("name\tkind\tcountry\tstateAffiliated")) {
            throw new IOException("outlets table: unexpected header " + header);
        }
        String line;
        int number = 1;
        while ((line = r.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                throw new IOException("outlets table line " + number + ": expected 6 tab-separated fields");
            }
            rows.add(new Outlet(f[0].strip(), f[1].strip().equalsIgnoreCase("agency"), f[2].strip(),
                    f[3].strip().equalsIgnoreCase("yes"), split(f, 4), split(f, 5)));
        }
        return rows;
    }

    private static List<String> split(String[] fields, int i) {
        if (fields.length <= i || fields[i].isBlank()) {
            return List.of();
        }
        return Arrays.stream(fields[i].split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public List<Outlet> all() {
        return outlets;
    }

    /** By canonical name or alias, ignoring case, accents, punctuation and a leading "The". */
    public Optional<Outlet> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(name)));
    }

    /** By web host: {@code www.tass.com} and {@code tass.com/...} find TASS; sub-domains fall back to the parent. */
    public Optional<Outlet> byHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        while (h.contains(".")) {
            Outlet o = byDomain.get(h);
            if (o != null) {
                return Optional.of(o);
            }
            h = h.substring(h.indexOf('.') + 1);
        }
        return Optional.empty();
    }

    /** Every known outlet named in the text, in order of appearance. */
    public List<Outlet> namedIn(String text) {
        List<Outlet> found = new ArrayList<>();
        Matcher m = mention.matcher(text);
        while (m.find()) {
            Outlet o = byMention.get(m.group(1));
            if (o != null && !found.contains(o)) {
                found.add(o);
            }
        }
        return found;
    }

    private static List<String> allNames(Outlet o) {
        List<String> names = new ArrayList<>();
        names.add(o.name());
        names.addAll(o.aliases());
        return names;
    }

    static String key(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        n = n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return n.startsWith("the ") ? n.substring(4) : n;
    }
}
