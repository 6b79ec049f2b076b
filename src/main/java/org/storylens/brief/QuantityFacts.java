package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.NumberMention;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.Token;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Figures as facts over time. A figure measures a quantity: its unit or counted noun (units as families: "m",
 * "metres" and "meters" are one; "people", "persons" and "residents" are one), the predicate of its clause ("people
 * <i>evacuated</i>", "the river <i>rose</i> by"), the person it belongs to (an age is always someone's) and the past
 * year it speaks of ("in 2009, when the river rose 1.8 metres"). Two figures are of the same quantity when all of these
 * agree and they come from two articles (or from one article that credits them to two named sources); figures of one
 * unit that measure different things ("lowered the reservoir by two metres", "a wall 40 metres long") are never
 * compared. Of the same quantity, values are compatible when the hedges allow it ("some 4 million" and "an estimated
 * 3.8 million"; "about a dozen" and 14; "more than 1,500" and 1,530); incompatible values reported on a later day are an
 * <b>update</b> of the earlier report, on the same day (or with no date to tell) a <b>dispute</b>. Stateless and
 * thread-safe; work is quadratic in the figures of a story, not in its sentences.
 */
final class QuantityFacts {

    /** How a later statement's figure stands to an earlier one's. */
    enum Relation { NONE, AGREEMENT, UPDATE, DISPUTE }

    /**
     * What a figure measures.
     *
     * @param unit       the unit family ("metre", "foot", "people", "crowns", "magnitude")
     * @param base       the unit it is compared in: feet and metres are both lengths in metres
     * @param scale      what one of its unit is in {@code base} (a foot is 0.3048 metres)
     * @param verbs      lemmas of the verbs of its clause, verbs of saying left out
     * @param nouns      lemmas of the other nouns of its clause
     * @param persons    the person it is told of: the one named last before it in its sentence, else all its sentence
     *                   names (lower case)
     * @param places     the places named in its sentence, each as its words (lower case)
     * @param ageOf      for an age, the last word of whose age it is, else null
     * @param pastPeriods the years before its report that its sentence speaks of, and the months other than its
     *                   report's it names without a day ("struck in September")
     * @param days       the weekdays its sentence names or dates fall on (1 Monday ... 7 Sunday)
     * @param harm       for a count of people, "kill", "injure" or "displace" when the figure counts the dead, the
     *                   hurt or those who had to leave their homes ("ten killed and 50 hurt" are two counts; "1,850
     *                   evacuated" and "1,400 have left their homes" one), else null
     * @param nationwide whether its clause makes it a whole country's ("as part of nationwide strikes"): never
     *                   compared with the figure of one place
     * @param part       whether it counts a part of a total it is given with ("3 of his 11 rebounds", "10 of the
     *                   team's first 17 points"): never compared
     * @param head       for a figure joined to its unit by a hyphen before a noun ("an 86-yard touchdown run", "a
     *                   10-fight winning streak"), the lemma of that noun, which it measures, else null
     * @param tally      the counted events its sentence sums it over ("seized a total of 14 rifles during the five
     *                   operations": "5 operation"); a sum over events is never compared with a figure of one
     * @param place      the place named in its own clause ("52 percent in Egypt", "in Egypt were down by 80 percent"),
     *                   lower case, else null: figures of two places are never compared
     * @param perPlace   whether its sentence gives figures of its unit for several places ("55 percent in Saudi Arabia,
     *                   52 percent in Egypt"): then it is compared only with a figure of its own place
     * @param stretch    the part of the event its sentence tells of ("in the second half", "during the deciding run"),
     *                   else null: compared only with a figure of the same stretch
     */
    record Quantity(String unit, String base, double scale, Set<String> verbs, Set<String> nouns, Set<String> persons,
                    Set<List<String>> places, String ageOf, Set<String> pastPeriods, Set<String> days, String harm,
                    boolean nationwide, boolean part, String head, Set<String> tally, String place, boolean perPlace,
                    String stretch) {

        Quantity givenPerPlace() {
            return new Quantity(unit, base, scale, verbs, nouns, persons, places, ageOf, pastPeriods, days, harm,
                    nationwide, part, head, tally, place, true, stretch);
        }
    }

    /**
     * Same-meaning statements split by the value they give of one quantity.
     *
     * @param byValue one part per value (compatible values together), oldest value first; a single part when no two
     *                statements give incompatible values
     * @param silent  the statements that give no value of that quantity
     */
    record Split(List<List<Statement>> byValue, List<Statement> silent) {
    }

    /**
     * A figure of an article's sentence and what it measures.
     *
     * @param number       the figure
     * @param article      its article
     * @param sentence     its sentence
     * @param quantity     what it measures
     * @param articleWords the lower-case words of its article, to tell whether a place it names is known there
     */
    record Figure(NumberMention number, AnalysedArticle article, Sentence sentence, Quantity quantity,
                  Set<String> articleWords) {

        String articleId() {
            return article.article().id();
        }

        String publishedAt() {
            return article.article().publishedAt();
        }
    }

    /** The clause around a figure reaches this many tokens either way, or the nearest comma, colon or bracket. */
    private static final int CLAUSE_REACH = 8;
    private static final int HALF_A_YEAR = 183;
    /**
     * Reports of one quantity differ by less than this factor (the gold's widest: a death toll updated from 3 to 10;
     * disputed falls of 60 and 150 metres); figures further apart measure different things: another event, a part
     * and the whole, one player's yards and the team's.
     */
    private static final double APART = 4.0;
    private static final Map<String, String> WEEKDAYS = Map.ofEntries(Map.entry("monday", "1"),
            Map.entry("tuesday", "2"), Map.entry("wednesday", "3"), Map.entry("thursday", "4"),
            Map.entry("friday", "5"), Map.entry("saturday", "6"), Map.entry("sunday", "7"), Map.entry("mon", "1"),
            Map.entry("tue", "2"), Map.entry("tues", "2"), Map.entry("wed", "3"), Map.entry("thu", "4"),
            Map.entry("thur", "4"), Map.entry("thurs", "4"), Map.entry("fri", "5"), Map.entry("sat", "6"),
            Map.entry("sun", "7"));
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("january", 1),
            Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4), Map.entry("june", 6),
            Map.entry("july", 7), Map.entry("august", 8), Map.entry("september", 9), Map.entry("october", 10),
            Map.entry("november", 11), Map.entry("december", 12));
    /** Prepositions before a count of events a figure is summed over: "during the five operations". */
    /** Events a figure can be summed over. */
    private static final Set<String> EVENT_NOUNS = Set.of("operations", "raids", "attacks", "missions", "patrols",
            "strikes", "incidents", "games", "matches", "seasons", "races", "rounds", "fights", "bouts",
            "tournaments", "elections", "trips", "visits");
    /** Words before a figure that make it count a stretch of a whole: "his first 17 passes", "its next 23 games". */
    private static final Set<String> STRETCHES = Set.of("first", "last", "next", "final", "opening", "past",
            "previous", "closing", "initial");
    /** Stretches of play an ordinal or word of order can name: "the second half", "the deciding run". */
    private static final Set<String> STRETCH_NOUNS = Set.of("half", "quarter", "period", "inning", "innings", "set",
            "run", "stretch", "spell", "minutes", "overtime", "lap", "laps", "leg");
    private static final Set<String> STRETCH_ORDER = Set.of("first", "second", "third", "fourth", "fifth", "final",
            "opening", "deciding", "last", "closing", "late", "early");
    /** Tags of a proper noun that may be a person the name finder missed. */
    private static final Set<String> SUBJECT_TAGS = Set.of("O", "ORGANIZATION", "MISC");
    private static final Set<String> OVER_EVENTS = Set.of("during", "in", "over", "across", "throughout");
    private static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", ":", "(", ")", "-LRB-", "-RRB-", "--", "—",
            "–", ".", "!", "?", "``", "''", "\"", "“", "”");
    private static final Set<String> NO_PREDICATE = Set.of("be", "have", "do", "say", "tell", "add", "state",
            "report", "announce", "confirm", "claim", "note", "quote", "show", "will", "would", "can", "could", "may",
            "might", "must", "shall", "should", "get", "accord", "believe", "estimate", "expect", "give");
    private static final Set<String> NO_TOPIC = Set.of("number", "total", "figure", "estimate", "people", "person",
            "lot", "part", "one", "time", "year", "day", "week", "month", "hour", "minute", "official", "report",
            "country", "government", "state", "nation", "world", "city", "town", "area", "region");
    /** Words that make a figure a whole country's: not comparable with one of a figure of a named place. */
    private static final Set<String> NATIONWIDE = Set.of("nationwide", "countrywide", "nationally");
    private static final Set<String> PEOPLE = Set.of("people", "person", "persons", "resident", "residents",
            "inhabitant", "inhabitants", "evacuee", "evacuees", "villager", "villagers", "civilian", "civilians",
            "individual", "individuals");
    /** Nouns that stand for a person not named: a figure told of one may be a named person's. */
    private static final Set<String> PERSON_NOUNS = Set.of("man", "woman", "boy", "girl", "child", "person",
            "climber", "victim", "driver", "passenger", "suspect", "officer", "soldier", "worker", "resident",
            "student", "teenager", "player", "gunman", "hiker", "pilot", "mother", "father", "son", "daughter");
    /** Units compared after conversion: family → base unit and the size of one in it. */
    private static final Map<String, Map.Entry<String, Double>> CONVERSIONS = Map.of(
            "foot", Map.entry("metre", 0.3048), "mile", Map.entry("kilometre", 1.609344),
            "pound", Map.entry("kilogram", 0.45359237));
    /** Values converted from another unit were rounded on the way: they agree this closely. */
    private static final double CONVERSION = 0.05;
    private static final Map<String, String> UNIT_FAMILIES = Map.ofEntries(Map.entry("m", "metre"),
            Map.entry("metre", "metre"), Map.entry("meter", "metre"), Map.entry("km", "kilometre"),
            Map.entry("kilometre", "kilometre"), Map.entry("kilometer", "kilometre"), Map.entry("ft", "foot"),
            Map.entry("feet", "foot"), Map.entry("foot", "foot"), Map.entry("mi", "mile"), Map.entry("mile", "mile"),
            Map.entry("kg", "kilogram"), Map.entry("kilogram", "kilogram"), Map.entry("kilo", "kilogram"),
            Map.entry("lb", "pound"), Map.entry("lbs", "pound"), Map.entry("cm", "centimetre"),
            Map.entry("centimetre", "centimetre"), Map.entry("centimeter", "centimetre"),
            Map.entry("mm", "millimetre"), Map.entry("millimetre", "millimetre"),
            Map.entry("millimeter", "millimetre"), Map.entry("year", "years"), Map.entry("years", "years"));
    /** Words of killing and hurting, by the count they make. */
    private static final Map<String, String> HARM = Map.ofEntries(Map.entry("kill", "kill"),
            Map.entry("killed", "kill"), Map.entry("dead", "kill"), Map.entry("die", "kill"),
            Map.entry("injure", "injure"), Map.entry("injured", "injure"), Map.entry("hurt", "injure"),
            Map.entry("wound", "injure"), Map.entry("wounded", "injure"), Map.entry("evacuate", "displace"),
            Map.entry("evacuated", "displace"), Map.entry("evacuee", "displace"), Map.entry("evacuees", "displace"),
            Map.entry("displace", "displace"), Map.entry("displaced", "displace"));
    /** Verbs that count the displaced when their clause says "home": "forced from their homes", "left their homes". */
    private static final Set<String> FROM_HOME = Set.of("leave", "force", "flee", "drive");
    /** Words between a count and the verb that says what it counts: "were", "at least", "another". */
    private static final Set<String> HARM_GAP = Set.of("were", "was", "are", "is", "have", "has", "had", "been",
            "being", "reportedly", "other", "another", "some", "about", "around", "at", "least", "more", "than",
            "nearly", "almost", "over", "an", "estimated", "up", "to", "seriously", "critically", "badly", "also",
            "now", "already", "since");
    /** Hedges that make a value a round approximation, and by how much it may miss. */
    private static final List<String> APPROXIMATE = List.of("about", "around", "nearly", "almost", "some",
            "approximately", "roughly", "estimated", "an estimated");
    private static final double APPROXIMATION = 0.1;
    /** "about a dozen", "some hundreds": a number word is itself a round figure, twice as loose. */
    private static final double WORD_APPROXIMATION = 0.25;
    /** Values this close are one figure rounded two ways ("3.8 million" and 3,812,000). */
    private static final double ROUNDING = 0.005;
    /** A whole value at least this large, or any fraction, is rarely given of two things in one story. */
    private static final double TELLING = 100;

    /** The figures of a statement that have a unit, with what they measure. */
    List<Figure> figures(Statement s) {
        return figures(s.article(), s.sentence(), s.tokens());
    }

    /** The figures of an article's sentence that have a unit, with what they measure. */
    List<Figure> figures(AnalysedArticle article, Sentence sentence, List<Token> tokens) {
        List<Figure> figures = new ArrayList<>();
        Set<String> words = null;
        for (NumberMention n : article.numbers()) {
            if (n.sentence() == sentence.index() && n.unit() != null && !n.unit().isBlank()) {
                if (words == null) {
                    words = new HashSet<>();
                    for (var other : article.sentences()) {
                        for (String w : other.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                            words.add(w);
                        }
                    }
                }
                figures.add(new Figure(n, article, sentence, quantity(n, article, sentence, tokens), words));
            }
        }
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            if (f.quantity().place() != null && figures.stream().anyMatch(g -> g.quantity().place() != null
                    && g.quantity().unit().equals(f.quantity().unit())
                    && !g.quantity().place().equals(f.quantity().place()))) {
                figures.set(i, new Figure(f.number(), article, sentence, f.quantity().givenPerPlace(), words));
            }
        }
        return figures;
    }

    /** Whether two figures measure the same thing (see the class comment). */
    boolean sameQuantity(Figure a, Figure b) {
        Quantity x = a.quantity();
        Quantity y = b.quantity();
        if (!x.base().equals(y.base()) || !x.pastPeriods().equals(y.pastPeriods())) {
            return false;
        }
        if (x.part() || y.part() || !java.util.Objects.equals(x.stretch(), y.stretch())) {
            return false; // "blocked two shots during the deciding run" is not "blocked six shots"
        }
        if (x.place() != null && y.place() != null ? !x.place().equals(y.place())
                : (x.perPlace() || y.perPlace())) {
            return false; // "52 percent in Egypt" is not "82 percent in India", nor the continents' "70%"
        }
        if (!x.tally().equals(y.tally())) {
            return false; // "14 rifles during the five operations" is not "six rifles during the operation"
        }
        if (!sameHead(x, y) || !sameHead(y, x)) {
            return false; // "an 86-yard touchdown run" is not "rushed for 226 yards"; "a 60m fall" may be "fell 150 m"
        }
        double u = Math.abs(a.number().value() * x.scale());
        double v = Math.abs(b.number().value() * y.scale());
        if (Math.max(u, v) > APART * Math.min(u, v)) {
            return false; // "10 killed" and "more than 31,000 killed": two events, not one count in dispute
        }
        if (a.articleId().equals(b.articleId())) {
            String s = a.number().attributedTo();
            String t = b.number().attributedTo();
            if (s == null || t == null || s.equalsIgnoreCase(t) || a.number().span().equals(b.number().span())) {
                return false; // one article's figures of one unit are different things unless two sources give them
            }
        }
        boolean sameHarm = x.harm() != null && x.harm().equals(y.harm());
        if ((x.harm() != null || y.harm() != null) && !sameHarm) {
            return false; // the dead and the hurt are two counts, however many verbs their clauses share
        }
        if (x.unit().equals("years")) {
            // an age is someone's, and it grows: compared only between reports dated within half a year
            return x.ageOf() != null && sameName(x.ageOf(), y.ageOf()) && withinHalfAYear(a, b);
        }
        if (!x.persons().isEmpty() && !y.persons().isEmpty()
                && x.persons().stream().noneMatch(p -> y.persons().stream().anyMatch(q -> sameName(p, q)))) {
            return false;
        }
        if (x.harm() == null && !x.base().equals("people") && x.persons().isEmpty() != y.persons().isEmpty()
                && (x.persons().isEmpty() ? x : y).nouns().stream().noneMatch(PERSON_NOUNS::contains)) {
            return false; // "Charles rushed for 226 yards" is not "the Chiefs ended with 352 yards rushing"; "a British
                          // man fell 2,000 ft" may be the named climber who fell 700 m
        }
        if (x.nationwide() != y.nationwide()) {
            return false; // "100,000 marched in nationwide strikes" and "20,000 marched in Athens"
        }
        if (laterDay(a, b) == 0 && !x.days().isEmpty() && !y.days().isEmpty()
                && x.days().stream().noneMatch(y.days()::contains)) {
            return false; // reports of one day (or undated) on two different days: two events ("fell on Friday",
                          // "fell on Saturday"), not one figure in dispute
        }
        if (!placesKnown(a, b) || !placesKnown(b, a)) {
            return false; // "ten killed in Qeshm" and "a dozen killed in eastern China", which Qeshm's report never names
        }
        if (sameHarm) {
            return true; // the same count of people in other words: "were evacuated", "have left their homes"
        }
        if (!x.verbs().isEmpty() && !y.verbs().isEmpty()) {
            return x.verbs().stream().anyMatch(y.verbs()::contains);
        }
        if (x.verbs().isEmpty() != y.verbs().isEmpty() && x.harm() == null) {
            return false; // "a town of about 9,000 people" is not "forcing about 1,200 people to leave"
        }
        return x.nouns().stream().anyMatch(y.nouns()::contains);
    }

    /**
     * Counts of {@link #EVENT_NOUNS events} a sentence sums over: "during the five operations", "in their 12 games"
     * ({@link Quantity#tally}).
     */
    private static Set<String> tally(List<Token> tokens) {
        Set<String> tally = new HashSet<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (!OVER_EVENTS.contains(tokens.get(i).word().toLowerCase(Locale.ROOT))) {
                continue;
            }
            int k = i + 1;
            if (tokens.get(k).pos().equals("DT") || tokens.get(k).pos().equals("PRP$")) {
                k++;
            }
            if (k + 1 < tokens.size() && tokens.get(k).pos().equals("CD") && tokens.get(k + 1).pos().equals("NNS")) {
                Token noun = tokens.get(k + 1);
                if (!EVENT_NOUNS.contains(noun.word().toLowerCase(Locale.ROOT))) {
                    continue; // "over the past 48 hours", "by a little over three metres", "in two schools"
                }
                tally.add(tokens.get(k).word().toLowerCase(Locale.ROOT) + " "
                        + (noun.lemma() == null ? noun.word() : noun.lemma()).toLowerCase(Locale.ROOT));
            }
        }
        return tally;
    }

    /** Whether a figure measuring a noun ({@link Quantity#head}) can be the other's: the other names it too. */
    private static boolean sameHead(Quantity x, Quantity y) {
        return x.head() == null || x.head().equals(y.head()) || y.verbs().contains(x.head())
                || y.nouns().contains(x.head());
    }

    /**
     * The noun a figure written as a hyphenated modifier measures: "86-yard touchdown run" and "86 - yard touchdown
     * run" give "run"; null when the figure is not joined to its unit by a hyphen or no noun follows.
     */
    private static String head(List<Token> tokens, int last, double value) {
        int k = last + 1;
        boolean hyphen = tokens.get(last).word().matches(".*\\d-\\p{L}+");
        if (!hyphen && k + 1 < tokens.size() && tokens.get(k).word().equals("-")
                && tokens.get(k + 1).word().matches("\\p{L}+")) {
            hyphen = true;
            k += 2;
        }
        if (!hyphen && Math.abs(value) > 1 && k + 1 < tokens.size() && tokens.get(k).pos().equals("NN")
                && tokens.get(k).word().matches("\\p{Ll}+") && (tokens.get(k + 1).pos().startsWith("NN")
                || tokens.get(k + 1).pos().startsWith("JJ") || tokens.get(k + 1).pos().equals("VBG"))) {
            hyphen = true; // "an 86 yard rushing touchdown": a singular unit after a count is a modifier, as with a hyphen
            k++;
        }
        if (!hyphen) {
            return null;
        }
        String head = null;
        for (; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.pos().startsWith("NN")) {
                head = (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
            } else if (!(t.pos().startsWith("JJ") || t.pos().equals("VBG")) || head != null) {
                break;
            }
        }
        return head;
    }

    /**
     * Whether the name starting at this character offset is a verb's or a preposition's object ("Artino complemented
     * Echenique by scoring 14 points", "a pass to Smith"): the figures after it are not told of it.
     */
    private static boolean governed(List<Token> tokens, int start) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).span().start() == start) {
                if (i == 0) {
                    return false;
                }
                String pos = tokens.get(i - 1).pos();
                return pos.startsWith("VB") || pos.equals("IN") || pos.equals("TO");
            }
        }
        return false;
    }

    /**
     * The proper noun nearest before the figure that no verb or preposition governs and that the name finder did not
     * take for a person or a place ("Artino" in "Artino complemented Echenique by scoring 14 points", whether left
     * untagged or taken for an organisation), its last word in lower case; null when there is none.
     */
    private static String untaggedSubject(List<Token> tokens, int first) {
        for (int i = first - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (!t.pos().startsWith("NNP") || !SUBJECT_TAGS.contains(t.ner())) {
                continue;
            }
            int start = i;
            while (start > 0 && tokens.get(start - 1).pos().startsWith("NNP")
                    && SUBJECT_TAGS.contains(tokens.get(start - 1).ner())) {
                start--;
            }
            boolean governed = start > 0 && (tokens.get(start - 1).pos().startsWith("VB")
                    || tokens.get(start - 1).pos().equals("IN") || tokens.get(start - 1).pos().equals("TO"));
            if (!governed) {
                return tokens.get(i).word().toLowerCase(Locale.ROOT);
            }
            i = start;
        }
        return null;
    }

    /**
     * The part of an event a sentence speaks of: a stretch of play named with an ordinal or a word of order ("in the
     * second half", "during the game's deciding 15 - 2 run", "in the final minutes"), as "second half"; else null.
     */
    private static String stretch(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!STRETCH_NOUNS.contains(tokens.get(i).word().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
                String w = tokens.get(k).word().toLowerCase(Locale.ROOT);
                if (STRETCH_ORDER.contains(w) || tokens.get(k).pos().equals("JJ") && w.matches("\\d*(st|nd|rd|th)")) {
                    return w + " " + tokens.get(i).word().toLowerCase(Locale.ROOT);
                }
                if (CLAUSE_BREAKS.contains(tokens.get(k).word()) || tokens.get(k).pos().startsWith("VB")) {
                    break;
                }
            }
        }
        return null;
    }

    /**
     * Whether the figure starting at token {@code first} counts a stretch of a whole ("completed his first 17 passes",
     * "won 18 of its next 23 games", "in each of the past five seasons"): a part, never compared with the whole's.
     */
    private static boolean scoped(List<Token> tokens, int first) {
        return first > 0 && STRETCHES.contains(tokens.get(first - 1).word().toLowerCase(Locale.ROOT));
    }

    /**
     * The place named in the figure's own phrase: after it, before a verb or "and" ("52 percent in Egypt", "82 percent
     * of India's voice traffic"), else before it, after the last "and" or other figure ("in Egypt were down by 80
     * percent"); lower case, null when it names none.
     */
    private static String clausePlace(List<Token> tokens, int first, int last) {
        for (int i = last + 1; i < Math.min(tokens.size(), last + 1 + CLAUSE_REACH); i++) {
            Token t = tokens.get(i);
            if (t.ner().equals("LOCATION")) {
                return placeAt(tokens, i);
            }
            if (CLAUSE_BREAKS.contains(t.word()) || t.pos().startsWith("VB") || t.pos().equals("CC")
                    || t.pos().equals("CD")) {
                break;
            }
        }
        for (int i = first - 1; i >= Math.max(0, first - CLAUSE_REACH); i--) {
            Token t = tokens.get(i);
            if (t.ner().equals("LOCATION")) {
                return placeAt(tokens, i);
            }
            if (CLAUSE_BREAKS.contains(t.word()) || t.pos().equals("CC") || t.pos().equals("CD")) {
                break;
            }
        }
        return null;
    }

    private static String placeAt(List<Token> tokens, int i) {
        int start = i;
        int end = i;
        while (start > 0 && tokens.get(start - 1).ner().equals("LOCATION")) {
            start--;
        }
        while (end + 1 < tokens.size() && tokens.get(end + 1).ner().equals("LOCATION")) {
            end++;
        }
        return name(tokens, start, end);
    }

    /** Whether the figure ending at token {@code last} is followed by "of" and a total: "3 of his 11 rebounds". */
    private static boolean partOf(List<Token> tokens, int last) {
        int i = last + 1;
        if (i >= tokens.size() || !tokens.get(i).word().equalsIgnoreCase("of")) {
            return false;
        }
        for (int k = i + 1; k < Math.min(tokens.size(), i + 6); k++) {
            String pos = tokens.get(k).pos();
            if (pos.equals("CD")) {
                return true;
            }
            if (!(pos.equals("DT") || pos.equals("PRP$") || pos.equals("POS") || pos.startsWith("JJ")
                    || pos.startsWith("NN"))) {
                return false;
            }
        }
        return false;
    }

    /** Whether the clause around tokens [first, last] makes a figure a whole country's ("as part of nationwide strikes"). */
    private static boolean nationwide(List<Token> tokens, int first, int last) {
        if (first < 0) {
            return false;
        }
        int reach = CLAUSE_REACH + CLAUSE_REACH / 2; // "took to the streets as part of nationwide strikes"
        for (int i = Math.max(0, first - reach); i < Math.min(tokens.size(), last + 1 + reach); i++) {
            if (NATIONWIDE.contains(tokens.get(i).word().toLowerCase(Locale.ROOT))
                    && (i < first ? noBreak(tokens, i, first) : noBreak(tokens, last, i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether two figures are the same person's age, whenever they were reported. */
    static boolean sameAge(Figure a, Figure b) {
        return a.quantity().unit().equals("years") && b.quantity().unit().equals("years")
                && a.quantity().ageOf() != null && sameName(a.quantity().ageOf(), b.quantity().ageOf());
    }

    /** Whether two values of one quantity can both be true, by their hedges. */
    static boolean compatible(Figure a, Figure b) {
        double x = a.number().value() * a.quantity().scale();
        double y = b.number().value() * b.quantity().scale();
        double rounding = a.quantity().scale() == b.quantity().scale() ? ROUNDING : CONVERSION;
        if (x == y || Math.abs(x - y) <= rounding * Math.max(Math.abs(x), Math.abs(y))) {
            return true;
        }
        return allows(a, y, rounding) || allows(b, x, rounding);
    }

    private static boolean allows(Figure f, double other, double rounding) {
        double v = f.number().value() * f.quantity().scale();
        String q = f.number().qualifier() == null ? "" : f.number().qualifier().toLowerCase(Locale.ROOT);
        boolean word = writtenAsWord(f);
        // a hedge's slack and a conversion's rounding are not added up: "about 2,000 ft" is not 700 m
        double loose = Math.max(word ? WORD_APPROXIMATION : APPROXIMATION, rounding) * Math.abs(v);
        double slack = rounding == ROUNDING ? 0 : rounding * Math.abs(v);
        if (q.contains("more than") || q.contains("over") || q.contains("at least") || q.contains("above")) {
            return other >= v - slack;
        }
        if (q.contains("up to") || q.contains("less than") || q.contains("under") || q.contains("at most")
                || q.contains("fewer") || q.contains("within")) {
            return other <= v + slack;
        }
        if (q.equals("nearly") || q.equals("almost")) {
            return other <= v + slack && other >= v - loose;
        }
        if (APPROXIMATE.contains(q)) {
            return Math.abs(other - v) <= loose;
        }
        return false;
    }

    private static boolean writtenAsWord(Figure f) {
        String text = f.sentence().text();
        int offset = f.sentence().span().start();
        int start = f.number().span().start() - offset;
        int end = f.number().span().end() - offset;
        if (text == null || start < 0 || end > text.length() || start >= end) {
            return false;
        }
        return text.substring(start, end).chars().noneMatch(Character::isDigit);
    }

    /**
     * How the figures of two statements stand: an update or a dispute when they give incompatible values of one
     * quantity that neither statement also gives a compatible value of (the first such pair decides), an agreement
     * when they give compatible ones, else none.
     */
    Relation relation(List<Figure> earlier, List<Figure> later) {
        Relation found = Relation.NONE;
        for (Figure a : earlier) {
            for (Figure b : later) {
                if (!sameQuantity(a, b)) {
                    continue;
                }
                if (compatible(a, b)) {
                    found = Relation.AGREEMENT;
                } else if (!agreedBy(a, later) && !agreedBy(b, earlier)) {
                    return laterDay(a, b) != 0 ? Relation.UPDATE : Relation.DISPUTE;
                }
            }
        }
        return found;
    }

    /**
     * Whether the other statement gives a value of this figure's quantity that agrees with it: then its other values
     * of that unit are of other things ("404 yards rushing and 440 yards receiving" against "404 yards rushing ... 52
     * catches for 440 yards"; "32 million, compared with 55.3 million a decade ago" against "55.3 million tuned in").
     */
    private boolean agreedBy(Figure f, List<Figure> others) {
        return others.stream().anyMatch(o -> sameQuantity(f, o) && compatible(f, o)) || givesValue(f, others);
    }

    /**
     * Whether the sentence of the other figures gives this figure's value, if telling, with or without a unit: "55.3
     * million people tuned in" and "compared with 55.3 million a decade ago" speak of one audience.
     */
    private static boolean givesValue(Figure f, List<Figure> others) {
        double x = f.number().value();
        if (Math.abs(x) < TELLING && x == Math.rint(x)) {
            return false; // a small whole count: many things in a story share it
        }
        return others.stream().map(o -> Map.entry(o.article(), o.sentence().index())).distinct()
                .anyMatch(e -> e.getKey().numbers().stream().anyMatch(n -> n.sentence() == e.getValue()
                        && Math.abs(n.value() - x) <= ROUNDING * Math.abs(x)));
    }


    /**
     * Splits same-meaning statements by the value they give of one quantity, when two of them give incompatible
     * values: one part per value (compatible values together), statements that give none with the first part.
     */
    Split split(List<Statement> members) {
        Split whole = new Split(List.of(members), List.of());
        if (members.size() < 2) {
            return whole;
        }
        Map<Statement, List<Figure>> figures = new LinkedHashMap<>();
        members.forEach(m -> figures.put(m, figures(m)));
        Figure reference = null;
        for (int i = 0; i < members.size() && reference == null; i++) {
            for (int j = i + 1; j < members.size() && reference == null; j++) {
                for (Figure a : figures.get(members.get(i))) {
                    for (Figure b : figures.get(members.get(j))) {
                        if (reference == null && sameQuantity(a, b) && !compatible(a, b)
                                && !agreedBy(a, figures.get(members.get(j)))
                                && !agreedBy(b, figures.get(members.get(i)))) {
                            reference = a;
                        }
                    }
                }
            }
        }
        if (reference == null) {
            return whole;
        }
        Map<Figure, List<Statement>> byValue = new LinkedHashMap<>();
        List<Statement> silent = new ArrayList<>();
        for (Statement m : members) {
            Figure own = null;
            for (Figure f : figures.get(m)) {
                if (own == null && (f == reference || sameQuantity(reference, f))) {
                    own = f;
                }
            }
            if (own == null) {
                silent.add(m);
                continue;
            }
            Figure value = own;
            Figure home = byValue.keySet().stream().filter(k -> compatible(k, value)).findFirst().orElse(own);
            byValue.computeIfAbsent(home, k -> new ArrayList<>()).add(m);
        }
        if (byValue.size() < 2) {
            return whole;
        }
        List<List<Statement>> parts = new ArrayList<>(byValue.values());
        parts.forEach(p -> p.sort(Comparator.comparingInt(Statement::articleOrder)));
        return new Split(parts, silent);
    }

    /**
     * Whether the statements of {@code b} were all reported on a later day than those of {@code a} (1), all on an
     * earlier day (-1), or neither can be told (0: the same day, or a date missing).
     */
    static int laterDay(List<Statement> a, List<Statement> b) {
        LocalDate aFirst = null;
        LocalDate aLast = null;
        LocalDate bFirst = null;
        LocalDate bLast = null;
        for (Statement s : a) {
            LocalDate d = day(s.publishedAt());
            if (d == null) {
                return 0;
            }
            aFirst = aFirst == null || d.isBefore(aFirst) ? d : aFirst;
            aLast = aLast == null || d.isAfter(aLast) ? d : aLast;
        }
        for (Statement s : b) {
            LocalDate d = day(s.publishedAt());
            if (d == null) {
                return 0;
            }
            bFirst = bFirst == null || d.isBefore(bFirst) ? d : bFirst;
            bLast = bLast == null || d.isAfter(bLast) ? d : bLast;
        }
        if (aLast == null || bFirst == null) {
            return 0;
        }
        if (aLast.isBefore(bFirst)) {
            return 1;
        }
        return bLast.isBefore(aFirst) ? -1 : 0;
    }

    /** Whether the other figure's article names one of the places this figure's sentence names (or it names none). */
    private static boolean placesKnown(Figure a, Figure b) {
        return a.quantity().places().isEmpty() || a.quantity().places().stream()
                .anyMatch(place -> place.stream().anyMatch(b.articleWords()::contains));
    }

    /** "John Jenkin" and "Jenkin" are one name; "John Jenkin" and "Kathryn Jenkin" are two. */
    private static boolean sameName(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        boolean aSingle = !a.contains(" ");
        boolean bSingle = !b.contains(" ");
        return (aSingle || bSingle) && lastWord(a).equals(lastWord(b));
    }

    private static boolean withinHalfAYear(Figure a, Figure b) {
        LocalDate x = day(a.publishedAt());
        LocalDate y = day(b.publishedAt());
        return x != null && y != null && Math.abs(x.toEpochDay() - y.toEpochDay()) <= HALF_A_YEAR;
    }

    private static int laterDay(Figure a, Figure b) {
        LocalDate x = day(a.publishedAt());
        LocalDate y = day(b.publishedAt());
        return x == null || y == null || x.equals(y) ? 0 : x.isBefore(y) ? 1 : -1;
    }

    private static LocalDate day(String publishedAt) {
        if (publishedAt == null || publishedAt.length() < 10) {
            return null;
        }
        try {
            return publishedAt.length() > 10 ? OffsetDateTime.parse(publishedAt).toLocalDate()
                    : LocalDate.parse(publishedAt);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(publishedAt.substring(0, 10));
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    // ---- what a figure measures ------------------------------------------------------------------------------

    private static Quantity quantity(NumberMention n, AnalysedArticle article, Sentence sentence, List<Token> tokens) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.span().end() > n.span().start() && t.span().start() < n.span().end()) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        Set<String> verbs = new HashSet<>();
        Set<String> nouns = new HashSet<>();
        String unit = unitFamily(n.unit());
        if (first >= 0) {
            for (int i = first - 1; i >= Math.max(0, first - CLAUSE_REACH); i--) {
                if (CLAUSE_BREAKS.contains(tokens.get(i).word())) {
                    break;
                }
                collect(tokens.get(i), unit, verbs, nouns);
            }
            for (int i = last + 1; i < Math.min(tokens.size(), last + 1 + CLAUSE_REACH); i++) {
                if (CLAUSE_BREAKS.contains(tokens.get(i).word())) {
                    break;
                }
                collect(tokens.get(i), unit, verbs, nouns);
            }
        }
        Set<String> persons = new HashSet<>();
        Set<List<String>> places = new HashSet<>();
        String nearest = null;
        List<EntityMention> entities = article.entities().stream().filter(e -> e.sentence() == sentence.index())
                .toList();
        String nearestObject = null;
        for (var e : entities) {
            if ("PERSON".equals(e.type().name()) && e.span().end() <= n.span().start() && !e.text().isBlank()) {
                if (governed(tokens, e.span().start())) {
                    nearestObject = e.text().toLowerCase(Locale.ROOT).strip();
                } else {
                    nearest = e.text().toLowerCase(Locale.ROOT).strip();
                }
            }
        }
        boolean namesPersons = entities.stream().anyMatch(e -> "PERSON".equals(e.type().name()));
        if (nearest == null && first >= 0 && namesPersons) {
            // "Artino complemented Echenique by scoring 14 points": a name the name finder missed, not the other one
            nearest = untaggedSubject(tokens, first);
        }
        if (nearest == null) {
            nearest = nearestObject; // "... said of Jenkin, 54": the only one it can be told of
        }
        if (nearest != null) {
            persons.add(nearest);
        }
        boolean allPersons = nearest == null;
        entities.forEach(e -> {
            String name = e.text().toLowerCase(Locale.ROOT).strip();
            if ("PERSON".equals(e.type().name()) && !name.isEmpty() && allPersons) {
                persons.add(name);
            } else if ("LOCATION".equals(e.type().name()) && !name.isEmpty()) {
                places.add(List.of(name.split("[^\\p{L}\\p{N}]+")));
            }
        });
        String ageOf = unit.equals("years") && first >= 0 ? ageOf(tokens, first, last) : null;
        Map.Entry<String, Double> converted = CONVERSIONS.getOrDefault(unit, Map.entry(unit, 1.0));
        String harm = unit.equals("people") && first >= 0 ? harm(n.unit(), tokens, first, last) : null;
        return new Quantity(unit, converted.getKey(), converted.getValue(), verbs, nouns, persons, places, ageOf,
                pastPeriods(article, tokens, first, last), days(tokens), harm, nationwide(tokens, first, last),
                first >= 0 && (partOf(tokens, last) || scoped(tokens, first)),
                first >= 0 && !unit.equals("years") ? head(tokens, last, n.value()) : null, tally(tokens),
                first >= 0 ? clausePlace(tokens, first, last) : null, false, stretch(tokens));
    }

    private static void collect(Token t, String unit, Set<String> verbs, Set<String> nouns) {
        String lemma = (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
        if (!t.ner().equals("O") && !t.ner().equals("NUMBER")) {
            return; // names, dates and times say where and when, not what
        }
        if (t.pos().startsWith("VB") && !NO_PREDICATE.contains(lemma)) {
            verbs.add(lemma);
        } else if ((t.pos().equals("NN") || t.pos().equals("NNS")) && !NO_TOPIC.contains(lemma)
                && !unitFamily(lemma).equals(unit)) {
            nouns.add(lemma);
        }
    }

    /**
     * Whether a count of people counts the dead or the hurt: its unit as written ("50 injured"), the participle after
     * it ("ten people were killed", "three people killed") or the verb that governs it ("killing 10 persons and
     * wounding other 70").
     */
    private static String harm(String writtenUnit, List<Token> tokens, int first, int last) {
        String written = HARM.get(writtenUnit == null ? "" : writtenUnit.toLowerCase(Locale.ROOT));
        if (written != null) {
            return written;
        }
        int after = last + 1;
        while (after < tokens.size() && (tokens.get(after).pos().startsWith("NN") || tokens.get(after).pos().startsWith("JJ")
                && HARM.get(lemma(tokens.get(after))) == null)) {
            after++; // the counted noun and its adjectives
        }
        for (int i = after; i < Math.min(tokens.size(), after + 4); i++) {
            Token t = tokens.get(i);
            String harm = HARM.get(lemma(t));
            if (harm != null && (t.pos().equals("VBN") || t.pos().equals("VBD") || t.pos().startsWith("JJ"))) {
                return harm;
            }
            if (t.pos().startsWith("VB") && fromHome(tokens, i)) {
                return "displace";
            }
            if (!HARM_GAP.contains(t.word().toLowerCase(Locale.ROOT))) {
                break;
            }
        }
        for (int i = first - 1; i >= Math.max(0, first - 4); i--) {
            Token t = tokens.get(i);
            String harm = HARM.get(lemma(t));
            if (harm != null && t.pos().startsWith("VB")) {
                return harm;
            }
            if (t.pos().startsWith("VB") && fromHome(tokens, i)) {
                return "displace";
            }
            if (!HARM_GAP.contains(t.word().toLowerCase(Locale.ROOT))) {
                break;
            }
        }
        // "the number of evacuated residents at 1,530": a word of evacuation in the clause, and none of death or hurt
        String found = null;
        for (int i = Math.max(0, first - CLAUSE_REACH); i < Math.min(tokens.size(), last + 1 + CLAUSE_REACH); i++) {
            String harm = HARM.get(lemma(tokens.get(i)));
            if (harm != null && !harm.equals("displace")) {
                return null;
            }
            if (harm != null && (i < first ? noBreak(tokens, i, first) : noBreak(tokens, last, i))) {
                found = harm;
            }
        }
        return found;
    }

    /** "forced from their homes", "forcing 1,200 people to leave their homes": a verb of leaving, then "home". */
    private static boolean fromHome(List<Token> tokens, int verb) {
        if (!FROM_HOME.contains(lemma(tokens.get(verb)))) {
            return false;
        }
        for (int i = verb + 1; i < Math.min(tokens.size(), verb + 10); i++) {
            if (lemma(tokens.get(i)).equals("home")) {
                return true;
            }
            if (CLAUSE_BREAKS.contains(tokens.get(i).word())) {
                return false;
            }
        }
        return false;
    }

    private static boolean noBreak(List<Token> tokens, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (CLAUSE_BREAKS.contains(tokens.get(i).word())) {
                return false;
            }
        }
        return true;
    }

    private static String lemma(Token t) {
        return (t.lemma() == null ? t.word() : t.lemma()).toLowerCase(Locale.ROOT);
    }

    /** "Jonas Krell, 54" or "a 67-year-old man, Aksel Mori" or "32-year-old Englishman Robert Buckley": whose age. */
    private static String ageOf(List<Token> tokens, int first, int last) {
        if (first >= 2 && tokens.get(first - 1).word().equals(",") && tokens.get(first - 2).ner().equals("PERSON")) {
            int start = first - 2;
            while (start > 0 && tokens.get(start - 1).ner().equals("PERSON")) {
                start--;
            }
            return name(tokens, start, first - 2);
        }
        for (int i = last + 1; i < Math.min(tokens.size(), last + 5); i++) {
            Token t = tokens.get(i);
            if (t.ner().equals("PERSON")) {
                int end = i;
                while (end + 1 < tokens.size() && tokens.get(end + 1).ner().equals("PERSON")) {
                    end++;
                }
                return name(tokens, i, end);
            }
            if (!(t.pos().startsWith("JJ") || t.pos().startsWith("NN") || t.pos().equals("HYPH"))) {
                break;
            }
        }
        return null;
    }

    private static String name(List<Token> tokens, int first, int last) {
        StringBuilder name = new StringBuilder();
        for (int i = first; i <= last; i++) {
            name.append(i > first ? " " : "").append(tokens.get(i).word().toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    /**
     * The years before the report's own year (every year, when it is undated) that the statement gives before the
     * figure or in its clause: "in 2009, when the river rose 1.8 metres", not "the wall, completed in 1968, ...".
     */
    private static Set<String> pastPeriods(AnalysedArticle article, List<Token> tokens, int first, int last) {
        Set<String> years = new HashSet<>();
        LocalDate reported = day(article.article().publishedAt());
        int end = last < 0 ? tokens.size() : Math.min(tokens.size(), last + 1 + CLAUSE_REACH);
        for (int i = last + 1; i < end && last >= 0; i++) {
            if (CLAUSE_BREAKS.contains(tokens.get(i).word())) {
                end = i;
            }
        }
        for (int i = 0; i < Math.max(0, end); i++) {
            Token t = tokens.get(i);
            if (t.ner().equals("DATE") && t.word().matches("(1[89]|20)\\d\\d")
                    && (reported == null || Integer.parseInt(t.word()) < reported.getYear())) {
                years.add(t.word());
            }
            Integer month = MONTHS.get(t.word().toLowerCase(Locale.ROOT));
            boolean bare = (i == 0 || !tokens.get(i - 1).pos().equals("CD"))
                    && (i + 1 >= tokens.size() || !tokens.get(i + 1).pos().equals("CD"));
            if (month != null && t.ner().equals("DATE") && bare
                    && (reported == null || month != reported.getMonthValue())) {
                years.add("month " + month); // "struck in September": an earlier event told as background
            }
        }
        return years;
    }

    /**
     * The days the sentence names: a weekday ("on Saturday") or a calendar day written with its number ("14
     * September"); not a day a relative phrase was resolved to ("the day following his death", "today"), which says
     * nothing the reader was told.
     */
    private static Set<String> days(List<Token> tokens) {
        Set<String> days = new HashSet<>();
        for (Token t : tokens) {
            String v = t.normalizedNer();
            String word = t.word().toLowerCase(Locale.ROOT);
            if (t.ner().equals("DATE") && WEEKDAYS.containsKey(word)) {
                days.add(WEEKDAYS.get(word));
            } else if (t.ner().equals("DATE") && v != null && v.matches("\\d{4}-\\d{2}-\\d{2}")
                    && word.matches("\\d{1,2}(st|nd|rd|th)?")) {
                try {
                    days.add(String.valueOf(LocalDate.parse(v).getDayOfWeek().getValue())); // the weekday it fell on
                } catch (DateTimeParseException e) {
                    // not a calendar day: says nothing of the weekday
                }
            }
        }
        return days;
    }

    /** The family of a unit: singular, lower case, abbreviations and spellings of one unit together. */
    static String unitFamily(String unit) {
        String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT).strip();
        if (PEOPLE.contains(u) || HARM.containsKey(u)) {
            return "people";
        }
        String prefix = "";
        for (String adjective : List.of("cubic ", "square ")) {
            if (u.startsWith(adjective)) {
                prefix = adjective;
                u = u.substring(adjective.length());
            }
        }
        String family = UNIT_FAMILIES.get(u);
        if (family == null) {
            String singular = u.endsWith("ies") && u.length() > 4 ? u.substring(0, u.length() - 3) + "y"
                    : u.endsWith("res") || u.endsWith("ers") ? u.substring(0, u.length() - 1)
                    : u.endsWith("s") && !u.endsWith("ss") && u.length() > 3 ? u.substring(0, u.length() - 1) : u;
            family = UNIT_FAMILIES.getOrDefault(singular, singular);
        }
        return prefix + family;
    }

    private static String lastWord(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("\\s+");
        return words[words.length - 1];
    }
}
