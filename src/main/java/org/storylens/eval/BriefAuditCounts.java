package org.storylens.eval;

import java.util.Locale;

/**
 * What a brief audit counted for one story or a set of stories; the scores are ratios of these counts (micro
 * averages when summed over stories).
 *
 * @param briefQuotes         the brief's quotes
 * @param quotesMatched       brief quotes containing a gold fragment of one of their sources (or contained in one)
 * @param quotesSpeakerRight  matched quotes whose speaker is the gold speaker or one of its aliases
 * @param goldDirectQuotes    gold direct quotes
 * @param directQuotesFound   gold direct quotes a brief quote matches
 * @param directQuotesFoundRightSpeaker gold direct quotes a brief quote matches with the right speaker
 * @param briefNumbers        the brief's figures
 * @param numbersMatched      brief figures matching a gold figure of one of their sources within 1%
 * @param numbersAttributionRight matched figures attributed as the gold attributes them (or unattributed as in gold)
 * @param numbersUnitRight    matched figures whose unit is compatible with what the gold figure counts
 * @param goldFigures         gold figures
 * @param goldFiguresFound    gold figures a brief figure matches
 * @param timelineEntries     the brief's timeline entries
 * @param datesJudged         entries whose sentence holds a gold date expression of one of their sources
 * @param datesRight          judged entries whose date is the gold value (or a coarser period holding it)
 * @param disputedClaims      the brief's disputed claims
 * @param disputes            pairs of claims the brief sets against each other (a disputed claim and one it conflicts
 *                            with, each pair once)
 * @param falseDisputes       disputes that rest on no gold conflict
 * @param falseDisputesOnNonConflicts of those, the ones that rest on a gold non-conflict pair
 * @param goldConflicts       gold conflicts
 * @param missedConflicts     gold conflicts shown neither as a dispute nor as an update
 */
public record BriefAuditCounts(int briefQuotes, int quotesMatched, int quotesSpeakerRight, int goldDirectQuotes,
                               int directQuotesFound, int directQuotesFoundRightSpeaker, int briefNumbers,
                               int numbersMatched, int numbersAttributionRight, int numbersUnitRight, int goldFigures,
                               int goldFiguresFound, int timelineEntries, int datesJudged, int datesRight,
                               int disputedClaims, int disputes, int falseDisputes, int falseDisputesOnNonConflicts,
                               int goldConflicts, int missedConflicts) {

    public static final BriefAuditCounts ZERO = new BriefAuditCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0);

    /** These counts and another's, summed. */
    public BriefAuditCounts plus(BriefAuditCounts o) {
        return new BriefAuditCounts(briefQuotes + o.briefQuotes, quotesMatched + o.quotesMatched,
                quotesSpeakerRight + o.quotesSpeakerRight, goldDirectQuotes + o.goldDirectQuotes,
                directQuotesFound + o.directQuotesFound,
                directQuotesFoundRightSpeaker + o.directQuotesFoundRightSpeaker, briefNumbers + o.briefNumbers,
                numbersMatched + o.numbersMatched, numbersAttributionRight + o.numbersAttributionRight,
                numbersUnitRight + o.numbersUnitRight, goldFigures + o.goldFigures,
                goldFiguresFound + o.goldFiguresFound, timelineEntries + o.timelineEntries,
                datesJudged + o.datesJudged, datesRight + o.datesRight, disputedClaims + o.disputedClaims, disputes + o.disputes,
                falseDisputes + o.falseDisputes, falseDisputesOnNonConflicts + o.falseDisputesOnNonConflicts,
                goldConflicts + o.goldConflicts, missedConflicts + o.missedConflicts);
    }

    /** Share of matched brief quotes with the right speaker; NaN when none matched. */
    public double quoteSpeakerPrecision() {
        return ratio(quotesSpeakerRight, quotesMatched);
    }

    /** Share of gold direct quotes found; NaN when the gold has none. */
    public double quoteRecall() {
        return ratio(directQuotesFound, goldDirectQuotes);
    }

    /** Share of gold direct quotes found with the right speaker; NaN when the gold has none. */
    public double quoteRecallRightSpeaker() {
        return ratio(directQuotesFoundRightSpeaker, goldDirectQuotes);
    }

    /** Share of matched brief figures attributed as in the gold; NaN when none matched. */
    public double figureAttributionPrecision() {
        return ratio(numbersAttributionRight, numbersMatched);
    }

    /** Share of matched brief figures with a compatible unit; NaN when none matched. */
    public double figureUnitPrecision() {
        return ratio(numbersUnitRight, numbersMatched);
    }

    /** Share of gold figures found; NaN when the gold has none. */
    public double figureRecall() {
        return ratio(goldFiguresFound, goldFigures);
    }

    /**
     * Share of timeline entries with the right date, an entry whose sentence holds no gold date counting as wrong; NaN
     * when the brief has no timeline.
     */
    public double timelineDatePrecision() {
        return ratio(datesRight, timelineEntries);
    }

    /** Share of the judged timeline entries (whose sentence holds a gold date) with the right date; NaN when none. */
    public double timelineDatePrecisionJudged() {
        return ratio(datesRight, datesJudged);
    }

    static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** A ratio as a terminal shows it: three decimals, or "-" when undefined. */
    static String show(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.3f", ratio);
    }
}
