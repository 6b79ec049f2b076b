package org.storylens.eval;

import org.junit.jupiter.api.Test;
import org.storylens.brief.ClaimEntry;
import org.storylens.brief.NumberEntry;
import org.storylens.brief.QuoteEntry;
import org.storylens.brief.StoryBrief;
import org.storylens.brief.SupportingSentence;
import org.storylens.brief.TimelineEntry;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scorer's arithmetic on a small hand-made brief and gold (no CoreNLP). */
class BriefAuditTest {

    static final String A = "Mayor Ann Lee said: \"The river rose faster than we feared tonight.\" Officials said 1,200 "
            + "people were evacuated. On Tuesday the dam failed.";
    static final String B = "\"The river rose faster than we feared,\" said Lee. Police said 1,500 people had left by "
            + "Wednesday. The wall was 40 metres long. \"We stay,\" said Bob Ray. The 40 volunteers left.";
    static final Map<String, String> TEXTS = Map.of("a", A, "b", B);

    static final String C1 = "Officials said 1,200 people were evacuated.";
    static final String C2 = "Police said 1,500 people had left by Wednesday.";
    static final String C3 = "The wall was 40 metres long.";

    static BriefGold gold() {
        return new BriefGold("tiny", List.of("a", "b"), null,
                Map.of("Ann Lee", List.of("Lee", "Mayor Ann Lee"), "Bob Ray", List.of("Ray")),
                List.of("Officials", "Police"),
                List.of(new BriefGold.GoldQuote("a", "The river rose faster than we feared", "Ann Lee", List.of(), true,
                                "river"),
                        new BriefGold.GoldQuote("b", "The river rose faster than we feared", "Ann Lee", List.of(), true,
                                "river"),
                        new BriefGold.GoldQuote("b", "We stay", "Bob Ray", List.of(), true, null)),
                List.of(new BriefGold.GoldFigure("a", "1,200", 1200, A.indexOf("1,200"), "people evacuated",
                                List.of("people"), "Officials"),
                        new BriefGold.GoldFigure("b", "1,500", 1500, B.indexOf("1,500"), "people evacuated",
                                List.of("people"), "Police"),
                        new BriefGold.GoldFigure("b", "40 metres", 40, B.indexOf("40 metres"), "length of the wall",
                                List.of("metres"), null)),
                List.of(new BriefGold.GoldDate("a", "On Tuesday", "2025-03-11"),
                        new BriefGold.GoldDate("b", "by Wednesday", "2025-03-12")),
                List.of(new BriefGold.GoldConflict("people evacuated", "update", List.of(
                                new BriefGold.ConflictValue("a", 1200.0, A.indexOf("1,200"), null, "first"),
                                new BriefGold.ConflictValue("b", 1500.0, B.indexOf("1,500"), null, "later"))),
                        new BriefGold.GoldConflict("whether the dam failed", "dispute", List.of(
                                new BriefGold.ConflictValue("a", null, A.indexOf("On Tuesday"), "On Tuesday the dam failed",
                                        "failed"),
                                new BriefGold.ConflictValue("b", null, B.indexOf("The wall"), "The wall was", "held")))),
                List.of(new BriefGold.NonConflict("people and metres", "different things", List.of("a", "b"), List.of(
                        new BriefGold.ConflictValue("a", 1200.0, A.indexOf("1,200"), null, null),
                        new BriefGold.ConflictValue("b", 40.0, B.indexOf("40 metres"), null, null)))));
    }

    static StoryBrief brief(List<QuoteEntry> quotes, List<NumberEntry> numbers, List<TimelineEntry> timeline,
                            List<ClaimEntry> claims) {
        return new StoryBrief("s-1", "tiny", List.of(), 2, List.of(), List.of(), timeline, quotes, numbers, claims,
                List.of());
    }

    static ClaimEntry claim(String text, String status, String article, List<String> conflictsWith,
                            List<String> supersededBy) {
        return new ClaimEntry(text, status, List.of(article), conflictsWith, null, null, supersededBy, List.of(),
                List.of(new SupportingSentence(article, text)));
    }

    @Test
    void countsQuoteSpeakersFiguresDatesDisputesAndMissedConflicts() {
        StoryBrief brief = brief(
                List.of(new QuoteEntry("Lee", "The river rose faster than we feared tonight.", true, List.of("a", "b")),
                        new QuoteEntry("Ann Lee", "We stay", true, List.of("b")),
                        new QuoteEntry("Ann Lee", "Something else entirely said here", true, List.of("a"))),
                List.of(new NumberEntry(1200, "people", null, C1, "officials", List.of("a")),
                        new NumberEntry(1500, "metres", null, C2, null, List.of("b")),
                        new NumberEntry(40.2, "metres", null, C3, null, List.of("b")),
                        new NumberEntry(7, "boats", null, "Seven boats.", null, List.of("a")),
                        new NumberEntry(40, "volunteers", null, "The 40 volunteers left.", null, List.of("b"))),
                List.of(new TimelineEntry("2025-03-11", "On Tuesday the dam failed.", List.of("a"), false),
                        new TimelineEntry("2025-03-19", C2, List.of("b"), false),
                        new TimelineEntry("2025", "Nothing dated here.", List.of("a"), false)),
                List.of(claim(C1, "disputed", "a", List.of(C2), List.of()),
                        claim(C2, "disputed", "b", List.of(C1), List.of()),
                        claim(C3, "disputed", "b", List.of(C1), List.of())));

        BriefAudit.StoryAudit audit = new BriefAudit().score(brief, gold(), TEXTS);
        BriefAuditCounts c = audit.counts();

        // quotes: two of three match gold (the third is in no gold), one has the right speaker (Lee is Ann Lee's alias)
        assertThat(c.briefQuotes()).isEqualTo(3);
        assertThat(c.quotesMatched()).isEqualTo(2);
        assertThat(c.quoteSpeakerPrecision()).isCloseTo(0.5, within(1e-9));
        // every gold direct quote is found (the river quote in both articles), two with the right speaker
        assertThat(c.goldDirectQuotes()).isEqualTo(3);
        assertThat(c.quoteRecall()).isCloseTo(1.0, within(1e-9));
        assertThat(c.quoteRecallRightSpeaker()).isCloseTo(2 / 3.0, within(1e-9));
        // figures: 40.2 is within 1% of 40; 1,500 is unattributed and counted in metres; the 40 volunteers are another
        // number of the gold's value, in a sentence without a gold figure
        assertThat(c.numbersMatched()).isEqualTo(3);
        assertThat(c.figureAttributionPrecision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(c.figureUnitPrecision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(c.figureRecall()).isCloseTo(1.0, within(1e-9));
        // timeline: one date of three is right; the sentence without a gold date cannot be judged and counts as wrong
        assertThat(c.datesJudged()).isEqualTo(2);
        assertThat(c.timelineDatePrecision()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(c.timelineDatePrecisionJudged()).isCloseTo(0.5, within(1e-9));
        // two disputes (the evacuation claims against each other, counted once; the wall claim against the first):
        // the second rests on no gold conflict, but on a gold non-conflict pair
        assertThat(c.disputedClaims()).isEqualTo(3);
        assertThat(c.disputes()).isEqualTo(2);
        assertThat(c.falseDisputes()).isEqualTo(1);
        assertThat(c.falseDisputesOnNonConflicts()).isEqualTo(1);
        // the evacuation update is shown (as a dispute); whether the dam failed is not
        assertThat(c.goldConflicts()).isEqualTo(2);
        assertThat(c.missedConflicts()).isEqualTo(1);
        assertThat(audit.notes()).anyMatch(n -> n.startsWith("quote speaker: 'We stay' given to Ann Lee, gold Bob Ray"))
                .anyMatch(n -> n.startsWith("false dispute (a non-conflict): 'The wall was 40 metres long.'"))
                .anyMatch(n -> n.equals("missed conflict (dispute): whether the dam failed"))
                .anyMatch(n -> n.startsWith("timeline date: 2025-03-19 for 'by Wednesday', gold 2025-03-12"))
                .anyMatch(n -> n.startsWith("timeline date: 2025 on a sentence with no date the gold holds certain "
                        + "('Nothing dated here.')"));
    }

    @Test
    void anUpdateShownAsSupersededIsNotMissedAndNothingDisputedIsNoFalseDispute() {
        StoryBrief brief = brief(List.of(), List.of(), List.of(),
                List.of(claim(C1, "single-source", "a", List.of(), List.of(C2)),
                        claim(C2, "single-source", "b", List.of(), List.of())));
        BriefAuditCounts c = new BriefAudit().score(brief, gold(), TEXTS).counts();
        assertThat(c.missedConflicts()).isEqualTo(1);
        assertThat(c.disputedClaims()).isZero();
        assertThat(c.falseDisputes()).isZero();
        assertThat(c.quoteSpeakerPrecision()).isNaN();
        assertThat(c.quoteRecall()).isZero();
    }

    @Test
    void overallCountsAreSummedAcrossStories() {
        BriefAuditCounts one = new BriefAuditCounts(4, 2, 2, 4, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 0);
        BriefAuditCounts two = new BriefAuditCounts(6, 8, 6, 6, 4, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2);
        BriefAuditReport report = new BriefAuditReport(List.of(new BriefAudit.StoryAudit("one", one, List.of()),
                new BriefAudit.StoryAudit("two", two, List.of())));
        assertThat(report.overall().quoteSpeakerPrecision()).isCloseTo(0.8, within(1e-9));
        assertThat(report.overall().quoteRecall()).isCloseTo(0.6, within(1e-9));
        assertThat(report.overall().missedConflicts()).isEqualTo(2);
        assertThat(report.table()).contains("overall").contains("0.800").contains("2/3");
        assertThat(report.json()).contains("\"quoteSpeakerPrecision\" : 0.8").contains("\"figureUnitPrecision\" : null");
    }

    @Test
    void aCoarserPeriodHoldingTheDayIsRightAndANeighbouringWeekIsNot() {
        assertThat(BriefAudit.dateHolds("2025-03", "2025-03-18")).isTrue();
        assertThat(BriefAudit.dateHolds("2025-W12", "2025-03-18")).isTrue();
        assertThat(BriefAudit.dateHolds("2025-W11", "2025-03-18")).isFalse();
        assertThat(BriefAudit.dateHolds("2025-03-1", "2025-03-18")).isFalse();
    }
}
