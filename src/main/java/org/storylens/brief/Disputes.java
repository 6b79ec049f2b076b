package org.storylens.brief;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a reader needs first on a story's page: its disputes, each pair of conflicting claims once (a claim reporting
 * both sides of a denial in one sentence stands alone), and its updates, each later claim with the earlier ones it
 * updates. Read from the brief's claims; immutable.
 *
 * @param disputes the disputes, in the order of the claims
 * @param updates  the updates, in the order of the claims
 */
record Disputes(List<Dispute> disputes, List<Update> updates) {

    /** Two claims set against each other; {@code other} is null for one claim holding both sides. */
    record Dispute(ClaimEntry claim, ClaimEntry other) {
    }

    /** A later claim and the earlier claims it updates. */
    record Update(ClaimEntry later, List<ClaimEntry> earlier) {
    }

    Disputes {
        disputes = List.copyOf(disputes);
        updates = List.copyOf(updates);
    }

    static Disputes of(StoryBrief story) {
        Map<String, ClaimEntry> byText = new LinkedHashMap<>();
        story.claims().forEach(c -> byText.putIfAbsent(c.text(), c));
        List<Dispute> disputes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ClaimEntry c : story.claims()) {
            if (!"disputed".equals(c.status())) {
                continue;
            }
            if (c.conflictsWith().isEmpty()) {
                disputes.add(new Dispute(c, null));
                continue;
            }
            for (String other : c.conflictsWith()) {
                ClaimEntry o = byText.get(other);
                String key = c.text().compareTo(other) <= 0 ? c.text() + "\u0000" + other : other + "\u0000" + c.text();
                if (o != null && o != c && seen.add(key)) {
                    disputes.add(new Dispute(c, o));
                }
            }
        }
        List<Update> updates = new ArrayList<>();
        for (ClaimEntry c : story.claims()) {
            List<ClaimEntry> earlier = c.supersedes().stream().map(t -> Optional.ofNullable(byText.get(t)))
                    .flatMap(Optional::stream).toList();
            if (!earlier.isEmpty()) {
                updates.add(new Update(c, earlier));
            }
        }
        return new Disputes(disputes, updates);
    }

    boolean isEmpty() {
        return disputes.isEmpty() && updates.isEmpty();
    }

    /** The words of a dispute's sides: who asserts and who denies, when a party denies what another asserts. */
    static String holders(ClaimEntry c) {
        if (c.asserts().isEmpty() && c.denies().isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!c.asserts().isEmpty()) {
            parts.add("asserted by " + String.join(", ", c.asserts()));
        }
        if (!c.denies().isEmpty()) {
            parts.add("denied by " + String.join(", ", c.denies()));
        }
        return String.join("; ", parts);
    }

    /**
     * How a dispute without a denial is labelled: two reports that cannot both be right; or, when a later report
     * changed the figure of a side, different figures given at one time, which later reports replaced (a count that
     * was still rising when the first reports were written).
     */
    static String disagreement(Dispute d) {
        boolean changedLater = !d.claim().supersededBy().isEmpty()
                || d.other() != null && !d.other().supersededBy().isEmpty();
        return changedLater ? "sources disagree: different figures at the time, changed by later reports (below)"
                : "sources disagree: these reports cannot both be right";
    }

    /** Disputed claims without those whose every opponent is listed before them: each dispute once. */
    static List<ClaimEntry> oncePerDispute(List<ClaimEntry> claims) {
        List<ClaimEntry> kept = new ArrayList<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (ClaimEntry c : claims) {
            if (c.conflictsWith().isEmpty() || !listed.containsAll(c.conflictsWith())) {
                kept.add(c);
                listed.add(c.text());
            }
        }
        return kept;
    }
}
