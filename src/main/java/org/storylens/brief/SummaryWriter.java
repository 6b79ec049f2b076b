package org.storylens.brief;

import org.storylens.analyse.EntityType;
import org.storylens.analyse.TimeExpression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a story's extractive summary: 3-8 sentences taken from its articles as they were cleaned, most important
 * first. Each group of same-meaning sentences offers its best-supported sentence that may stand alone
 * ({@link BriefSentences}); a candidate scores its closeness to the story's centroid times {@code 1 + ln(independent
 * sources)}, a little more when it opens its article (news leads carry the event). The first place goes to the best
 * candidate that says who or where (a person, organisation or place: a news lead often names only where), when (a time expression placed on the calendar) and what (a
 * verb); the rest are chosen by maximal marginal relevance, so translations of one fact are not repeated. A sentence's
 * sources are the articles of its group that state it by {@link SupportCheck}. Thread-safe.
 */
public final class SummaryWriter {

    static final int MIN_SENTENCES = 3;
    static final int MAX_SENTENCES = 8;
    /** Weight of relevance against novelty in the maximal-marginal-relevance choice. */
    static final double LAMBDA = 0.7;
    /** Two candidates this similar say the same thing: the second is never added. */
    static final double REDUNDANT = 0.72;
    /** A candidate whose score is below this share of the best one is not worth a place (nor the first one). */
    static final double WORTH = 0.2;
    /**
     * A candidate that says who, what and when may open the summary when its score reaches this share of the best one:
     * lower than a sentence's worth, as a lead of the latest report often has one source that states its day.
     */
    static final double OPENER_WORTH = 0.4;
    /** A sentence opening its article (the news lead) counts this much more. */
    static final double LEAD_BONUS = 1.15;
    /** A sentence that is mostly a quotation counts this much: the quotes have their own section of the brief. */
    static final double QUOTE_PENALTY = 0.8;

    record Candidate(Statement statement, List<Statement> sources, int independent, double score) {
    }

    /** @return the summary sentences, most important first */
    List<SourcedText> write(StatementGroups groups) {
        return write(groups, List.of());
    }

    /**
     * @param claims the story's claims: a sentence a later report superseded ({@link ClaimEntry#supersededBy}) is left
     *               out, and so is every sentence of its group
     * @return the summary sentences, most important first; the first is the latest-reported of the candidates that
     * say who, what and when and score at least {@link #OPENER_WORTH} of the best
     */
    List<SourcedText> write(StatementGroups groups, List<ClaimEntry> claims) {
        return write(groups, claims, null);
    }

    /**
     * @param latest the sentence that gives the story's lead figure as of its latest report ({@link LatestFigure}), or
     *               null: it opens the summary when it may stand alone
     */
    List<SourcedText> write(StatementGroups groups, List<ClaimEntry> claims, Statement latest) {
        Set<String> superseded = new HashSet<>();
        for (ClaimEntry c : claims) {
            if (!c.supersededBy().isEmpty()) {
                superseded.add(c.text());
                c.support().forEach(s -> superseded.add(s.articleId() + "\u0000" + s.sentence()));
            }
        }
        List<Candidate> candidates = new ArrayList<>(candidates(groups, SupportCheck.MIN_SHARE));
        candidates.removeIf(c -> superseded(c.statement(), groups, superseded));
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        double best = candidates.get(0).score();
        List<Candidate> chosen = new ArrayList<>();
        List<Candidate> openers = new ArrayList<>(openers(groups, SupportCheck.MIN_SHARE));
        openers.removeIf(c -> superseded(c.statement(), groups, superseded));
        Candidate latestState = latestState(groups, latest);
        Candidate opener = latestState != null ? latestState : openers.stream()
                .filter(c -> c.score() >= OPENER_WORTH * best)
                .max(Comparator.comparing(SummaryWriter::latestReport)
                        .thenComparing(Comparator.comparingDouble(Candidate::score)))
                .orElse(candidates.get(0));
        // the opener stands for its group: the group's other candidate is not offered again
        List<Statement> openerGroup = groups.groupOf(opener.statement());
        candidates.removeIf(c -> c != opener && groups.groupOf(c.statement()) == openerGroup);
        if (!candidates.contains(opener)) {
            candidates.add(0, opener);
        }
        chosen.add(opener);
        int target = groups.articles().size() <= 10 ? 6 : MAX_SENTENCES;
        while (chosen.size() < target) {
            Candidate next = null;
            double nextValue = Double.NEGATIVE_INFINITY;
            for (Candidate c : candidates) {
                if (chosen.contains(c)) {
                    continue;
                }
                double redundancy = 0;
                for (Candidate s : chosen) {
                    redundancy = Math.max(redundancy, groups.similarity(c.statement(), s.statement()));
                }
                if (redundancy >= REDUNDANT) {
                    continue;
                }
                double value = LAMBDA * c.score() / best - (1 - LAMBDA) * redundancy;
                if (value > nextValue) {
                    nextValue = value;
                    next = c;
                }
            }
            if (next == null || chosen.size() >= MIN_SENTENCES && next.score() < WORTH * best) {
                break;
            }
            chosen.add(next);
        }
        return chosen.stream().map(c -> new SourcedText(c.statement().text(),
                c.sources().stream().map(Statement::articleId).toList(), SupportingSentence.of(c.sources()))).toList();
    }

    /**
     * Whether a candidate is, or is grouped with, a sentence of a superseded claim: the claim's text, or one of its
     * supporting sentences, whole or as a clause of the sentence ("Officials initially reported that ..., but ...").
     */
    private static boolean superseded(Statement candidate, StatementGroups groups, Set<String> superseded) {
        if (superseded.contains(candidate.text())) {
            return true;
        }
        for (Statement m : groups.groupOf(candidate)) {
            String prefix = m.articleId() + "\u0000";
            if (superseded.contains(prefix + m.text())) {
                return true;
            }
            for (String s : superseded) {
                if (s.startsWith(prefix) && s.length() > prefix.length() + 1) {
                    String clause = s.substring(prefix.length(), s.length() - 1);
                    if (clause.length() >= 20 && m.text().toLowerCase(java.util.Locale.ROOT)
                            .contains(clause.toLowerCase(java.util.Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The sentence of the latest lead figure as a candidate, with the articles of its group that state it. */
    private static Candidate latestState(StatementGroups groups, Statement latest) {
        if (latest == null || BriefSentences.rejection(latest) != null) {
            return null;
        }
        List<Statement> sources = groups.supporting(latest, groups.groupOf(latest), SupportCheck.MIN_SHARE);
        if (sources.isEmpty()) {
            sources = List.of(latest);
        }
        return new Candidate(latest, sources, groups.independentSources(sources), groups.centrality(latest));
    }

    /** The publication date of the candidate's latest source ("" when none is dated). */
    private static String latestReport(Candidate c) {
        return c.sources().stream().map(Statement::publishedAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse("");
    }

    /** Each group's best sentence that may stand alone, with the group's articles that state it. */
    static List<Candidate> candidates(StatementGroups groups, double minShare) {
        return candidates(groups, minShare, false);
    }

    /** Each group's best sentence that may stand alone and says who, what and when: the candidates to open with. */
    static List<Candidate> openers(StatementGroups groups, double minShare) {
        return candidates(groups, minShare, true);
    }

    private static List<Candidate> candidates(StatementGroups groups, double minShare, boolean opening) {
        List<Candidate> candidates = new ArrayList<>();
        for (StatementGroup g : groups.groups()) {
            Candidate best = null;
            for (Statement m : g.members()) {
                if (BriefSentences.rejection(m) != null || dateline(m) || opening && !saysWhoWhatWhen(m)) {
                    continue;
                }
                List<Statement> sources = groups.supporting(m, g.members(), minShare);
                int independent = groups.independentSources(sources);
                double score = groups.centrality(m) * (1 + Math.log(independent))
                        * (m.sentence().index() == 0 ? LEAD_BONUS : 1)
                        * (BriefSentences.quotedShare(m.tokens()) > 0.5 ? QUOTE_PENALTY : 1);
                if (best == null || score > best.score()) {
                    best = new Candidate(m, sources, independent, score);
                }
            }
            if (best != null) {
                candidates.add(best);
            }
        }
        return candidates;
    }

    /**
     * Opens with two words in capitals ("THURSDAY, APRIL 11, 2013"), a label and a colon ("Published: ...") or a date
     * and a clock time: a dateline run into the text, no sentence for the summary.
     */
    static boolean dateline(Statement s) {
        List<org.storylens.analyse.Token> tokens = s.tokens();
        if (tokens.size() > 1 && tokens.get(1).word().equals(":")) {
            return true; // a run-in label: "Published: April 16, 2013 9:09 AM Prosecutors ..."
        }
        if (s.times().stream().anyMatch(t -> ClaimFinder.runInDateline(s, t))) {
            return true; // "September 10, 2010 10: 14 AM Police say ..."
        }
        int shouted = 0;
        for (org.storylens.analyse.Token t : s.tokens()) {
            String w = t.word();
            if (!w.isEmpty() && Character.isLetterOrDigit(w.charAt(0))) {
                if (w.length() < 2 || !w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase)
                        || w.chars().noneMatch(Character::isLetter)) {
                    break;
                }
                shouted++;
            }
        }
        return shouted >= 2;
    }

    /** Names a person, organisation or place and places something on the calendar. */
    static boolean saysWhoWhatWhen(Statement s) {
        boolean who = s.entities().stream()
                .anyMatch(e -> e.type() != EntityType.MISC);
        boolean when = s.times().stream().map(TimeExpression::value)
                .anyMatch(v -> v != null && v.matches("\\d{4}-\\d{2}-\\d{2}.*|\\d{4}-W\\d{2}.*"));
        return who && when;
    }
}
