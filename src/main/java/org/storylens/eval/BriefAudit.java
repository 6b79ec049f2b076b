package org.storylens.eval;

import org.storylens.brief.ClaimEntry;
import org.storylens.brief.NumberEntry;
import org.storylens.brief.QuoteEntry;
import org.storylens.brief.StoryBrief;
import org.storylens.brief.SupportingSentence;
import org.storylens.brief.TimelineEntry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores one story's brief against its gold ({@code ../shared/docs/brief-audit-format.md}): quote speakers, figure
 * attribution and units, timeline dates, false disputes and missed conflicts. Needs nothing but the brief, the gold
 * and the articles' texts, so the same scoring runs on any story.
 *
 * <p>Matching rules. A brief quote matches a gold quote of one of its sources when its words contain the fragment's
 * (letters and digits compared, case and punctuation ignored) or lie within it (four words or more); gold quotes
 * sharing a {@code statement} label with a matched one are matched too when their article is among the quote's
 * sources. A brief figure matches gold figures of its sources whose value is within 1%; where the figure's sentence
 * is found in a source, only the gold figures inside that sentence count (none there: the figure is another number
 * of the same value, not matched), and the gold figures of its other sources are found with it. A timeline entry is judged when its sentence holds a gold date expression of one
 * of its sources, and right when its date is that value or a coarser period (year, month, ISO week) holding it. A
 * claim covers a gold value when one of its supporting sentences, found in the value's article, spans the value's
 * offset. Each pair of claims the brief sets against each other is a dispute; it rests on a gold conflict when the
 * two claims cover two values of it that are not on one level, and is false otherwise.
 */
public final class BriefAudit {

    /** Words of a unit or of what a figure counts that say nothing of what is counted. */
    private static final Set<String> NON_UNIT_WORDS = Set.of("the", "of", "a", "an", "in", "at", "on", "to", "by",
            "and", "or", "for", "from", "with", "per", "number", "total", "count", "figure", "amount", "than");

    /**
     * The audit of one story.
     *
     * @param story  the story's name
     * @param counts what was counted
     * @param notes  one line per error found: a quote with a wrong speaker, a figure wrongly attributed, a false
     *               dispute, a missed conflict, a wrong date
     */
    public record StoryAudit(String story, BriefAuditCounts counts, List<String> notes) {
        public StoryAudit {
            notes = List.copyOf(notes);
        }
    }

    /** Scores a story's brief against its gold; {@code texts} are the articles' texts by id, as the gold cites them. */
    public StoryAudit score(StoryBrief brief, BriefGold gold, Map<String, String> texts) {
        List<String> notes = new ArrayList<>();
        Map<String, LooseText> located = new HashMap<>();
        texts.forEach((id, text) -> located.put(id, new LooseText(text)));

        // quotes
        int quotesMatched = 0;
        int quotesRight = 0;
        Set<BriefGold.GoldQuote> found = new HashSet<>();
        Set<BriefGold.GoldQuote> foundRight = new HashSet<>();
        for (QuoteEntry q : brief.quotes()) {
            List<BriefGold.GoldQuote> matched = matchingQuotes(q, gold);
            if (matched.isEmpty()) {
                continue;
            }
            quotesMatched++;
            boolean right = false;
            for (BriefGold.GoldQuote g : matched) {
                boolean speakerRight = sameName(q.speaker(), g.speaker(), gold, g.speakerAliases());
                right |= speakerRight;
                found.add(g);
                if (speakerRight) {
                    foundRight.add(g);
                }
            }
            if (right) {
                quotesRight++;
            } else {
                notes.add("quote speaker: '" + clip(q.text()) + "' given to " + q.speaker() + ", gold "
                        + matched.get(0).speaker());
            }
        }
        List<BriefGold.GoldQuote> direct = gold.quotes().stream().filter(BriefGold.GoldQuote::direct).toList();
        int directFound = (int) direct.stream().filter(found::contains).count();
        int directFoundRight = (int) direct.stream().filter(foundRight::contains).count();

        // figures
        int numbersMatched = 0;
        int attributionRight = 0;
        int unitRight = 0;
        Set<BriefGold.GoldFigure> figuresFound = new HashSet<>();
        for (NumberEntry n : brief.numbers()) {
            List<BriefGold.GoldFigure> matched = matchingFigures(n, gold);
            if (matched.isEmpty()) {
                continue;
            }
            // the gold figures in the figure's own sentence, where that sentence is found; when it is found and holds
            // none of them, the brief's figure is another number of the same value (two schools, not two metres)
            Map<String, int[]> sentenceSpans = new HashMap<>();
            for (String source : n.sources()) {
                LooseText text = located.get(source);
                int[] span = text == null || n.text() == null ? null : text.find(n.text());
                if (span != null) {
                    sentenceSpans.put(source, span);
                }
            }
            List<BriefGold.GoldFigure> inSentence = matched.stream().filter(g -> {
                int[] span = sentenceSpans.get(g.article());
                return span != null && g.offset() != null && span[0] <= g.offset() && g.offset() < span[1];
            }).toList();
            if (inSentence.isEmpty() && !sentenceSpans.isEmpty()) {
                continue;
            }
            List<BriefGold.GoldFigure> candidates = inSentence.isEmpty() ? matched : inSentence;
            numbersMatched++;
            figuresFound.addAll(candidates);
            matched.stream().filter(g -> !sentenceSpans.containsKey(g.article())).forEach(figuresFound::add);
            if (candidates.stream().anyMatch(g -> sameName(n.attributedTo(), g.source(), gold, List.of()))) {
                attributionRight++;
            } else {
                notes.add("figure attribution: " + n.value() + " " + n.unit() + " attributed to " + n.attributedTo()
                        + ", gold " + candidates.get(0).source() + " ('" + clip(n.text()) + "')");
            }
            if (candidates.stream().anyMatch(g -> compatibleUnit(n.unit(), g))) {
                unitRight++;
            } else {
                notes.add("figure unit: " + n.value() + " '" + n.unit() + "', gold '" + candidates.get(0).what()
                        + "' ('" + clip(n.text()) + "')");
            }
        }

        // timeline
        int judged = 0;
        int datesRight = 0;
        for (TimelineEntry t : brief.timeline()) {
            List<BriefGold.GoldDate> candidates = gold.dates().stream()
                    .filter(d -> t.sources().contains(d.article()) && LooseText.contains(t.text(), d.text()))
                    .toList();
            if (candidates.isEmpty()) {
                notes.add("timeline date: " + t.date() + " on a sentence with no date the gold holds certain ('"
                        + clip(t.text()) + "')");
                continue;
            }
            judged++;
            if (candidates.stream().anyMatch(d -> dateHolds(t.date(), d.value()))) {
                datesRight++;
            } else {
                notes.add("timeline date: " + t.date() + " for '" + candidates.get(0).text() + "', gold "
                        + candidates.get(0).value() + " ('" + clip(t.text()) + "')");
            }
        }

        // disputes and conflicts
        Map<String, ClaimEntry> claimsByText = new HashMap<>();
        brief.claims().forEach(c -> claimsByText.putIfAbsent(c.text(), c));
        Map<ClaimEntry, List<int[]>> spans = new HashMap<>();
        Map<ClaimEntry, List<String>> spanArticles = new HashMap<>();
        for (ClaimEntry c : brief.claims()) {
            locate(c, located, spans, spanArticles);
        }
        int disputed = 0;
        int pairs = 0;
        int falseDisputes = 0;
        int onNonConflicts = 0;
        Set<String> seenPairs = new HashSet<>();
        for (ClaimEntry c : brief.claims()) {
            if (!"disputed".equals(c.status())) {
                continue;
            }
            disputed++;
            for (String other : c.conflictsWith()) {
                ClaimEntry p = claimsByText.get(other);
                String key = c.text().compareTo(other) <= 0 ? c.text() + "\u0000" + other : other + "\u0000" + c.text();
                if (p == null || p == c || !seenPairs.add(key)) {
                    continue;
                }
                pairs++;
                boolean rests = false;
                boolean onNonConflict = false;
                for (BriefGold.GoldConflict g : gold.conflicts()) {
                    rests |= coversTwoLevels(c, p, g.values(), spans, spanArticles)
                            || coversTwoLevels(p, c, g.values(), spans, spanArticles);
                }
                for (BriefGold.NonConflict nc : gold.nonConflicts()) {
                    onNonConflict |= coversTwoValues(c, p, nc.values(), spans, spanArticles);
                }
                if (!rests) {
                    falseDisputes++;
                    if (onNonConflict) {
                        onNonConflicts++;
                    }
                    notes.add("false dispute" + (onNonConflict ? " (a non-conflict)" : "") + ": '" + clip(c.text())
                            + "' against '" + clip(other) + "'");
                }
            }
        }
        int missed = 0;
        for (BriefGold.GoldConflict g : gold.conflicts()) {
            boolean shown = false;
            for (ClaimEntry c : brief.claims()) {
                List<String> partners = new ArrayList<>(c.conflictsWith());
                partners.addAll(c.supersededBy());
                partners.addAll(c.supersedes());
                for (String other : partners) {
                    ClaimEntry p = claimsByText.get(other);
                    shown |= p != null && coversTwoLevels(c, p, g.values(), spans, spanArticles);
                }
            }
            if (!shown) {
                missed++;
                notes.add("missed conflict (" + g.kind() + "): " + g.what());
            }
        }
        BriefAuditCounts counts = new BriefAuditCounts(brief.quotes().size(), quotesMatched, quotesRight,
                direct.size(), directFound, directFoundRight, brief.numbers().size(), numbersMatched,
                attributionRight, unitRight, gold.figures().size(), figuresFound.size(), brief.timeline().size(),
                judged, datesRight, disputed, pairs, falseDisputes, onNonConflicts, gold.conflicts().size(), missed);
        return new StoryAudit(gold.story(), counts, notes);
    }

    private static List<BriefGold.GoldQuote> matchingQuotes(QuoteEntry q, BriefGold gold) {
        List<BriefGold.GoldQuote> direct = new ArrayList<>();
        int words = q.text() == null ? 0 : q.text().strip().split("\\s+").length;
        for (BriefGold.GoldQuote g : gold.quotes()) {
            if (q.sources().contains(g.article()) && (LooseText.contains(q.text(), g.fragment())
                    || words >= 4 && LooseText.contains(g.fragment(), q.text()))) {
                direct.add(g);
            }
        }
        Set<String> statements = new HashSet<>();
        direct.forEach(g -> {
            if (g.statement() != null) {
                statements.add(g.statement());
            }
        });
        Set<BriefGold.GoldQuote> all = new LinkedHashSet<>(direct);
        for (BriefGold.GoldQuote g : gold.quotes()) {
            if (g.statement() != null && statements.contains(g.statement()) && q.sources().contains(g.article())) {
                all.add(g);
            }
        }
        return List.copyOf(all);
    }

    private static List<BriefGold.GoldFigure> matchingFigures(NumberEntry n, BriefGold gold) {
        if (n.value() == null) {
            return List.of();
        }
        double v = n.value().doubleValue();
        return gold.figures().stream()
                .filter(g -> n.sources().contains(g.article()) && Math.abs(v - g.value()) <= 0.01 * Math.abs(g.value()))
                .toList();
    }

    /**
     * True when a name the brief gives is the gold's (or one of its aliases, or an extra form), compared without case
     * and punctuation; two absent names agree.
     */
    static boolean sameName(String given, String canonical, BriefGold gold, List<String> extra) {
        if (given == null || given.isBlank()) {
            return canonical == null;
        }
        if (canonical == null) {
            return false;
        }
        String wanted = nameKey(given);
        return gold.namesOf(canonical, extra).stream().anyMatch(n -> nameKey(n).equals(wanted));
    }

    private static String nameKey(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return key.startsWith("the ") ? key.substring(4) : key;
    }

    /** True when a word of the unit (singular) is a word of what the gold figure counts or of its unit words. */
    static boolean compatibleUnit(String unit, BriefGold.GoldFigure g) {
        if (unit == null || unit.isBlank()) {
            return false;
        }
        Set<String> wanted = new HashSet<>(stems(g.what()));
        g.units().forEach(u -> wanted.addAll(stems(u)));
        return stems(unit).stream().anyMatch(wanted::contains);
    }

    private static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        if (text == null) {
            return stems;
        }
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}³²]+")) {
            if (w.isEmpty() || NON_UNIT_WORDS.contains(w)) {
                continue;
            }
            stems.add(singular(w));
        }
        return stems;
    }

    private static String singular(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** True when a brief's ISO date is the gold day (or month, year) or a coarser period that holds it. */
    static boolean dateHolds(String briefDate, String goldDate) {
        if (briefDate == null || goldDate == null) {
            return false;
        }
        if (briefDate.equals(goldDate) || goldDate.startsWith(briefDate + "-")) {
            return true;
        }
        if (briefDate.matches("\\d{4}-W\\d{2}") && goldDate.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                LocalDate day = LocalDate.parse(goldDate);
                String week = String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                        day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                return week.equals(briefDate);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** Finds a claim's supporting sentences (or its text, in each source) in the articles' texts. */
    private static void locate(ClaimEntry c, Map<String, LooseText> located, Map<ClaimEntry, List<int[]>> spans,
                               Map<ClaimEntry, List<String>> spanArticles) {
        List<int[]> found = new ArrayList<>();
        List<String> articles = new ArrayList<>();
        List<SupportingSentence> support = new ArrayList<>(c.support());
        if (support.isEmpty()) {
            c.sources().forEach(s -> support.add(new SupportingSentence(s, c.text())));
        }
        for (SupportingSentence s : support) {
            LooseText text = located.get(s.articleId());
            int[] span = text == null ? null : text.find(s.sentence());
            if (span != null) {
                found.add(span);
                articles.add(s.articleId());
            }
        }
        spans.put(c, found);
        spanArticles.put(c, articles);
    }

    private static boolean covers(ClaimEntry c, BriefGold.ConflictValue v, Map<ClaimEntry, List<int[]>> spans,
                                  Map<ClaimEntry, List<String>> spanArticles) {
        if (v.offset() == null) {
            return false;
        }
        List<int[]> s = spans.get(c);
        List<String> a = spanArticles.get(c);
        for (int i = 0; i < s.size(); i++) {
            if (a.get(i).equals(v.article()) && s.get(i)[0] <= v.offset() && v.offset() < s.get(i)[1]) {
                return true;
            }
        }
        return false;
    }

    /** True when one claim covers a value and the other covers another value not on the same level. */
    private static boolean coversTwoLevels(ClaimEntry c, ClaimEntry p, List<BriefGold.ConflictValue> values,
                                           Map<ClaimEntry, List<int[]>> spans,
                                           Map<ClaimEntry, List<String>> spanArticles) {
        for (BriefGold.ConflictValue a : values) {
            if (!covers(c, a, spans, spanArticles)) {
                continue;
            }
            for (BriefGold.ConflictValue b : values) {
                if (b != a && (a.level() == null || !a.level().equals(b.level())) && covers(p, b, spans, spanArticles)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean coversTwoValues(ClaimEntry c, ClaimEntry p, List<BriefGold.ConflictValue> values,
                                           Map<ClaimEntry, List<int[]>> spans,
                                           Map<ClaimEntry, List<String>> spanArticles) {
        for (BriefGold.ConflictValue a : values) {
            for (BriefGold.ConflictValue b : values) {
                if (b != a && covers(c, a, spans, spanArticles) && covers(p, b, spans, spanArticles)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
