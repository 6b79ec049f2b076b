package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Entity;
import org.storylens.analyse.EntityType;
import org.storylens.analyse.Token;
import org.storylens.clean.Outlet;
import org.storylens.clean.OutletTable;
import org.storylens.cluster.Story;
import org.storylens.cluster.StoryArticle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How each outlet of a story told it, against the story's other outlets: its country and state affiliation from the
 * outlet table, the claims most other outlets report that it leaves out, its most distinctive words, and the people,
 * organisations and places it names most.
 *
 * <p>Distinctive words are the weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi and
 * Quinn (2008, "Fightin' Words", eq. 16 and 20), z-scored: the outlet's content lemmas against those of all the other
 * outlets pooled, the prior being the whole story's counts scaled to {@link #PRIOR_STRENGTH} pseudo-counts (at most
 * {@link #MAX_PRIOR_SHARE} of the story's words).
 *
 * <p>Immutable and thread-safe.
 */
public final class OutletFramer {

    /**
     * α0, the prior's total pseudo-count. The prior is the story's own word shares, so it cannot out-vote the data
     * the way a background corpus would: 100 is about half of one news article's content words, enough to keep a
     * word an outlet uses once or twice from looking distinctive, small enough that a word it repeats while the others
     * never use it (or use it far less) still stands out. At 10 the 1/α_w term of the variance drowns every word the
     * other outlets do not use; at 1,000 every word's log-odds are pulled to the story's average (measured on the seed
     * story: 13 distinctive words over five outlets at 100, 3 at 300, none at 1,000).
     */
    static final double PRIOR_STRENGTH = 100;
    /** ...but never more than this share of the story's content words: a prior outweighing short texts hides all. */
    static final double MAX_PRIOR_SHARE = 0.25;
    /** A word is distinctive at z above this (two-sided 5%). */
    static final double MIN_Z = 1.96;
    /** ...and when the outlet uses it at least this often: one use is no wording. */
    static final int MIN_USES = 2;
    static final int MAX_WORDS = 8;
    static final int MAX_ENTITIES = 5;
    static final int MAX_OMITS = 5;

    // auxiliaries, modals, light verbs ("take place", "make clear": their meaning is in the object) and quantifiers:
    // grammar, not wording
    private static final Set<String> STOP = Set.of("be", "have", "do", "will", "would", "can", "could", "may",
            "might", "must", "shall", "should", "get", "let", "take", "make", "give", "go", "come", "other", "such",
            "own", "same", "many", "much", "more", "most", "few", "several", "s", "mr", "mrs", "ms");
    // tokens of times and figures are the timeline's and the number table's, not wording
    private static final Set<String> TIME_OR_NUMBER = Set.of("DATE", "TIME", "DURATION", "SET", "NUMBER", "ORDINAL",
            "MONEY", "PERCENT");
    private static final Pattern WORD = Pattern.compile("\\p{L}(?:[\\p{L}'’-]*\\p{L})?");

    private final OutletTable outlets;

    /** @param outlets the table of known outlets, for country, state affiliation and one name per outlet */
    public OutletFramer(OutletTable outlets) {
        this.outlets = outlets;
    }

    /**
     * A word's weighted log-odds of one outlet against the rest of the story.
     *
     * @param word  the lemma
     * @param uses  how often the outlet uses it
     * @param delta the log-odds ratio, outlet against the others, with the prior
     * @param z     delta over its estimated standard deviation
     */
    record WordScore(String word, int uses, double delta, double z) {
    }

    /**
     * @param story     the story's articles, oldest first
     * @param clustered the story as clustered (its articles' wires stand for an article with no outlet)
     * @param entities  the story's linked entities, most-mentioned first, with their mentions per article
     * @param claims    the story's claims (may be empty)
     * @return one framing per outlet, in the order of the outlets' first articles
     */
    public List<OutletFraming> frame(List<AnalysedArticle> story, Story clustered, List<Entity> entities,
                                     List<ClaimEntry> claims) {
        Map<String, List<AnalysedArticle>> byOutlet = group(story, clustered);
        Map<String, String> outletOfArticle = new HashMap<>();
        byOutlet.forEach((outlet, articles) -> articles.forEach(a -> outletOfArticle.put(a.article().id(), outlet)));

        Map<String, Map<String, Integer>> words = new LinkedHashMap<>();
        Map<String, Integer> storyWords = new HashMap<>();
        byOutlet.forEach((outlet, articles) -> {
            Map<String, Integer> counts = contentWords(articles);
            words.put(outlet, counts);
            counts.forEach((w, n) -> storyWords.merge(w, n, Integer::sum));
        });
        double alpha0 = Math.min(PRIOR_STRENGTH,
                MAX_PRIOR_SHARE * storyWords.values().stream().mapToInt(Integer::intValue).sum());

        List<OutletFraming> framings = new ArrayList<>();
        for (Map.Entry<String, List<AnalysedArticle>> e : byOutlet.entrySet()) {
            String outlet = e.getKey();
            Optional<Outlet> known = outlets.byName(outlet);
            List<String> distinctive = byOutlet.size() < 2 ? List.of()
                    : logOdds(words.get(outlet), storyWords, alpha0).stream()
                    .filter(s -> s.z() > MIN_Z && s.uses() >= MIN_USES)
                    .limit(MAX_WORDS).map(WordScore::word).toList();
            framings.add(new OutletFraming(outlet, known.map(Outlet::country).orElse(null),
                    known.map(Outlet::stateAffiliated).orElse(false),
                    e.getValue().stream().map(a -> a.article().id()).toList(),
                    omits(outlet, byOutlet.size(), claims, outletOfArticle), distinctive,
                    mostMentioned(entities, e.getValue())));
        }
        return framings;
    }

    /**
     * Articles by outlet in order of first article: the outlet table's name for a known outlet, else the outlet as
     * written, else the wire (the article's, or the one the cluster stage gave a copy), else the article's own id.
     */
    private Map<String, List<AnalysedArticle>> group(List<AnalysedArticle> story, Story clustered) {
        Map<String, String> clusteredWire = new HashMap<>();
        for (StoryArticle m : clustered.articles()) {
            if (m.wire() != null) {
                clusteredWire.put(m.id(), m.wire());
            }
        }
        Map<String, String> displayByKey = new HashMap<>();
        Map<String, List<AnalysedArticle>> groups = new LinkedHashMap<>();
        for (AnalysedArticle a : story) {
            String name = firstNonBlank(a.article().outlet(), a.article().wire(), clusteredWire.get(a.article().id()));
            String outlet = name == null ? a.article().id()
                    : outlets.byName(name).map(Outlet::name).orElse(name.strip());
            // outlets the table does not know still group regardless of case ("Riverside Gazette", "riverside gazette")
            String display = displayByKey.computeIfAbsent(outlet.toLowerCase(Locale.ROOT), k -> outlet);
            groups.computeIfAbsent(display, k -> new ArrayList<>()).add(a);
        }
        return groups;
    }

    private static String firstNonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    /** Lower-cased lemmas of common nouns, verbs and adjectives outside time and number expressions. */
    static Map<String, Integer> contentWords(List<AnalysedArticle> articles) {
        Map<String, Integer> counts = new HashMap<>();
        for (AnalysedArticle a : articles) {
            for (List<Token> sentence : a.annotation().tokens()) {
                for (Token t : sentence) {
                    String pos = t.pos() == null ? "" : t.pos();
                    boolean content = (pos.startsWith("NN") && !pos.startsWith("NNP")) || pos.startsWith("VB")
                            || pos.startsWith("JJ");
                    if (!content || TIME_OR_NUMBER.contains(t.ner())) {
                        continue;
                    }
                    String lemma = (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
                    if (lemma.length() > 1 && WORD.matcher(lemma).matches() && !STOP.contains(lemma)) {
                        counts.merge(lemma, 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    /**
     * Monroe, Colaresi and Quinn's weighted log-odds of each word of one outlet against the rest of the story, with
     * the informative Dirichlet prior α_w = α0 · (the word's share of the story):
     * δ_w = log((y_w + α_w) / (n + α0 − y_w − α_w)) − log((r_w + α_w) / (m + α0 − r_w − α_w)), where y, n are the
     * outlet's counts and total and r, m the rest's; σ²(δ_w) ≈ 1/(y_w + α_w) + 1/(r_w + α_w); z = δ_w / σ.
     *
     * @param outlet the outlet's word counts
     * @param story  the whole story's word counts (the outlet's included)
     * @return a score for each of the outlet's words, highest z first, then alphabetically
     */
    static List<WordScore> logOdds(Map<String, Integer> outlet, Map<String, Integer> story, double alpha0) {
        double storyTotal = story.values().stream().mapToInt(Integer::intValue).sum();
        double outletTotal = outlet.values().stream().mapToInt(Integer::intValue).sum();
        double restTotal = storyTotal - outletTotal;
        List<WordScore> scores = new ArrayList<>();
        for (Map.Entry<String, Integer> e : outlet.entrySet()) {
            double y = e.getValue();
            double r = story.getOrDefault(e.getKey(), e.getValue()) - y;
            double alpha = alpha0 * (y + r) / storyTotal;
            double delta = Math.log((y + alpha) / (outletTotal + alpha0 - y - alpha))
                    - Math.log((r + alpha) / (restTotal + alpha0 - r - alpha));
            double sd = Math.sqrt(1 / (y + alpha) + 1 / (r + alpha));
            scores.add(new WordScore(e.getKey(), e.getValue(), delta, delta / sd));
        }
        scores.sort(Comparator.comparingDouble(WordScore::z).reversed().thenComparing(WordScore::word));
        return scores;
    }

    /**
     * The claims at least half of the other outlets, and at least two, report while this one does not: most-reported
     * first, then in the claims' order.
     */
    private static List<String> omits(String outlet, int outletCount, List<ClaimEntry> claims,
                                      Map<String, String> outletOfArticle) {
        int others = outletCount - 1;
        int needed = Math.max(2, (others + 1) / 2);
        record Gap(String text, int reporters, int order) {
        }
        List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            ClaimEntry c = claims.get(i);
            Set<String> reporters = new HashSet<>();
            c.sources().stream().map(outletOfArticle::get).filter(o -> o != null).forEach(reporters::add);
            if (!reporters.contains(outlet) && reporters.size() >= needed) {
                gaps.add(new Gap(c.text(), reporters.size(), i));
            }
        }
        gaps.sort(Comparator.comparingInt(Gap::reporters).reversed().thenComparingInt(Gap::order));
        return gaps.stream().map(Gap::text).distinct().limit(MAX_OMITS).toList();
    }

    /**
     * The people, organisations and places the articles mention most, by the linker's count of mentions per article;
     * ties keep the story's order. MISC entities are mostly nationalities ("Russian"): an adjective, not an actor.
     */
    private static List<String> mostMentioned(List<Entity> entities, List<AnalysedArticle> articles) {
        List<String> ids = articles.stream().map(a -> a.article().id()).toList();
        Map<Entity, Integer> counts = new LinkedHashMap<>();
        for (Entity e : entities) {
            int n = ids.stream().mapToInt(id -> e.mentionsByArticle().getOrDefault(id, 0)).sum();
            if (n > 0 && e.type() != EntityType.MISC) {
                counts.put(e, n);
            }
        }
        // stable sort: equal counts keep the story's most-mentioned-first order
        return counts.entrySet().stream().sorted(Map.Entry.<Entity, Integer>comparingByValue().reversed())
                .limit(MAX_ENTITIES).map(en -> en.getKey().name()).toList();
    }
}
