package org.storylens.brief;

import org.storylens.analyse.EntityMention;
import org.storylens.analyse.TimeExpression;
import org.storylens.analyse.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds a story's claims: groups of same-meaning sentences ({@link StatementGrouper}) that state a fact (a verb and a
 * named entity, a figure or a date), each with the articles that state it ({@link SupportCheck} at
 * {@link #CLAIM_SHARE}) and a status: <b>agreed</b> (two or more independent sources: copies and one wire count once),
 * <b>single-source</b>, or <b>disputed</b> when sources give incompatible values for the same thing:
 * <ul>
 * <li>figures as facts over time ({@link QuantityFacts}): a group whose members give incompatible values of one
 * quantity is split into one claim per value, and any two claims giving incompatible values of one quantity are
 * related: the later day's claim supersedes the earlier one (an update), claims of one day (or undated) conflict (a
 * dispute); figures of one unit that measure different things are never compared;</li>
 * <li>a group whose members give different days for its date is split into one claim per day, each conflicting with
 * the others;</li>
 * <li>a negated and an affirmed statement about the same thing (a shared named entity, the same verb or both verbs of
 * saying/confirming, similar sentences) conflict — unless the negative describes a state that a later report can end
 * ("has not said", "not yet", "did not respond", a future event) and was not published after the affirmative one:
 * then the affirmative one supersedes it, an update rather than a contradiction.</li>
 * </ul>
 * Claims are ordered agreed first, then disputed, then single-source, and kept to {@link #MAX_CLAIMS}. Thread-safe.
 */
public final class ClaimFinder {

    static final int MAX_CLAIMS = 40;
    /** A claim's sources must contain this share of its content words: lower than the summary's, as claims are shown
     *  as what sources agree on, not as a citation of their words. */
    static final double CLAIM_SHARE = 0.6;
    /**
     * A negated and an affirmed statement at least this similar speak of the same thing when the same named entity
     * stands before the negated verb in one and before the same verb (or both verbs of saying) in the other. Sentence
     * embeddings weigh a negation heavily ("has not said a call will take place" and "confirmed the talks" score
     * 0.34), so the bar is low and the agent and predicate carry the match.
     */
    static final double SAME_MATTER = 0.3;

    private static final Set<String> NEGATIONS = Set.of("not", "n't", "never", "no");
    private static final Set<String> SAYING = Set.of("say", "confirm", "announce", "tell", "state", "report",
            "comment", "respond", "acknowledge", "write", "disclose", "reveal", "declare");
    private static final Set<String> LIGHT_VERBS = Set.of("be", "have", "do", "say", "make", "take", "get", "go");

    private final QuantityFacts quantities;

    /** A claim finder that compares figures through {@code quantities}. */
    ClaimFinder(QuantityFacts quantities) {
        this.quantities = quantities;
    }

    public ClaimFinder() {
        this(new QuantityFacts());
    }

    private static final class Draft {
        final Statement text;
        final List<Statement> sources;
        final int independent;
        final double centrality;
        final Set<Draft> conflicts = new LinkedHashSet<>();
        final Set<Draft> supersededBy = new LinkedHashSet<>();
        final Set<Draft> supersedes = new LinkedHashSet<>();

        Draft(Statement text, List<Statement> sources, int independent, double centrality) {
            this.text = text;
            this.sources = sources;
            this.independent = independent;
            this.centrality = centrality;
        }

        String status() {
            return !conflicts.isEmpty() ? "disputed" : independent >= 2 ? "agreed" : "single-source";
        }

        int rank() {
            return switch (status()) {
                case "agreed" -> 0;
                case "disputed" -> 1;
                default -> 2;
            };
        }
    }

    /** @return the claims, agreed first, then disputed, then single-source */
    List<ClaimEntry> find(StatementGroups groups) {
        List<Draft> drafts = new ArrayList<>();
        for (StatementGroup g : groups.groups()) {
            QuantityFacts.Split byFigure = quantities.split(g.members());
            List<List<Statement>> parts = byFigure.byValue();
            boolean byQuantity = parts.size() > 1;
            if (!byQuantity) {
                parts = split(g.members());
            }
            boolean byValue = parts.size() > 1;
            if (!byValue) {
                parts = splitByPolarity(g.members());
            }
            List<Draft> sides = new ArrayList<>();
            for (List<Statement> part : parts) {
                Draft d = draft(groups, part);
                if (d != null) {
                    sides.add(d);
                }
            }
            for (int i = 0; i < sides.size(); i++) {
                for (int j = i + 1; j < sides.size(); j++) {
                    if (byQuantity) {
                        overTime(sides.get(i), sides.get(j));
                    } else if (byValue) {
                        sides.get(i).conflicts.add(sides.get(j));
                        sides.get(j).conflicts.add(sides.get(i));
                    }
                }
            }
            drafts.addAll(sides);
            if (byQuantity && !byFigure.silent().isEmpty()) {
                Draft rest = draft(groups, byFigure.silent()); // statements that give no value stand on their own
                if (rest != null) {
                    drafts.add(rest);
                }
            }
        }
        Map<Draft, List<QuantityFacts.Figure>> figures = new HashMap<>();
        drafts.forEach(d -> figures.put(d, quantities.figures(d.text)));
        for (int i = 0; i < drafts.size(); i++) {
            for (int j = i + 1; j < drafts.size(); j++) {
                relate(groups, drafts.get(i), drafts.get(j), figures);
            }
        }
        List<Draft> kept = new ArrayList<>();
        drafts.stream().filter(d -> !d.conflicts.isEmpty() || !d.supersededBy.isEmpty() || !d.supersedes.isEmpty())
                .forEach(kept::add);
        drafts.stream().filter(d -> !kept.contains(d))
                .sorted(Comparator.comparingInt((Draft d) -> -d.independent)
                        .thenComparing(d -> -d.centrality))
                .limit(Math.max(0, MAX_CLAIMS - kept.size()))
                .forEach(kept::add);
        kept.sort(Comparator.comparingInt(Draft::rank)
                .thenComparing(d -> d.rank() == 1 ? 0 : -d.independent)
                .thenComparing(d -> d.rank() == 1 ? d.text.index() : -d.centrality));
        return kept.stream().map(ClaimFinder::entry).toList();
    }

    private static ClaimEntry entry(Draft d) {
        List<String> dates = d.sources.stream().map(Statement::publishedAt).filter(Objects::nonNull).sorted().toList();
        return new ClaimEntry(d.text.text(), d.status(), d.sources.stream().map(Statement::articleId).toList(),
                texts(d.conflicts), dates.isEmpty() ? null : dates.get(0),
                dates.isEmpty() ? null : dates.get(dates.size() - 1), texts(d.supersededBy), texts(d.supersedes),
                SupportingSentence.of(d.sources));
    }

    private static List<String> texts(Set<Draft> drafts) {
        return drafts.stream().map(d -> d.text.text()).distinct().toList();
    }

    /** The claim of some same-meaning sentences: the best-supported one that may stand alone and states a fact. */
    private static Draft draft(StatementGroups groups, List<Statement> members) {
        Draft best = null;
        for (Statement m : members) {
            if (BriefSentences.rejection(m) != null || !statesAFact(m)) {
                continue;
            }
            List<Statement> sources = groups.supporting(m, members, CLAIM_SHARE);
            int independent = groups.independentSources(sources);
            if (best == null || independent > best.independent
                    || independent == best.independent && sources.size() > best.sources.size()) {
                best = new Draft(m, sources, independent, groups.centrality(m));
            }
        }
        return best;
    }

    static boolean statesAFact(Statement s) {
        return !s.entities().isEmpty() || !s.numbers().isEmpty()
                || s.times().stream().anyMatch(t -> t.value() != null);
    }

    // ---- values within a group -------------------------------------------------------------------------------

    /** Splits a group's members by the day they give, when they give different ones (figures: {@link QuantityFacts}). */
    static List<List<Statement>> split(List<Statement> members) {
        if (members.size() < 2) {
            return List.of(members);
        }
        List<List<Statement>> parts = partition(members, m -> {
            List<String> days = m.times().stream().filter(t -> "DATE".equals(t.type()) && !t.inferred())
                    .map(TimeExpression::value).filter(v -> v != null && v.matches("\\d{4}-\\d{2}-\\d{2}"))
                    .distinct().toList();
            return days.size() == 1 ? days.get(0) : null;
        }, Object::equals);
        return parts.size() > 1 ? parts : List.of(members);
    }

    /**
     * Separates a group's negated members from its affirmed ones when they negate what the others affirm (the same
     * agent and predicate): "X has not confirmed ..." and "X confirmed ..." embed close together. Whether the two
     * sides conflict or one updates the other is decided like for any two claims.
     */
    static List<List<Statement>> splitByPolarity(List<Statement> members) {
        List<Statement> negative = members.stream().filter(m -> !negatedVerbs(m).isEmpty()).toList();
        List<Statement> affirmative = members.stream().filter(m -> negatedVerbs(m).isEmpty()).toList();
        boolean opposed = negative.stream()
                .anyMatch(n -> affirmative.stream().anyMatch(a -> sameAgentAndPredicate(n, a)));
        return opposed ? List.of(affirmative, negative) : List.of(members);
    }

    private static <V> List<List<Statement>> partition(List<Statement> members,
                                                       java.util.function.Function<Statement, V> valueOf,
                                                       java.util.function.BiPredicate<V, V> agree) {
        Map<V, List<Statement>> byValue = new LinkedHashMap<>();
        List<Statement> silent = new ArrayList<>();
        for (Statement m : members) {
            V value = valueOf.apply(m);
            if (value == null) {
                silent.add(m);
                continue;
            }
            V home = byValue.keySet().stream().filter(k -> agree.test(k, value)).findFirst().orElse(value);
            byValue.computeIfAbsent(home, k -> new ArrayList<>()).add(m);
        }
        if (byValue.size() < 2) {
            return List.of(members);
        }
        List<List<Statement>> parts = new ArrayList<>(byValue.values());
        // members that give no value neither support nor contradict a side: they stay with the first report
        parts.get(0).addAll(silent);
        parts.get(0).sort(Comparator.comparingInt(Statement::articleOrder));
        return parts;
    }

    // ---- relations between claims ----------------------------------------------------------------------------

    /**
     * Two claims giving incompatible values of one quantity: the later day's supersedes the earlier one, claims of one
     * day (or undated) conflict.
     */
    private static void overTime(Draft a, Draft b) {
        int order = QuantityFacts.laterDay(List.of(a.text), List.of(b.text));
        if (order == 0) {
            order = QuantityFacts.laterDay(a.sources, b.sources);
        }
        if (order == 0) {
            a.conflicts.add(b);
            b.conflicts.add(a);
        } else {
            Draft earlier = order > 0 ? a : b;
            Draft later = order > 0 ? b : a;
            earlier.supersededBy.add(later);
            later.supersedes.add(earlier);
        }
    }

    private void relate(StatementGroups groups, Draft a, Draft b, Map<Draft, List<QuantityFacts.Figure>> figures) {
        if (a.conflicts.contains(b) || a.supersededBy.contains(b) || a.supersedes.contains(b)) {
            return;
        }
        // figures of one article conflict only when it credits them to two sources (QuantityFacts#sameQuantity)
        QuantityFacts.Relation figured = quantities.relation(figures.get(a), figures.get(b));
        if (figured == QuantityFacts.Relation.UPDATE || figured == QuantityFacts.Relation.DISPUTE) {
            overTime(a, b);
            return;
        }
        if (sameArticles(a, b)) {
            return;
        }
        double similarity = groups.similarity(a.text, b.text);
        if (similarity < SAME_MATTER) {
            return;
        }
        boolean negA = !negatedVerbs(a.text).isEmpty();
        if (negA == !negatedVerbs(b.text).isEmpty()) {
            return;
        }
        Draft negative = negA ? a : b;
        Draft affirmative = negA ? b : a;
        if (!sameAgentAndPredicate(negative.text, affirmative.text)) {
            return;
        }
        String negativeDate = earliest(negative);
        String affirmativeDate = earliest(affirmative);
        boolean publishedAfter = negativeDate != null && affirmativeDate != null
                && negativeDate.compareTo(affirmativeDate) > 0;
        if (openState(negative.text) && !publishedAfter) {
            negative.supersededBy.add(affirmative);
            affirmative.supersedes.add(negative);
        } else {
            a.conflicts.add(b);
            b.conflicts.add(a);
        }
    }

    private static boolean sameArticles(Draft a, Draft b) {
        Set<Integer> orders = new HashSet<>();
        a.sources.forEach(s -> orders.add(s.articleOrder()));
        return b.sources.stream().allMatch(s -> orders.contains(s.articleOrder()))
                && a.sources.size() == b.sources.size();
    }

    private static String earliest(Draft d) {
        return d.sources.stream().map(Statement::publishedAt).filter(Objects::nonNull).sorted().findFirst()
                .orElse(null);
    }

    /**
     * The verbs a negation governs: the first verb within three tokens after a cue (not, n't, never; "no" before a
     * noun negates nothing verbal). Verbs of denial are not read as negations: what they deny ("denies this") is
     * usually in another sentence.
     */
    static Set<String> negatedVerbs(Statement s) {
        Set<String> verbs = new LinkedHashSet<>();
        List<Token> tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String w = word(t);
            if (!NEGATIONS.contains(w) || w.equals("no")) {
                continue;
            }
            for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
                if (tokens.get(k).pos().startsWith("VB")) {
                    verbs.add(lemma(tokens.get(k)));
                    break;
                }
            }
        }
        return verbs;
    }

    /**
     * A negative that a later report can end: a negated perfect ("has not said"), "not yet"/"yet to", a future after
     * the negation ("... not said a call will take place"), or no answer given ("did not respond").
     */
    static boolean openState(Statement s) {
        List<Token> tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            String w = word(tokens.get(i));
            if (!NEGATIONS.contains(w) || w.equals("no")) {
                continue;
            }
            if (i > 0 && lemma(tokens.get(i - 1)).equals("have")) {
                return true;
            }
            for (int k = i + 1; k < tokens.size(); k++) {
                Token t = tokens.get(k);
                String l = lemma(t);
                if (l.equals("yet") || t.pos().equals("MD") && (l.equals("will") || l.equals("would"))
                        || k <= i + 2 && (l.equals("respond") || l.equals("comment") || l.equals("confirm"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a named entity stands before a negated verb of the negative and, in the affirmative, before a verb that
     * is the same or, when the negated one is a verb of saying, any verb of saying: the same agent doing (or not) the
     * same thing.
     */
    static boolean sameAgentAndPredicate(Statement negative, Statement affirmative) {
        List<Token> tokens = negative.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (!NEGATIONS.contains(word(tokens.get(i))) || word(tokens.get(i)).equals("no")) {
                continue;
            }
            for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
                Token verb = tokens.get(k);
                if (!verb.pos().startsWith("VB")) {
                    continue;
                }
                String negated = lemma(verb);
                Set<String> agents = namesBefore(negative, tokens.get(i).span().start());
                for (Token t : affirmative.tokens()) {
                    String affirmed = lemma(t);
                    boolean samePredicate = t.pos().startsWith("VB") && (SAYING.contains(negated)
                            ? SAYING.contains(affirmed) : !LIGHT_VERBS.contains(negated) && negated.equals(affirmed));
                    if (samePredicate && namesBefore(affirmative, t.span().start()).stream().anyMatch(agents::contains)) {
                        return true;
                    }
                }
                break;
            }
        }
        return false;
    }

    private static Set<String> namesBefore(Statement s, int offset) {
        Set<String> names = new HashSet<>();
        for (EntityMention e : s.entities()) {
            if (e.span().end() <= offset) {
                names.add(lastWord(e.text()));
            }
        }
        return names;
    }

    private static String lastWord(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("\\s+");
        return words[words.length - 1];
    }

    /** The lowercased word with typographic apostrophes made plain ("n’t" is "n't"). */
    private static String word(Token t) {
        return t.word().toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    private static String lemma(Token t) {
        return (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
    }
}
