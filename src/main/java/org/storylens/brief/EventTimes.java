package org.storylens.brief;

import org.storylens.analyse.Token;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * When a story's acts happened, read from times told relative to something the story dates, and the reports of one
 * act that put it at incompatible times. Two kinds of time are read:
 * <ul>
 * <li><b>days</b>: a count of days, weeks, months or years right after the act's verb, either before the article's
 * publication ("who was wed about three weeks ago") or before or after the story's event, named by a noun the story
 * dates on its main day ("had married two weeks before the shooting");</li>
 * <li><b>clock times</b> on the event's day: a count of hours or minutes "later", after the latest act of the two
 * sentences before it whose clock time the story gives ("shot him"; "... found the deputy shortly after 3 p.m. ...
 * to report the shooting"), or a clock time in the act's own clause ("arrested just before midnight").</li>
 * </ul>
 * Two reports from two articles of one act (the same verb, verbs of one meaning such as "wed" and "marry", or any
 * verb of catching a wanted person, including finding one hiding) by no two different named persons conflict when
 * their times differ by more than their hedges ("about", "shortly after") allow: a day, or half an hour, of slack for
 * the anchor, and half the coarser unit when they count in two units. Counts are taken as written, like figures
 * ({@link QuantityFacts}): "two weeks" and "about three weeks" are incompatible. Stateless and thread-safe.
 */
final class EventTimes {

    /** The act key of any verb of catching a wanted person. */
    private static final String CAPTURE = "capture";
    private static final Set<String> CAPTURING = Set.of("arrest", "capture", "apprehend", "catch", "detain", "nab");
    /** Verbs of one meaning, as the one key they are compared under. */
    private static final Map<String, String> SAME_ACT = Map.ofEntries(Map.entry("wed", "marry"),
            Map.entry("slay", "kill"), Map.entry("murder", "kill"), Map.entry("quit", "resign"),
            Map.entry("purchase", "buy"), Map.entry("acquire", "buy"), Map.entry("sack", "fire"),
            Map.entry("depart", "leave"), Map.entry("perish", "die"), Map.entry("wound", "injure"),
            Map.entry("commence", "begin"), Map.entry("start", "begin"), Map.entry("conclude", "end"),
            Map.entry("finish", "end"), Map.entry("divorce", "separate"), Map.entry("launch", "begin"),
            Map.entry("hire", "appoint"));
    private static final Set<String> AUXILIARIES = Set.of("be", "have", "do", "get");
    private static final Set<String> NOT_ACTS = Set.of("be", "have", "do", "say", "tell", "add", "report", "state",
            "announce", "confirm", "believe", "think", "know", "expect", "accord", "consider", "remain", "seem");
    /** Words that make an act one of several: "a second platform", "another man", "again". */
    private static final Set<String> REPEATED = Set.of("second", "third", "fourth", "another", "again", "other");
    private static final Set<String> HEDGES = Set.of("about", "around", "approximately", "roughly", "nearly",
            "almost", "some", "estimated");
    private static final double HEDGE = 0.1;
    private static final Map<String, Double> DAY_UNITS = Map.of("day", 1.0, "week", 7.0, "month", 30.44,
            "year", 365.25);
    private static final Map<String, Double> CLOCK_UNITS = Map.of("hour", 1.0, "minute", 1.0 / 60);
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));
    /** Words before a clock time that make it a time of a state, not of an act: "as of 11 p.m. still searching". */
    private static final Set<String> STATE_TIMES = Set.of("of", "by", "until", "till", "since", "from", "to");
    private static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", ":", "--", "—", "–", "(", ")", "-LRB-", "-RRB-",
            "``", "''", "\"", "“", "”");
    /** Slack for the anchor of a time: a day, half an hour. */
    private static final double DAY_SLACK = 1.0;
    private static final double CLOCK_SLACK = 0.5;
    /** Clock times of one act further apart than this are two acts, not one anchor. */
    private static final double ONE_CLOCK = 1.0;
    /** How many sentences back "N hours later" looks for what it is later than. */
    private static final int LATER_REACH = 2;

    /**
     * An act's time as read from one statement.
     *
     * @param statement its statement
     * @param act       the act's key (a verb lemma, or {@link #CAPTURE})
     * @param clock     whether {@code at} is hours on the event's day (else epoch days)
     * @param relative  whether it was counted from an anchor (else a clock time as written, of an unknown day)
     * @param at        when
     * @param slack     how far off it may be
     * @param unit      the unit it was counted in, in days or hours (0 for a clock time as written)
     * @param persons   the persons its clause names (last words, lower case)
     */
    record ActTime(Statement statement, String act, boolean clock, boolean relative, double at, double slack,
                   double unit, Set<String> persons) {
    }

    private EventTimes() {
    }

    /** The pairs of statements of two articles that put one act at incompatible times. */
    static List<ConflictingStatements> conflicts(List<Statement> statements) {
        Map<String, List<Double>> eventClocks = eventClocks(statements);
        LocalDate mainDay = mainDay(statements);
        Set<String> mainDayEvents = mainDay == null ? Set.of() : eventsOn(statements, mainDay);
        List<ActTime> times = new ArrayList<>();
        for (Statement s : statements) {
            times.addAll(actTimes(s, eventClocks, mainDay, mainDayEvents));
        }
        List<ConflictingStatements> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < times.size(); i++) {
            for (int j = i + 1; j < times.size(); j++) {
                ActTime a = times.get(i);
                ActTime b = times.get(j);
                if (a.statement().articleOrder() == b.statement().articleOrder() || !a.act().equals(b.act())
                        || a.clock() != b.clock() || !a.relative() && !b.relative()
                        || !a.persons().isEmpty() && !b.persons().isEmpty()
                        && a.persons().stream().noneMatch(b.persons()::contains)) {
                    continue;
                }
                if (incompatible(a, b) && seen.add(a.statement().index() + ":" + b.statement().index())) {
                    out.add(new ConflictingStatements(a.statement(), b.statement(), "time of '" + a.act() + "'"));
                }
            }
        }
        return out;
    }

    private static boolean incompatible(ActTime a, ActTime b) {
        double slack = a.slack() + b.slack() + (a.clock() ? CLOCK_SLACK : DAY_SLACK);
        if (a.unit() > 0 && b.unit() > 0 && a.unit() != b.unit()) {
            slack += Math.max(a.unit(), b.unit()) / 2;
        }
        if (a.relative() && b.relative()) {
            return Math.abs(a.at() - b.at()) > slack;
        }
        // a clock time as written may fall on any day from the event's on: a count from the event pins the day
        ActTime counted = a.relative() ? a : b;
        ActTime written = a.relative() ? b : a;
        for (int day = 0; day <= 2; day++) {
            if (Math.abs(written.at() + 24 * day - counted.at()) <= slack) {
                return false;
            }
        }
        return true;
    }

    // ---- acts and their times --------------------------------------------------------------------------------

    private static List<ActTime> actTimes(Statement s, Map<String, List<Double>> eventClocks, LocalDate mainDay,
                                          Set<String> mainDayEvents) {
        List<ActTime> found = new ArrayList<>();
        List<Token> tokens = s.tokens();
        List<Clock> written = clocks(tokens);
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Integer count = count(tokens.get(i));
            if (count == null) {
                continue;
            }
            String unit = lemma(tokens.get(i + 1));
            String next = word(tokens.get(i + 2));
            boolean hedged = i > 0 && HEDGES.contains(word(tokens.get(i - 1)));
            double share = i > 0 && word(tokens.get(i - 1)).equals("half") ? 0.5 : 1; // "half an hour later"
            if (repeated(tokens, i)) {
                continue;
            }
            if (DAY_UNITS.containsKey(unit)) {
                String act = adjacentVerb(tokens, hedged ? i - 1 : i);
                Double anchor = null;
                int sign = -1;
                if (next.equals("ago")) {
                    LocalDate published = day(s.publishedAt());
                    anchor = published == null ? null : (double) published.toEpochDay();
                } else if ((next.equals("before") || next.equals("after")) && i + 4 < tokens.size()
                        && word(tokens.get(i + 3)).equals("the") && tokens.get(i + 4).pos().startsWith("NN")
                        && mainDay != null && sharesEvent(eventKeys(tokens.get(i + 4)), mainDayEvents)) {
                    anchor = (double) mainDay.toEpochDay();
                    sign = next.equals("before") ? -1 : 1;
                }
                if (act != null && anchor != null) {
                    double length = share * count * DAY_UNITS.get(unit);
                    found.add(new ActTime(s, act, false, true, anchor + sign * length,
                            hedged ? HEDGE * length : 0, DAY_UNITS.get(unit), persons(s, i)));
                }
            } else if (CLOCK_UNITS.containsKey(unit) && next.equals("later") && written.isEmpty()) {
                String act = clauseAct(tokens, i);
                Double anchor = laterThan(s, eventClocks);
                if (act != null && anchor != null) {
                    double length = share * count * CLOCK_UNITS.get(unit);
                    found.add(new ActTime(s, act, true, true, anchor + length, hedged ? HEDGE * length : 0,
                            CLOCK_UNITS.get(unit), persons(s, i)));
                }
            }
        }
        if (written.size() == 1) {
            Clock c = written.get(0);
            String act = clauseAct(tokens, c.token());
            if (act != null && !c.stateTime() && !repeated(tokens, c.token())) {
                found.add(new ActTime(s, act, true, false, c.hours(), c.slack(), 0, persons(s, c.token())));
            }
        }
        return found;
    }

    /** The act verb right before a count (auxiliaries and adverbs between): "had married two weeks", "was wed about". */
    private static String adjacentVerb(List<Token> tokens, int start) {
        for (int k = start - 1; k >= Math.max(0, start - 2); k--) {
            Token t = tokens.get(k);
            if (t.pos().startsWith("VB") && !AUXILIARIES.contains(lemma(t))) {
                return (t.pos().equals("VBD") || t.pos().equals("VBN")) && !NOT_ACTS.contains(lemma(t))
                        ? act(lemma(t)) : null;
            }
            if (!t.pos().startsWith("RB")) {
                return null;
            }
        }
        return null;
    }

    /**
     * The act a clause tells: catching a wanted person when it holds a verb of catching or finds someone hiding,
     * else its first verb that is an act.
     */
    private static String clauseAct(List<Token> tokens, int at) {
        int[] clause = clause(tokens, at);
        Set<String> verbs = new LinkedHashSet<>();
        for (int k = clause[0]; k <= clause[1]; k++) {
            if (tokens.get(k).pos().startsWith("VB")) {
                verbs.add(lemma(tokens.get(k)));
            }
        }
        if (verbs.stream().anyMatch(CAPTURING::contains) || verbs.contains("find") && verbs.contains("hide")) {
            return CAPTURE;
        }
        return verbs.stream().filter(v -> !NOT_ACTS.contains(v) && !AUXILIARIES.contains(v)).findFirst()
                .map(EventTimes::act).orElse(null);
    }

    private static String act(String lemma) {
        return CAPTURING.contains(lemma) ? CAPTURE : SAME_ACT.getOrDefault(lemma, lemma);
    }

    /**
     * Whether the clause of token {@code at} tells the act again, of another one ("a second platform was called
     * in", "arrested another man"): not the time of the act another report gives.
     */
    private static boolean repeated(List<Token> tokens, int at) {
        int[] clause = clause(tokens, at);
        for (int k = clause[0]; k <= clause[1]; k++) {
            if (REPEATED.contains(word(tokens.get(k)))) {
                return true;
            }
        }
        return false;
    }

    /** The first and last token of the clause that holds token {@code at}. */
    private static int[] clause(List<Token> tokens, int at) {
        int from = at;
        while (from > 0 && !CLAUSE_BREAKS.contains(tokens.get(from - 1).word())) {
            from--;
        }
        int to = at;
        while (to + 1 < tokens.size() && !CLAUSE_BREAKS.contains(tokens.get(to + 1).word())) {
            to++;
        }
        return new int[] {from, to};
    }

    /** The persons named in the clause of token {@code at} (last words, lower case). */
    private static Set<String> persons(Statement s, int at) {
        List<Token> tokens = s.tokens();
        Set<String> names = new HashSet<>();
        int[] clause = clause(tokens, at);
        for (int k = clause[0]; k <= clause[1]; k++) {
            Token t = tokens.get(k);
            boolean last = k + 1 > clause[1] || !tokens.get(k + 1).ner().equals("PERSON");
            if (t.ner().equals("PERSON") && last) {
                names.add(word(t));
            }
        }
        return names;
    }

    /**
     * What "N hours later" is later than: the clock time of the acts of the nearest of the two sentences before it
     * that names an act the story gives a clock time for, when that sentence's clocked acts agree on one.
     */
    private static Double laterThan(Statement s, Map<String, List<Double>> eventClocks) {
        List<List<Token>> sentences = s.article().annotation().tokens();
        int index = s.sentence().index();
        for (int back = 1; back <= LATER_REACH && index - back >= 0; back++) {
            List<Token> before = sentences.get(index - back);
            if (!clocks(before).isEmpty()) {
                return null; // a clock time of its own: what "later" counts from is that sentence's, not the story's
            }
            List<Double> clocks = new ArrayList<>();
            for (Token t : before) {
                for (String key : eventKeys(t)) {
                    clocks.addAll(eventClocks.getOrDefault(key, List.of()));
                }
            }
            if (!clocks.isEmpty()) {
                return oneClock(clocks);
            }
        }
        return null;
    }

    private static Double oneClock(List<Double> clocks) {
        double min = clocks.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = clocks.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return max - min <= ONE_CLOCK ? clocks.get(0) : null;
    }

    /** Each act's clock times over the story: the acts of the clause of a sentence's only clock time. */
    private static Map<String, List<Double>> eventClocks(List<Statement> statements) {
        Map<String, List<Double>> clocks = new HashMap<>();
        for (Statement s : statements) {
            List<Clock> found = clocks(s.tokens());
            if (found.size() != 1 || found.get(0).stateTime()) {
                continue;
            }
            List<Token> tokens = s.tokens();
            int[] clause = clause(tokens, found.get(0).token());
            Set<String> keys = new HashSet<>();
            for (int k = clause[0]; k <= clause[1]; k++) {
                keys.addAll(eventKeys(tokens.get(k)));
            }
            keys.forEach(k -> clocks.computeIfAbsent(k, x -> new ArrayList<>()).add(found.get(0).hours()));
        }
        return clocks;
    }

    /**
     * The keys an act word is known by: a verb's lemma; for a noun made of a verb with "-ing" ("shooting",
     * "stabbing", "bombing"), the verbs it may be made of.
     */
    private static Set<String> eventKeys(Token t) {
        String lemma = lemma(t);
        if (t.pos().startsWith("VB") && !NOT_ACTS.contains(lemma) && !AUXILIARIES.contains(lemma)) {
            return Set.of(lemma);
        }
        if (t.pos().startsWith("NN") && lemma.endsWith("ing") && lemma.length() > 5) {
            String stem = lemma.substring(0, lemma.length() - 3);
            Set<String> keys = new HashSet<>(List.of(stem, stem + "e"));
            if (stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
                keys.add(stem.substring(0, stem.length() - 1));
            }
            return keys;
        }
        return Set.of();
    }

    private static boolean sharesEvent(Set<String> keys, Set<String> events) {
        return keys.stream().anyMatch(events::contains);
    }

    // ---- the story's main day ----------------------------------------------------------------------------------

    /** The day most of the story's statements give (each once), when one day leads and at least two give it. */
    private static LocalDate mainDay(List<Statement> statements) {
        Map<LocalDate, Integer> counts = new LinkedHashMap<>();
        for (Statement s : statements) {
            days(s).forEach(d -> counts.merge(d, 1, Integer::sum));
        }
        LocalDate best = null;
        int top = 0;
        int second = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > top) {
                second = top;
                top = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return top >= 2 && top > second ? best : null;
    }

    /** The acts named by the statements that give the main day. */
    private static Set<String> eventsOn(List<Statement> statements, LocalDate day) {
        Set<String> events = new HashSet<>();
        for (Statement s : statements) {
            if (days(s).contains(day)) {
                s.tokens().forEach(t -> events.addAll(eventKeys(t)));
            }
        }
        return events;
    }

    private static Set<LocalDate> days(Statement s) {
        Set<LocalDate> days = new HashSet<>();
        s.times().stream().filter(t -> "DATE".equals(t.type()) && !t.inferred() && t.value() != null
                        && t.value().matches("\\d{4}-\\d{2}-\\d{2}") && !ClaimFinder.runInDateline(s, t))
                .forEach(t -> {
                    LocalDate d = day(t.value());
                    if (d != null) {
                        days.add(d);
                    }
                });
        return days;
    }

    // ---- clock times -------------------------------------------------------------------------------------------

    /**
     * A clock time as written.
     *
     * @param token     its first token
     * @param hours     hours after midnight ("just before midnight": 23.9)
     * @param slack     how far off its hedge lets it be
     * @param stateTime whether it times a state, not an act ("as of 11 p.m.", "by midnight")
     */
    private record Clock(int token, double hours, double slack, boolean stateTime) {
    }

    /** The clock times of a sentence: "3 p.m." (also written "3 p. m."), "10:30 am", "midnight", "noon". */
    private static List<Clock> clocks(List<Token> tokens) {
        List<Clock> clocks = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String w = word(tokens.get(i));
            Double hours = null;
            int end = i;
            if (w.equals("midnight")) {
                hours = 24.0;
            } else if (w.equals("noon") || w.equals("midday")) {
                hours = 12.0;
            } else if (w.matches("\\d{1,2}([:.]\\d{2})?(am|pm|a\\.m\\.|p\\.m\\.)?")) {
                String digits = w.replaceAll("(am|pm|a\\.m\\.|p\\.m\\.)$", "");
                String meridiem = w.substring(digits.length());
                if (meridiem.isEmpty() && i + 1 < tokens.size()) {
                    meridiem = word(tokens.get(i + 1));
                    end = i + 1;
                    if ((meridiem.equals("p.") || meridiem.equals("a.")) && i + 2 < tokens.size()
                            && word(tokens.get(i + 2)).startsWith("m")) {
                        meridiem = meridiem + word(tokens.get(i + 2));
                        end = i + 2;
                    }
                }
                String m = meridiem.replace(".", "");
                if (m.equals("am") || m.equals("pm")) {
                    String[] parts = digits.split("[:.]");
                    int h = Integer.parseInt(parts[0]);
                    int minutes = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                    if (h >= 1 && h <= 12 && minutes < 60) {
                        hours = (h % 12) + (m.equals("pm") ? 12 : 0) + minutes / 60.0;
                    }
                }
            }
            if (hours == null) {
                continue;
            }
            String before = i > 0 ? word(tokens.get(i - 1)) : "";
            String twoBefore = i > 1 ? word(tokens.get(i - 2)) : "";
            double slack = 0;
            if (HEDGES.contains(before)) {
                slack = 0.5;
            } else if (before.equals("before") || before.equals("after")) {
                double side = before.equals("before") ? -1 : 1;
                if (twoBefore.equals("just")) {
                    hours += side * 0.1;
                    slack = 0.25;
                } else if (twoBefore.equals("shortly") || twoBefore.equals("soon")) {
                    hours += side * 0.25;
                    slack = 0.5;
                } else {
                    continue; // "before 3 p.m.": a bound, not a time
                }
            }
            boolean state = STATE_TIMES.contains(before) || twoBefore.equals("as") && before.equals("of");
            clocks.add(new Clock(i, hours % 24, slack, state));
            i = end;
        }
        return clocks;
    }

    // ---- words -------------------------------------------------------------------------------------------------

    private static Integer count(Token t) {
        String w = word(t);
        if (t.pos().equals("CD") && w.matches("\\d{1,3}")) {
            return Integer.parseInt(w);
        }
        return t.pos().equals("CD") || t.pos().equals("DT") ? NUMBER_WORDS.get(w) : null;
    }

    private static LocalDate day(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(iso.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String word(Token t) {
        return t.word().toLowerCase(Locale.ROOT);
    }

    private static String lemma(Token t) {
        return (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
    }
}
