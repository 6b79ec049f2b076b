package org.storylens.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;

/**
 * The audits of a set of stories, per story and overall (counts summed over the stories, so the overall ratios are
 * micro averages), as a table for a terminal or as JSON.
 *
 * @param stories the audits, one per story
 */
public record BriefAuditReport(List<BriefAudit.StoryAudit> stories) {

    public BriefAuditReport {
        stories = List.copyOf(stories);
    }

    /** The counts of every story, summed. */
    public BriefAuditCounts overall() {
        BriefAuditCounts sum = BriefAuditCounts.ZERO;
        for (BriefAudit.StoryAudit s : stories) {
            sum = sum.plus(s.counts());
        }
        return sum;
    }

    /** One row per story and one overall, then each story's errors. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-28s %9s %9s %9s %9s %9s %9s %9s %9s %7s %7s%n", "story", "quoteSpkP",
                "quoteR", "quoteR+s", "figAttrP", "figUnitP", "figR", "dateP", "dateP(j)", "falseD", "missed"));
        for (BriefAudit.StoryAudit s : stories) {
            row(b, s.story(), s.counts());
        }
        row(b, "overall", overall());
        b.append(String.format(Locale.ROOT, "%n(quoteSpkP: matched brief quotes with the right speaker; quoteR: gold "
                + "direct quotes found, +s with the right speaker; figAttrP/figUnitP: matched brief figures with the "
                + "right attribution / a compatible unit; figR: gold figures found; dateP: timeline entries whose date is a gold date "
                + "of their sentence, (j) of the entries whose sentence holds one; falseD: disputes (pairs of claims set against each other) resting on no gold conflict / disputes; missed: gold "
                + "conflicts shown neither as dispute nor update / gold conflicts)%n"));
        for (BriefAudit.StoryAudit s : stories) {
            if (!s.notes().isEmpty()) {
                b.append(System.lineSeparator()).append(s.story()).append(':').append(System.lineSeparator());
                s.notes().forEach(n -> b.append("  ").append(n).append(System.lineSeparator()));
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String name, BriefAuditCounts c) {
        b.append(String.format(Locale.ROOT, "%-28s %9s %9s %9s %9s %9s %9s %9s %9s %7s %7s%n", name,
                ratio(c.quotesSpeakerRight(), c.quotesMatched()),
                ratio(c.directQuotesFound(), c.goldDirectQuotes()),
                ratio(c.directQuotesFoundRightSpeaker(), c.goldDirectQuotes()),
                ratio(c.numbersAttributionRight(), c.numbersMatched()),
                ratio(c.numbersUnitRight(), c.numbersMatched()),
                ratio(c.goldFiguresFound(), c.goldFigures()),
                ratio(c.datesRight(), c.timelineEntries()),
                ratio(c.datesRight(), c.datesJudged()),
                c.falseDisputes() + "/" + c.disputes(),
                c.missedConflicts() + "/" + c.goldConflicts()));
    }

    private static String ratio(int part, int whole) {
        return whole == 0 ? "-" : BriefAuditCounts.show((double) part / whole);
    }

    /**
     * {@code {"stories": [{"story", "scores": {...}, "counts": {...}, "errors": [...]}], "overall": {"scores",
     * "counts"}}}; an undefined ratio (nothing to divide by) is null.
     */
    public String json() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("stories");
        for (BriefAudit.StoryAudit s : stories) {
            ObjectNode o = list.addObject();
            o.put("story", s.story());
            fill(json, o, s.counts());
            ArrayNode errors = o.putArray("errors");
            s.notes().forEach(errors::add);
        }
        fill(json, root.putObject("overall"), overall());
        return root.toPrettyString();
    }

    private static void fill(ObjectMapper json, ObjectNode o, BriefAuditCounts c) {
        ObjectNode scores = o.putObject("scores");
        put(scores, "quoteSpeakerPrecision", c.quoteSpeakerPrecision());
        put(scores, "quoteRecall", c.quoteRecall());
        put(scores, "quoteRecallRightSpeaker", c.quoteRecallRightSpeaker());
        put(scores, "figureAttributionPrecision", c.figureAttributionPrecision());
        put(scores, "figureUnitPrecision", c.figureUnitPrecision());
        put(scores, "figureRecall", c.figureRecall());
        put(scores, "timelineDatePrecision", c.timelineDatePrecision());
        put(scores, "timelineDatePrecisionJudged", c.timelineDatePrecisionJudged());
        scores.put("falseDisputes", c.falseDisputes());
        scores.put("missedConflicts", c.missedConflicts());
        o.set("counts", json.valueToTree(c));
    }

    private static void put(ObjectNode o, String field, double ratio) {
        if (Double.isNaN(ratio)) {
            o.putNull(field);
        } else {
            o.put(field, Math.round(ratio * 10000) / 10000.0);
        }
    }
}
