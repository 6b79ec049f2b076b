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
 * {@link #CLAIM_SHARE} with the same key facts, or in other words: the same predicate and key facts both ways) and a
 * status: <b>agreed</b> (two or more independent sources: copies and one wire count once),
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
 * then the affirmative one supersedes it, an update rather than a contradiction;</li>
 * <li>a refusal to confirm ("has not confirmed", "declined to say whether") is superseded by a later confirmation of
 * the same matter, and a report of someone missing by a later report of a body recovered at the same place, whoever
 * the agents (an update, never a dispute);</li>
 * <li>a party's denial of what another asserts ({@link DenialFinder}) makes one dispute of two claims, the assertion
 * and the denial, each naming who asserts and who denies.</li>
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
    /** Negating words besides the cues of {@link #NEGATIONS}, and negative contractions written without apostrophe. */
    private static final Set<String> NEGATING_WORDS = Set.of("nothing", "none", "nobody", "neither", "nor",
            "cannot", "cant", "dont", "doesnt", "didnt", "wont", "isnt", "wasnt", "arent", "werent", "couldnt",
            "wouldnt", "hasnt", "havent", "hadnt", "without");
    /** Words that open what a refusal leaves unsaid: "would not say what ...", "did not say whether ...". */
    private static final Set<String> UNSAID = Set.of("what", "why", "how", "where", "when", "who", "whom", "which",
            "whether", "if");
    private static final Set<String> SAYING = Set.of("say", "confirm", "announce", "tell", "state", "report",
            "comment", "respond", "acknowledge", "write", "disclose", "reveal", "declare");
    /** Verbs of refusing to say ("declined to say whether", "refused to comment"): an open state like a negation. */
    private static final Set<String> REFUSING = Set.of("decline", "refuse");
    /** Words of someone missing or searched for, a state a later report of a body found ends. */
    private static final Set<String> MISSING = Set.of("missing", "miss", "search", "unaccounted");
    private static final Set<String> RESOLVED = Set.of("body", "recover", "rescue");
    /** A refusal to confirm and a later confirmation share this many content words of their matter. */
    static final int SHARED_MATTER = 3;
    private static final Set<String> LIGHT_VERBS = Set.of("be", "have", "do", "say", "make", "take", "get", "go",
            // verbs of opinion and appearance: "do not believe they are out of the chase", "not even looking good"
            // deny no fact another report gives
            "believe", "think", "expect", "know", "seem", "appear", "look", "feel", "want");
    /**
     * Words that open a clause whose negation asserts nothing of its own: a condition ("if the rule is not struck
     * down"), a concession ("although the advisory did not put it"), a relative clause ("a round in which he didn't
     * land a punch", "the player who doesn't have a deal"), a question ("whether").
     */
    private static final Set<String> SUBORDINATORS = Set.of("if", "unless", "although", "though", "whether",
            "despite", "while", "whereas", "which", "who", "whom", "whose", "where", "because", "until", "lest");
    /** Modals of possibility or advice before a negation: "should never step into the ring" states no fact. */
    private static final Set<String> UNASSERTING_MODALS = Set.of("should", "might", "may", "must", "ought");
    /** Words after a negation that make it habitual or partial: "doesn't usually pay", "not even looking". */
    private static final Set<String> PARTIAL = Set.of("usually", "always", "necessarily", "even", "only");
    private static final Set<String> BRACKETS = Set.of("(", ")", "-LRB-", "-RRB-");
    private static final Set<String> CLAUSE_EDGES = Set.of(",", ";", ":", "--", "-", "—", "–", "(", ")", "-LRB-",
            "-RRB-", "``", "''", "\"", "“", "”");

    /** A verb of saying this many tokens before a date makes it the day of the report. */
    private static final int REPORT_DAY_REACH = 5;
    private static final Set<String> PUBLISHING = Set.of("publish", "post", "tweet", "update", "release", "issue");
    /** A run-in dateline starts this close to the sentence's start and has its clock time this close after it. */
    private static final int DATELINE_START = 20;
    private static final int DATELINE_CLOCK_REACH = 16;
    private static final java.util.regex.Pattern RUN_IN_CLOCK = java.util.regex.Pattern.compile(
            "^[\\s,]*(at\\s+)?\\d{1,2}\\s*[:.]\\s*\\d{2}\\s*(am|pm|a\\.m\\.|p\\.m\\.)?|\\d{1,2}\\s*[:.]\\s*\\d{2}\\s*(am|pm)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final QuantityFacts quantities;

    /** A claim finder that compares figures through {@code quantities}. */
    ClaimFinder(QuantityFacts quantities) {
        this.quantities = quantities;
    }

    public ClaimFinder() {
        this(new QuantityFacts());
    }

    /**
     * @param earliest the claim's earliest publication date, or null
     * @param refused  the matter it refuses or declines to confirm while the state is open, or null
     * @param affirmed the matter of its first affirmed verb of saying, or null
     * @param missing  whether it speaks of someone missing or searched for
     * @param resolved whether it speaks of a body found, recovered or rescued
     */
    private record StateFacts(String earliest, Set<String> refused, Set<String> affirmed, boolean missing,
                              boolean resolved) {
    }

    private static final class Draft {
        final Statement text;
        final List<Statement> sources;
        final int independent;
        final double centrality;
        final Set<Draft> conflicts = new LinkedHashSet<>();
        final Set<Draft> supersededBy = new LinkedHashSet<>();
        final Set<Draft> supersedes = new LinkedHashSet<>();
        /** For a claim one party denies: its side, and who asserts and who denies the matter. */
        String side;
        final Set<String> asserts = new LinkedHashSet<>();
        final Set<String> denies = new LinkedHashSet<>();

        /** What {@link #updatesOpenState} reads of this claim, worked out once. */
        private StateFacts state;

        StateFacts state() {
            if (state == null) {
                Set<String> refused = refusedMatter(text);
                state = new StateFacts(earliest(this), refused != null && openStateOrRefusal(text) ? refused : null,
                        affirmedMatter(text), hasLemma(text, MISSING), hasLemma(text, RESOLVED));
            }
            return state;
        }

        Draft(Statement text, List<Statement> sources, int independent, double centrality) {
            this.text = text;
            this.sources = sources;
            this.independent = independent;
            this.centrality = centrality;
        }

        String status() {
            return !conflicts.isEmpty() || !asserts.isEmpty() && !denies.isEmpty() ? "disputed" : independent >= 2 ? "agreed" : "single-source";
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
        splitCorrectedReports(drafts);
        Map<Draft, List<QuantityFacts.Figure>> figures = new HashMap<>();
        drafts.forEach(d -> figures.put(d, figuresOf(d)));
        addUnrepresentedFigures(groups, drafts, figures);
        setAgainst(groups, drafts, figures);
        for (int i = 0; i < drafts.size(); i++) {
            for (int j = i + 1; j < drafts.size(); j++) {
                relate(groups, drafts.get(i), drafts.get(j), figures);
            }
        }
        Denials.apply(groups, drafts);
        List<Draft> kept = new ArrayList<>();
        drafts.stream().filter(d -> !d.conflicts.isEmpty() || d.side != null || !d.supersededBy.isEmpty() || !d.supersedes.isEmpty())
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

    /**
     * A claim whose sentence tells a first account and the later one that replaced it ({@link CorrectedReport}) becomes
     * two claims, the later account an update of the earlier: the brief never states the first account as fact.
     */
    private static void splitCorrectedReports(List<Draft> drafts) {
        List<Draft> out = new ArrayList<>();
        for (Draft d : drafts) {
            var accounts = CorrectedReport.read(d.text);
            if (accounts.isEmpty() || d.conflicts.size() + d.supersedes.size() + d.supersededBy.size() > 0
                    || d.side != null) {
                out.add(d);
                continue;
            }
            List<Statement> earlierSources = new ArrayList<>();
            List<Statement> laterSources = new ArrayList<>();
            for (Statement s : d.sources) {
                var parts = s == d.text ? accounts : CorrectedReport.read(s);
                parts.ifPresent(p -> {
                    earlierSources.add(p.earlier());
                    laterSources.add(p.later());
                });
            }
            Draft earlier = new Draft(accounts.get().earlier(), earlierSources, d.independent, d.centrality);
            Draft later = new Draft(accounts.get().later(), laterSources, d.independent, d.centrality);
            earlier.supersededBy.add(later);
            later.supersedes.add(earlier);
            out.add(earlier);
            out.add(later);
        }
        drafts.clear();
        drafts.addAll(out);
    }

    /**
     * A sentence that no claim speaks for (its group's claim is another of its group's sentences, which it does not
     * support) but that gives a value of some claim's quantity that cannot be true with the claim's own ("fell 700
     * metres" in a sentence grouped with the other climber's fall, against "fell about 600 metres") stands as a claim of
     * its own, so that the update or dispute it makes is shown.
     */
    private void addUnrepresentedFigures(StatementGroups groups, List<Draft> drafts,
                                         Map<Draft, List<QuantityFacts.Figure>> figures) {
        Set<Statement> represented = new HashSet<>();
        drafts.forEach(d -> {
            represented.add(d.text);
            represented.addAll(d.sources);
        });
        List<Draft> added = new ArrayList<>();
        for (StatementGroup g : groups.groups()) {
            for (Statement m : g.members()) {
                if (represented.contains(m) || BriefSentences.rejection(m) != null || !statesAFact(m)) {
                    continue;
                }
                List<QuantityFacts.Figure> own = quantities.figures(m);
                if (own.isEmpty()) {
                    continue;
                }
                boolean conflicting = false;
                for (Draft d : drafts) {
                    QuantityFacts.Relation r = quantities.relation(figures.get(d), own);
                    conflicting |= r == QuantityFacts.Relation.UPDATE || r == QuantityFacts.Relation.DISPUTE;
                }
                if (conflicting) {
                    Draft d = new Draft(m, List.of(m), groups.independentSources(List.of(m)), groups.centrality(m));
                    added.add(d);
                    figures.put(d, own);
                    represented.add(m);
                }
            }
        }
        drafts.addAll(added);
    }

    /**
     * Statements that rules reading two sentences against each other find incompatible ({@link EventTimes}: one act
     * at two times; {@link ObjectConflicts}: one motion with two things it struck) conflict, each as the claim whose
     * words it is, or a claim of its own. A sentence whose only fault is a pronoun it does not resolve ("Deputies
     * found him ...", "He had married ...") stands as a side: it is shown against the other side and its source,
     * which tell whom it speaks of; any other sentence the brief would not show is no side.
     */
    private static void setAgainst(StatementGroups groups, List<Draft> drafts,
                                   Map<Draft, List<QuantityFacts.Figure>> figures) {
        List<ConflictingStatements> found = new ArrayList<>(EventTimes.conflicts(groups.statements()));
        found.addAll(ObjectConflicts.conflicts(groups.statements()));
        for (ConflictingStatements pair : found) {
            if (!showable(pair.first()) || !showable(pair.second())) {
                continue;
            }
            Draft a = claimOf(groups, drafts, pair.first(), figures);
            Draft b = claimOf(groups, drafts, pair.second(), figures);
            a.conflicts.add(b);
            b.conflicts.add(a);
        }
    }

    private static boolean showable(Statement s) {
        String rejection = BriefSentences.rejection(s);
        return rejection == null || rejection.startsWith("unresolved")
                || rejection.startsWith("opens with") && s.tokens().get(0).pos().startsWith("PRP");
    }

    private static Draft claimOf(StatementGroups groups, List<Draft> drafts, Statement s,
                                 Map<Draft, List<QuantityFacts.Figure>> figures) {
        for (Draft d : drafts) {
            if (d.text == s) {
                return d;
            }
        }
        Draft d = new Draft(s, new ArrayList<>(List.of(s)), groups.independentSources(List.of(s)),
                groups.centrality(s));
        drafts.add(d);
        figures.put(d, List.of());
        return d;
    }

    /**
     * The figures a claim gives: its own sentence's, then those of the sentences cited for it that its own sentence
     * leaves out ("fell about 600 metres (2,000 feet)" cited for "fell about 2,000ft").
     */
    private List<QuantityFacts.Figure> figuresOf(Draft d) {
        List<QuantityFacts.Figure> own = quantities.figures(d.text);
        List<QuantityFacts.Figure> all = new ArrayList<>(own);
        for (Statement s : d.sources) {
            if (s != d.text) {
                for (QuantityFacts.Figure f : quantities.figures(s)) {
                    if (own.stream().anyMatch(o -> quantities.sameQuantity(o, f))) {
                        all.add(f); // only a value of a quantity the claim's own sentence gives
                    }
                }
            }
        }
        return all;
    }

    private static ClaimEntry entry(Draft d) {
        List<String> dates = d.sources.stream().map(Statement::publishedAt).filter(Objects::nonNull).sorted().toList();
        return new ClaimEntry(d.text.text(), d.status(), d.sources.stream().map(Statement::articleId).toList(),
                texts(d.conflicts), dates.isEmpty() ? null : dates.get(0),
                dates.isEmpty() ? null : dates.get(dates.size() - 1), texts(d.supersededBy), texts(d.supersedes),
                SupportingSentence.of(d.sources), d.side, List.copyOf(d.asserts), List.copyOf(d.denies));
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
            List<Statement> sources = new ArrayList<>(groups.supporting(m, members, CLAIM_SHARE));
            // a source that states the same fact in other words: same key facts both ways, same predicate
            for (Statement y : members) {
                if (sources.stream().noneMatch(x -> x.articleOrder() == y.articleOrder())
                        && groups.similarity(m, y) >= StatementGrouper.SAME_FACT
                        && StatementGrouper.samePredicate(m, y) && SupportCheck.statesKeyFacts(m, y)
                        && SupportCheck.statesKeyFacts(y, m)) {
                    sources.add(y);
                }
            }
            sources.sort(Comparator.comparingInt(Statement::articleOrder));
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

    // ---- assertions against denials --------------------------------------------------------------------------

    /**
     * Rule (b'): a party's denial of what another asserts ({@link DenialFinder}). The statements of each connected set
     * of assertion-denial pairs leave the claims they were in and form two claims, the assertion and the denial (one
     * sentence per article, a sentence of one side preferred to one that reports both), set against each other, each
     * naming who asserts and who denies; a matter only ever reported both ways in one sentence is one claim with
     * both sides.
     */
    private static final class Denials {

        static void apply(StatementGroups groups, List<Draft> drafts) {
            List<DenialFinder.Pair> pairs = DenialFinder.pairs(groups.statements());
            if (pairs.isEmpty()) {
                return;
            }
            // connected sets of pairs, by the statements they share
            List<List<DenialFinder.Pair>> sets = new ArrayList<>();
            for (DenialFinder.Pair p : pairs) {
                List<DenialFinder.Pair> home = null;
                for (java.util.Iterator<List<DenialFinder.Pair>> it = sets.iterator(); it.hasNext(); ) {
                    List<DenialFinder.Pair> set = it.next();
                    if (set.stream().anyMatch(q -> shares(p, q))) {
                        if (home == null) {
                            home = set;
                        } else {
                            home.addAll(set);
                            it.remove();
                        }
                    }
                }
                if (home == null) {
                    home = new ArrayList<>();
                    sets.add(home);
                }
                home.add(p);
            }
            for (List<DenialFinder.Pair> set : sets) {
                form(groups, drafts, set);
            }
        }

        private static boolean shares(DenialFinder.Pair p, DenialFinder.Pair q) {
            Set<Statement> a = new HashSet<>(List.of(p.assertion().statement(), p.denial().statement()));
            return a.contains(q.assertion().statement()) || a.contains(q.denial().statement());
        }

        private static void form(StatementGroups groups, List<Draft> drafts, List<DenialFinder.Pair> set) {
            Set<Statement> asserting = new LinkedHashSet<>();
            Set<Statement> denying = new LinkedHashSet<>();
            Set<String> asserts = new LinkedHashSet<>();
            Set<String> denies = new LinkedHashSet<>();
            Set<Statement> pointingBack = new HashSet<>();
            for (DenialFinder.Pair p : set) {
                asserting.add(p.assertion().statement());
                denying.add(p.denial().statement());
                p.assertion().holderNames().forEach(n -> addName(asserts, n));
                p.denial().holderNames().forEach(n -> addName(denies, n));
                if (p.denial().pointsBack()) {
                    pointingBack.add(p.denial().statement());
                }
            }
            Set<Statement> both = new HashSet<>(asserting);
            both.retainAll(denying);
            List<Statement> assertion = onePerArticle(asserting, both);
            List<Statement> denial = onePerArticle(denying, both);
            Statement assertionText = text(assertion, Set.of());
            Statement denialText = text(denial, pointingBack);
            if (assertionText == null && denialText == null) {
                return;
            }
            Set<Statement> all = new HashSet<>(asserting);
            all.addAll(denying);
            drafts.removeIf(d -> all.contains(d.text));
            drafts.forEach(d -> d.sources.removeIf(all::contains));
            boolean oneSentence = assertion.stream().allMatch(both::contains) && denial.stream().allMatch(both::contains);
            if (oneSentence || assertionText == null || denialText == null || assertionText == denialText) {
                Statement text = assertionText != null ? assertionText : denialText;
                List<Statement> sources = new ArrayList<>(assertion);
                denial.stream().filter(s -> sources.stream().noneMatch(x -> x.articleOrder() == s.articleOrder()))
                        .forEach(sources::add);
                sources.sort(Comparator.comparingInt(Statement::articleOrder));
                Draft d = new Draft(text, sources, groups.independentSources(sources), groups.centrality(text));
                d.side = "both";
                d.asserts.addAll(asserts);
                d.denies.addAll(denies);
                drafts.add(d);
                return;
            }
            Draft a = new Draft(assertionText, assertion, groups.independentSources(assertion),
                    groups.centrality(assertionText));
            Draft d = new Draft(denialText, denial, groups.independentSources(denial), groups.centrality(denialText));
            a.side = "assertion";
            d.side = "denial";
            for (Draft x : List.of(a, d)) {
                x.asserts.addAll(asserts);
                x.denies.addAll(denies);
            }
            a.conflicts.add(d);
            d.conflicts.add(a);
            drafts.add(a);
            drafts.add(d);
        }

        /** Adds a holder's name unless one of the same party is there ("Russian" beside "Russia"). */
        private static void addName(Set<String> names, String name) {
            String key = lastWord(name);
            if (names.stream().noneMatch(n -> DenialFinder.sameName(lastWord(n), key))) {
                names.add(name);
            }
        }

        /** One statement per article, oldest article first: one that holds only this side before one that holds both. */
        private static List<Statement> onePerArticle(Set<Statement> statements, Set<Statement> both) {
            Map<Integer, Statement> byArticle = new java.util.TreeMap<>();
            statements.stream()
                    .sorted(Comparator.comparing((Statement s) -> both.contains(s)).thenComparingInt(Statement::index))
                    .forEach(s -> byArticle.putIfAbsent(s.articleOrder(), s));
            return new ArrayList<>(byArticle.values());
        }

        /** The claim's words: the first statement that may stand alone, one naming its matter before one pointing back. */
        private static Statement text(List<Statement> statements, Set<Statement> pointingBack) {
            Statement fallback = null;
            for (Statement s : statements) {
                if (BriefSentences.rejection(s) != null) {
                    continue;
                }
                if (!pointingBack.contains(s)) {
                    return s;
                }
                if (fallback == null) {
                    fallback = s;
                }
            }
            return fallback;
        }
    }

    // ---- values within a group -------------------------------------------------------------------------------

    /** Splits a group's members by the day they give, when they give different ones (figures: {@link QuantityFacts}). */
    static List<List<Statement>> split(List<Statement> members) {
        if (members.size() < 2) {
            return List.of(members);
        }
        List<List<Statement>> parts = partition(members, m -> {
            List<String> days = m.times().stream().filter(t -> "DATE".equals(t.type()) && !t.inferred()
                            && !runInDateline(m, t) && writtenWithNumber(m, t) && !dayOfReport(m, t))
                    .map(TimeExpression::value).filter(v -> v != null && v.matches("\\d{4}-\\d{2}-\\d{2}"))
                    .distinct().toList();
            return days.size() == 1 ? days.get(0) : null;
        }, Object::equals);
        return parts.size() > 1 ? parts : List.of(members);
    }

    /**
     * Whether a date is written with its day's number ("December 15", "14 October 2011"), not only resolved from
     * "Sunday" or "the weekend" against each report's own date, which two reports of one event resolve differently.
     */
    private static boolean writtenWithNumber(Statement s, TimeExpression t) {
        String text = s.sentence().text();
        int start = t.span().start() - s.sentence().span().start();
        int end = t.span().end() - s.sentence().span().start();
        return text != null && start >= 0 && end <= text.length() && start < end
                && text.substring(start, end).chars().anyMatch(Character::isDigit);
    }

    /**
     * Whether a date is the day something was said or published, not of what is told: a verb of saying just before it
     * ("ITAR-TASS reported September 26", "announced on Twitter today (14 October 2011)"), or a date in a page's
     * {@link PageStamp time stamp} run into the sentence ("PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM UPDATED: ...").
     */
    static boolean dayOfReport(Statement s, TimeExpression t) {
        List<Token> tokens = s.tokens();
        int first = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).span().end() > t.span().start() && tokens.get(i).span().start() < t.span().end()) {
                first = i;
                break;
            }
        }
        for (int k = first - 1; k >= Math.max(0, first - REPORT_DAY_REACH); k--) {
            Token w = tokens.get(k);
            if (w.pos().startsWith("VB") && (SAYING.contains(lemma(w)) || PUBLISHING.contains(lemma(w)))) {
                return true;
            }
            if (w.pos().startsWith("VB") || CLAUSE_EDGES.contains(w.word()) && !BRACKETS.contains(w.word())) {
                break;
            }
        }
        return t.span().start() - s.sentence().span().start() < PageStamp.end(s.sentence().text());
    }

    /**
     * A date at the very start of a sentence followed by a clock time ("Updated Thu 6 May 2010, 9: 03am AEST Three
     * people died ..."): the page's time stamp run into the text, not the day of what the sentence tells.
     */
    static boolean runInDateline(Statement s, TimeExpression t) {
        String text = s.sentence().text();
        int start = t.span().start() - s.sentence().span().start();
        int end = t.span().end() - s.sentence().span().start();
        if (text == null || start < 0 || end > text.length() || start > DATELINE_START) {
            return false;
        }
        String after = text.substring(end, Math.min(text.length(), end + DATELINE_CLOCK_REACH));
        return RUN_IN_CLOCK.matcher(after).find() || RUN_IN_CLOCK.matcher(text.substring(start, end)).find();
    }

    /**
     * Separates a group's negated members from its affirmed ones when they negate what the others affirm (the same
     * agent and predicate, or the same verb that is not a light one): "X has not confirmed ..." and "X confirmed ..."
     * embed close together. Whether the two
     * sides conflict or one updates the other is decided like for any two claims.
     */
    static List<List<Statement>> splitByPolarity(List<Statement> members) {
        List<Statement> negative = members.stream().filter(m -> !negatedVerbs(m).isEmpty()).toList();
        List<Statement> affirmative = members.stream().filter(m -> negatedVerbs(m).isEmpty()).toList();
        boolean opposed = negative.stream().anyMatch(n -> affirmative.stream().filter(a -> !mentionsNegation(a))
                .anyMatch(a -> sameAgentAndPredicate(n, a) || affirmsNegatedVerb(n, a)));
        return opposed ? List.of(affirmative, negative) : List.of(members);
    }

    /**
     * Whether the affirmative uses a verb the negative negates (not a light verb): "has not confirmed that ..." and
     * "has confirmed that ...", two sentences of one group whoever their agents are.
     */
    private static boolean affirmsNegatedVerb(Statement negative, Statement affirmative) {
        Set<String> negated = negatedVerbs(negative);
        negated.removeIf(LIGHT_VERBS::contains);
        return affirmative.tokens().stream().anyMatch(t -> t.pos().startsWith("VB") && negated.contains(lemma(t)));
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
        if (updatesOpenState(a, b) || updatesOpenState(b, a)) {
            return;
        }
        if (similarity < SAME_MATTER) {
            return;
        }
        boolean negA = !negatedVerbs(a.text).isEmpty();
        if (negA == !negatedVerbs(b.text).isEmpty()) {
            return;
        }
        Draft negative = negA ? a : b;
        Draft affirmative = negA ? b : a;
        if (mentionsNegation(affirmative.text) || !sameAgentAndPredicate(negative.text, affirmative.text)) {
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

    /**
     * Whether {@code later} updates an open state of {@code earlier}, not published after it, whoever the agents: a
     * refusal to say ("has not confirmed", "declined to say whether") whose matter a later statement of saying
     * confirms (the words after the two verbs share {@link #SHARED_MATTER} content words: "does not confirm ... that an
     * inspection in 2022 has found cracks" and "has confirmed that a 2022 inspection found cracks"); or someone missing
     * or searched for, and a later report of a body found or recovered at the same named place or with the same figure.
     * An update only: this never sets claims against each other.
     */
    private static boolean updatesOpenState(Draft earlier, Draft later) {
        StateFacts before = earlier.state();
        if (before.refused() == null && !before.missing()) {
            return false;
        }
        StateFacts after = later.state();
        String earlierDate = before.earliest();
        String laterDate = after.earliest();
        if (earlierDate == null || laterDate == null || earlierDate.compareTo(laterDate) > 0) {
            return false;
        }
        boolean update = false;
        if (before.refused() != null && after.affirmed() != null) {
            Set<String> shared = new HashSet<>(before.refused());
            shared.retainAll(after.affirmed());
            update = shared.size() >= SHARED_MATTER;
        }
        if (!update && earlierDate.compareTo(laterDate) < 0 && before.missing() && !after.missing()
                && after.resolved()) {
            update = sharesPlaceOrFigure(earlier.text, later.text);
        }
        if (update) {
            earlier.supersededBy.add(later);
            later.supersedes.add(earlier);
        }
        return update;
    }

    /** The content lemmas after a negated or refused verb of saying ("not confirm ...", "declined to say ..."). */
    private static Set<String> refusedMatter(Statement s) {
        List<Token> tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            String w = word(tokens.get(i));
            boolean refusal = REFUSING.contains(lemma(tokens.get(i))) && tokens.get(i).pos().startsWith("VB")
                    && i + 2 < tokens.size() && word(tokens.get(i + 1)).equals("to");
            if (!refusal && (!NEGATIONS.contains(w) || w.equals("no"))) {
                continue;
            }
            for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
                Token t = tokens.get(k);
                if (t.pos().startsWith("VB") && !lemma(t).equals("be") && !lemma(t).equals("have")
                        && !lemma(t).equals("do")) {
                    return SAYING.contains(lemma(t)) ? contentAfter(tokens, k + 1) : null;
                }
            }
        }
        return null;
    }

    private static boolean openStateOrRefusal(Statement s) {
        return openState(s) || s.tokens().stream().anyMatch(t -> REFUSING.contains(lemma(t)));
    }

    /** The content lemmas after the first verb of saying that is neither negated nor refused. */
    private static Set<String> affirmedMatter(Statement s) {
        List<Token> tokens = s.tokens();
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (!t.pos().startsWith("VB") || !SAYING.contains(lemma(t))) {
                continue;
            }
            boolean negated = false;
            for (int j = Math.max(0, k - 3); j < k; j++) {
                String w = word(tokens.get(j));
                negated |= NEGATIONS.contains(w) || REFUSING.contains(lemma(tokens.get(j)));
            }
            if (!negated) {
                return contentAfter(tokens, k + 1);
            }
        }
        return null;
    }

    private static boolean sameMatter(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).count() >= SHARED_MATTER;
    }

    private static Set<String> contentAfter(List<Token> tokens, int from) {
        Set<String> words = new HashSet<>();
        for (int k = from; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (SupportCheck.isContent(t) && !LIGHT_VERBS.contains(lemma(t)) && !SAYING.contains(lemma(t))) {
                words.add(SupportCheck.key(lemma(t)));
            }
        }
        return words;
    }

    private static boolean hasLemma(Statement s, Set<String> lemmas) {
        return s.tokens().stream().anyMatch(t -> lemmas.contains(lemma(t)));
    }

    /** Both name one place, person or organisation (as written) or give one figure of 10 or more. */
    private static boolean sharesPlaceOrFigure(Statement a, Statement b) {
        Set<String> places = new HashSet<>();
        a.entities().stream().filter(e -> e.type() != org.storylens.analyse.EntityType.MISC)
                .forEach(e -> places.add(e.text().toLowerCase(Locale.ROOT)));
        boolean place = b.entities().stream().filter(e -> e.type() != org.storylens.analyse.EntityType.MISC)
                .anyMatch(e -> places.contains(e.text().toLowerCase(Locale.ROOT)));
        boolean figure = a.numbers().stream().anyMatch(x -> b.numbers().stream().anyMatch(y -> x.value() == y.value()
                && x.value() >= 10));
        return place || figure;
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
            if (!NEGATIONS.contains(w) || w.equals("no") || !asserted(tokens, i)) {
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
     * Whether a statement holds a negation anywhere, asserted or not ("while Ross wasn't signed on", "there was no need
     * to consult", "I cant speak for"): such a statement is never the affirmative side of a conflict, whose negation
     * it may well share.
     */
    static boolean mentionsNegation(Statement s) {
        return s.tokens().stream().anyMatch(t -> NEGATIONS.contains(word(t)) || NEGATING_WORDS.contains(word(t)));
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
            if (!NEGATIONS.contains(word(tokens.get(i))) || word(tokens.get(i)).equals("no") || !asserted(tokens, i)) {
                continue;
            }
            for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
                Token verb = tokens.get(k);
                if (!verb.pos().startsWith("VB")) {
                    continue;
                }
                String negated = lemma(verb);
                if (SAYING.contains(negated) && k + 1 < tokens.size() && UNSAID.contains(word(tokens.get(k + 1)))) {
                    break; // "would not say what he was treated for" refuses; it denies nothing said of him
                }
                Set<String> agents = agents(negative, i);
                List<Token> other = affirmative.tokens();
                for (int j = 0; j < other.size(); j++) {
                    Token t = other.get(j);
                    String affirmed = lemma(t);
                    boolean samePredicate = t.pos().startsWith("VB") && (SAYING.contains(negated)
                            ? SAYING.contains(affirmed) : !LIGHT_VERBS.contains(negated) && negated.equals(affirmed));
                    if (samePredicate && !subordinate(other, j) && !negatedAt(other, j)
                            && !(modalBefore(other, j) && !verb.pos().equals("VB") && !modalBefore(tokens, k))
                            && !otherObject(tokens, k, other, j)
                            && agents(affirmative, j).stream().anyMatch(agents::contains)
                            && (!SAYING.contains(negated) || openState(negative) || sameMatter(contentAfter(tokens, k + 1),
                            contentAfter(other, j + 1)))) {
                        return true; // "would not say why the permit was denied" and "said the shooter used a
                                     // rifle" are not one matter said and unsaid
                    }
                }
                break;
            }
        }
        return false;
    }

    /**
     * Whether a modal stands within three tokens before the verb at {@code j}: "it seems likely he will officially be
     * signed" foretells what "Ross is not signed" leaves open, and does not gainsay it.
     */
    private static boolean modalBefore(List<Token> tokens, int j) {
        for (int k = Math.max(0, j - 3); k < j; k++) {
            if (tokens.get(k).pos().equals("MD")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the verbs at {@code k} and {@code j} take objects that share no word ("never saw the assailants coming"
     * and "saw her husband on the ground"): not one act affirmed and denied.
     */
    private static boolean otherObject(List<Token> a, int k, List<Token> b, int j) {
        Set<String> x = object(a, k);
        Set<String> y = object(b, j);
        return !x.isEmpty() && !y.isEmpty() && x.stream().noneMatch(y::contains);
    }

    /**
     * The nouns right after a verb, past its determiners, numbers and adjectives: "saw her husband" gives "husband",
     * "rejected calls by ..." gives "call".
     */
    static Set<String> object(List<Token> tokens, int verb) {
        Set<String> nouns = new HashSet<>();
        int k = verb + 1;
        while (k < Math.min(tokens.size(), verb + 4) && (tokens.get(k).pos().equals("DT")
                || tokens.get(k).pos().equals("PRP$") || tokens.get(k).pos().startsWith("JJ")
                || tokens.get(k).pos().equals("POS") || tokens.get(k).pos().equals("CD"))) {
            k++;
        }
        for (; k < tokens.size() && tokens.get(k).pos().startsWith("NN"); k++) {
            nouns.add(lemma(tokens.get(k)));
        }
        return nouns;
    }

    /**
     * Whether the negation at token {@code i} states something: not in a {@link #subordinate subordinate} clause ("if
     * the (Bush) rule is not struck down"), not after a modal of possibility, not habitual or partial.
     */
    static boolean asserted(List<Token> tokens, int i) {
        if (i > 0 && UNASSERTING_MODALS.contains(word(tokens.get(i - 1)))) {
            return false;
        }
        if (i + 1 < tokens.size() && PARTIAL.contains(word(tokens.get(i + 1)))) {
            return false;
        }
        return !subordinate(tokens, i);
    }

    /**
     * Whether a negation stands just before the verb at token {@code j}, asserted or not: "reports that said he would
     * not be returning" affirms no return.
     */
    private static boolean negatedAt(List<Token> tokens, int j) {
        for (int k = Math.max(0, j - 3); k < j; k++) {
            if (NEGATIONS.contains(word(tokens.get(k)))) {
                return true;
            }
        }
        return false;
    }

    /** The first token of the clause that holds token {@code i}: brackets do not end a clause. */
    private static int clauseStart(List<Token> tokens, int i) {
        int k = i;
        while (k > 0 && (!CLAUSE_EDGES.contains(tokens.get(k - 1).word())
                || BRACKETS.contains(tokens.get(k - 1).word()))) {
            k--;
        }
        return k;
    }

    /**
     * Whether token {@code i} stands in a clause that asserts nothing of its own: one a {@link #SUBORDINATORS
     * subordinator} opens (a condition, a concession, a question, a relative clause: "Damon, who signed with the
     * Yankees in 2005", "asked if the team could sign him") or a "that" after a noun or adjective ("disappointment
     * that he would not return").
     */
    private static boolean subordinate(List<Token> tokens, int i) {
        for (int k = clauseStart(tokens, i); k < i; k++) {
            String w = word(tokens.get(k));
            if (SUBORDINATORS.contains(w) || w.equals("that") && k > 0
                    && (tokens.get(k - 1).pos().startsWith("NN") || tokens.get(k - 1).pos().startsWith("JJ"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who token {@code i} is told of: the names in its own clause before it, else every name before it in the
     * sentence ("Ross, who has wowed critics, has decided not to return" is told of Ross).
     */
    private static Set<String> agents(Statement s, int i) {
        List<Token> tokens = s.tokens();
        int clauseStart = clauseStart(tokens, i);
        int offset = tokens.get(i).span().start();
        Set<String> inClause = new HashSet<>();
        if (clauseStart < i) {
            int from = tokens.get(clauseStart).span().start();
            for (EntityMention e : s.entities()) {
                if (e.span().start() >= from && e.span().end() <= offset) {
                    inClause.add(lastWord(e.text()));
                }
            }
        }
        return inClause.isEmpty() ? namesBefore(s, offset) : inClause;
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
