package org.storylens.analyse;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How names are compared: keys that ignore case, accents, full stops and a leading "the"; edit distance. */
final class EntityNames {

    private EntityNames() {
    }

    /** "The U.S." → "us", "Jean-Claude" → "jean claude", "Zelenskyy’s" → "zelenskyy". */
    static String key(String name) {
        String k = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("'s$", "").replace(".", "")
                .replaceAll("[-‐‑–—]", " ").replaceAll("\\s+", " ").strip();
        return k.startsWith("the ") ? k.substring(4) : k;
    }

    static List<String> words(String name) {
        String k = key(name);
        return k.isEmpty() ? List.of() : Arrays.asList(k.split(" "));
    }

    /** The name without its leading titles, as written: "Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov". */
    static String withoutTitles(String name, TitleWords titles) {
        List<String> parts = new ArrayList<>(Arrays.asList(name.strip().split("\\s+")));
        int cut = titleEnd(parts, titles);
        return cut == 0 ? name.strip() : String.join(" ", parts.subList(cut, parts.size()));
    }

    /**
     * How many leading words are titles: a run of title words, "of", "for", "the" and capitalised words that ends in a
     * title word ("US Secretary of State", "the Kremlin spokesman"), always leaving one word.
     */
    static int titleEnd(List<String> words, TitleWords titles) {
        int cut = 0;
        for (int i = 0; i < words.size() - 1; i++) {
            String w = words.get(i);
            if (titles.isTitle(w)) {
                cut = i + 1;
            } else if (!(w.equalsIgnoreCase("of") || w.equalsIgnoreCase("for") || w.equalsIgnoreCase("the")
                    || !w.isEmpty() && Character.isUpperCase(w.charAt(0)))) {
                break;
            }
        }
        return cut;
    }

    static int editDistance(String a, String b) {
        return LevenshteinDistance.getDefaultInstance().apply(a, b);
    }
}
