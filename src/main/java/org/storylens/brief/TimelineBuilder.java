package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.TimeExpression;
import org.storylens.analyse.Token;
import org.storylens.clean.PublicationYearInferrer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a story's chronology from the resolved time expressions of its articles: one entry per event, with the
 * sentence of its first report and the articles whose own sentence gives that event that date. Ordered by date, then
 * by first report.
 *
 * <ul>
 *   <li>A sentence dates one event: the date of its main clause. A date in a relative clause ("the wall that
 *   collapsed on Tuesday", "the sentence imposed in 1997"), a complement clause ("confirmed that … were not scheduled until 2026") or one that
 *   modifies a noun ("a 2022 inspection") does not date the sentence when the sentence has other dates; when no date
 *   stands in the main clause and the dates differ, the sentence is left out rather than filed under a guess.</li>
 *   <li>The entry's text is the sentence; one that opens with a pronoun is cut after a reporting verb ("He said the
 *   report would be published on Friday" → "The report would be published on Friday") or else left out: nothing is
 *   written that the source did not write.</li>
 *   <li>Two sentences are one event when they give it the same date, share most of their content words and give the
 *   same figures; an article is cited for an entry only through such a sentence of its own.</li>
 *   <li>An entry is {@code scheduled} when every report of it was published before it (or, for an undated report or a
 *   period holding its publication day, spoke of it in the future tense).</li>
 * </ul>
 * A date without a year ("December 7" in an undated article) takes the year that puts it nearest to the story's dated
 * articles, by the same rule as a publication date without a year. Thread-safe.
 */
public final class TimelineBuilder {

    /** Share of the shorter sentence's content words that the other must hold for both to report one event. */
    private static final double SAME_EVENT_OVERLAP = 0.5;
    /** Content words two sentences must share, at least, to report one event. */
    private static final int SAME_EVENT_MIN_SHARED = 3;
    /**
     * Sentence-embedding similarity (all-MiniLM-L6-v2) above which two sentences of one date report one event: on the
     * issue-13 gold, rewordings of one event lay at 0.67–0.89, different events of one day at 0.62 and below.
     */
    private static final double SAME_EVENT_SIMILARITY = 0.65;
    /** The same for two reports of one day that both still lay ahead ("will hold talks on Tuesday"). */
    private static final double SAME_PLANNED_EVENT_SIMILARITY = 0.45;
    /** Content words two reports of one day that both still lay ahead must share, without embeddings. */
    private static final int SAME_PLANNED_EVENT_MIN_SHARED = 2;

    private static final Pattern OPENING_PRONOUN = Pattern.compile(
            "(?i)^[\"“”‘'«]?\\s*(he|she|they|it|we|i|you|this|these|those|that|there)\\b");
    /** A pronoun and a reporting verb opening a sentence, cut so that what was reported stands alone. */
    private static final Pattern PRONOUN_FRAME = Pattern.compile("(?i)^(he|she|they|we|i)\\s+(?:also\\s+|later\\s+)?"
            + "(said|says|told\\s+\\w+|added|noted|stated|announced|confirmed|explained|warned|stressed|wrote|"
            + "insisted|argued|claimed|reported|estimated|recalled|revealed|acknowledged|admitted)\\s+(?:that\\s+)?");
    /** Time expressions that name no day a reader could check: "a few days ago", "overnight", "the coming week". */
    private static final Pattern VAGUE = Pattern.compile("(?i)\\b(few|several|couple|coming|overnight|recent|"
            + "recently|many|some)\\b");
    /** Words that put a clock time on a day: without one, "at four o'clock" is on no day the text gives. */
    /** Days counted from another event, not from the report: "the day after", "the following day", "that night". */
    private static final Pattern ANCHORED = Pattern.compile("(?i)^(the|that|the same)\\s+(day|night|morning|evening|"
            + "afternoon)$|\\b(the|that)\\s+(following|next|previous|preceding|same)\\s+(day|night|week|month|year)\\b|"
            + "\\bthe\\s+day\\s+(after|before|following)\\b");
    private static final Pattern DAY_WORD = Pattern.compile("(?i)\\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)"
            + "(day)?\\b|\\b(today|tonight|yesterday|tomorrow|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\\d{4}");
    private static final Pattern QUOTE_MARK = Pattern.compile("[\"“”]");
    private static final Pattern CLOCK_TIME = Pattern.compile("(?i)\\b\\d{1,2}(:\\s?|\\.)\\d{2}\\s*(a\\.?m\\.?|p\\.?m\\.?)?|"
            + "\\b\\d{1,2}\\s*(a\\.?m\\.?|p\\.?m\\.?)|\\b\\d{4}\\s*(gmt|utc)\\b");
    /** Words a sentence cut after its reporting verb must keep to stand alone. */
    private static final int MIN_CUT_WORDS = 4;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern FIGURE = Pattern.compile("\\d[\\d,.]*");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "that", "with", "from", "was", "were",
            "has", "have", "had", "are", "his", "her", "its", "their", "this", "these", "those", "which", "who",
            "whom", "whose", "but", "not", "after", "before", "into", "onto", "over", "than", "then", "also", "been",
            "being", "will", "would", "could", "should", "said", "says", "told", "according", "on", "in", "at", "of",
            "to", "by", "as", "an", "a", "it", "he", "she", "they", "we", "our", "about", "some", "more", "there");
    /** Relative words that open a clause whose dates are not the sentence's. */
    private static final Set<String> RELATIVE_TAGS = Set.of("WDT", "WP", "WP$", "WRB");
    /** Conjunctions that open a subordinate clause; "that" only as a complementizer (IN). */
    private static final Set<String> SUBORDINATORS = Set.of("that", "because", "although", "though", "whereas",
            "unless", "if", "whether");
    private static final Set<String> NOUN_DETERMINERS = Set.of("a", "an", "the", "its", "his", "her", "their", "our",
            "this", "'s", "’s");

    private final PublicationYearInferrer years;

    public TimelineBuilder(PublicationYearInferrer years) {
        this.years = years;
    }

    /** One date of one sentence, before the sentence's date is chosen. */
    private record Dated(TimeExpression time, String value, LocalDate start, boolean main, boolean relative,
                         boolean certain, boolean vague, boolean usable, boolean stamp) {
    }

    /** One article's report of a dated event. */
    private record Sighting(LocalDate start, String value, String text, String articleId, int order, boolean toCome,
                            Set<String> words, Set<String> figures, boolean certain, float[] vector) {
    }

    /** @param story the story's articles, oldest first */
    public List<TimelineEntry> build(List<AnalysedArticle> story) {
        List<LocalDate> dated = story.stream()
                .map(a -> a.article().published() == null ? null : a.article().published().date())
                .filter(d -> d != null)
                .toList();
        List<Sighting> sightings = new ArrayList<>();
        for (AnalysedArticle a : story) {
            LocalDate published = a.article().published() == null ? null : a.article().published().date();
            for (int s = 0; s < a.sentences().size(); s++) {
                List<Dated> dates = dates(a, s, dated);
                Dated chosen = chosen(dates, published);
                if (chosen == null) {
                    continue;
                }
                Sentence sentence = a.sentences().get(s);
                String text = eventText(sentence, chosen, dates);
                if (text == null || !tellsAnEvent(a, s) || chosen.stamp() && toldAsPast(a, s)) {
                    continue;
                }
                sightings.add(new Sighting(chosen.start(), chosen.value(), text, a.article().id(), sightings.size(),
                        toCome(chosen, published), eventWords(text, chosen.time()), figures(text, dates),
                        chosen.certain(), a.vectors().get(AnalysedArticle.vectorKey(sentence.text()))));
            }
        }
        List<List<Sighting>> events = new ArrayList<>();
        for (Sighting s : sightings) {
            events.stream().filter(e -> e.stream().anyMatch(o -> sameEvent(o, s))).findFirst()
                    .ifPresentOrElse(e -> e.add(s), () -> events.add(new ArrayList<>(List.of(s))));
        }
        return events.stream()
                .filter(l -> l.stream().anyMatch(Sighting::certain))
                .sorted(Comparator.comparing((List<Sighting> l) -> l.get(0).start())
                        .thenComparing(l -> l.get(0).value().length())
                        .thenComparingInt(l -> l.get(0).order()))
                .map(l -> new TimelineEntry(l.get(0).value(),
                        l.stream().filter(Sighting::certain).findFirst().orElseThrow().text(),
                        l.stream().map(Sighting::articleId).distinct().toList(),
                        l.stream().allMatch(Sighting::toCome)))
                .toList();
    }

    /**
     * Whether the sentence has a verb: a date line left over from a page ("TNN Nov 12, 2011, 05.") tells no event.
     * A sentence whose tokens are not known is given the benefit of the doubt.
     */
    private static boolean tellsAnEvent(AnalysedArticle a, int sentence) {
        if (a.annotation() == null || sentence >= a.annotation().tokens().size()) {
            return true;
        }
        return a.annotation().tokens().get(sentence).stream().anyMatch(t -> t.pos().startsWith("VB"));
    }

    /**
     * "Updated: November 11, 2011 18: 50 IST Navy ship thwarted a piracy attack": an event told in the simple past
     * happened before the time stamp that opens its sentence, which dates the report; a present perfect ("a court has
     * set a date") is the report's own day.
     */
    private static boolean toldAsPast(AnalysedArticle a, int sentence) {
        if (a.annotation() == null || sentence >= a.annotation().tokens().size()) {
            return false;
        }
        String text = a.sentences().get(sentence).text();
        int lineEnd = text.indexOf('\n');
        int from = a.sentences().get(sentence).span().start() + Math.max(lineEnd, 0);
        for (Token t : a.annotation().tokens().get(sentence)) {
            if (t.span().start() >= from && (t.pos().startsWith("VB") || t.pos().equals("MD"))) {
                return t.pos().equals("VBD") && !t.lemma().equalsIgnoreCase("be")
                        && !t.lemma().equalsIgnoreCase("have");
            }
        }
        return false;
    }

    /** The calendar dates of one sentence, each with where it stands in the sentence's clauses. */
    private List<Dated> dates(AnalysedArticle a, int sentence, List<LocalDate> dated) {
        List<Token> tokens = a.annotation() != null && sentence < a.annotation().tokens().size()
                ? a.annotation().tokens().get(sentence) : List.of();
        List<Dated> dates = new ArrayList<>();
        for (TimeExpression t : a.times()) {
            if (t.sentence() != sentence || !"DATE".equals(t.type()) && !"TIME".equals(t.type())) {
                continue;
            }
            boolean vague = VAGUE.matcher(t.text()).find() || ANCHORED.matcher(t.text()).find();
            boolean usable = !vague && !("TIME".equals(t.type()) && !DAY_WORD.matcher(t.text()).find())
                    && !quoted(a.sentences().get(sentence), t);
            String calendar = calendarPart(t.value());
            String value = withYear(calendar, dated);
            Optional<LocalDate> start = IsoPeriod.start(value);
            int first = firstToken(tokens, t);
            boolean certain = value != null && value.equals(calendar);
            // "a sentence imposed in 1997", "the measures announced last weekend": a past period in a participle
            // clause of a noun dates that noun's past; a day or a time to come there may be the sentence's news
            boolean pastPeriod = t.value() != null && t.value().matches("\\d{4}")
                    || t.text().toLowerCase(Locale.ROOT).startsWith("last ");
            dates.add(new Dated(t, value, start.orElse(null), first < 0 || !subordinate(tokens, first, t, pastPeriod),
                    first >= 0 && relative(tokens, first, pastPeriod), certain, vague, usable && start.isPresent(),
                    stamp(a.sentences().get(sentence), t)));
        }
        return dates;
    }

    /**
     * The date that dates the sentence's event: the one value its main clause gives; else the one value the sentence
     * gives, unless it stands in a relative clause (that dates something else than the sentence's event); else none.
     */
    private static Dated chosen(List<Dated> dates, LocalDate published) {
        if (dates.stream().anyMatch(d -> d.main() && !d.stamp())) {
            // "THURSDAY, APRIL 11, 2013 \n Two men went on trial Wednesday": the stamp dates the report, not the event
            dates = dates.stream().filter(d -> !d.stamp()).toList();
        }
        List<Dated> main = dates.stream().filter(Dated::main).toList();
        if (main.stream().anyMatch(Dated::vague)) {
            return null; // a main clause dated "overnight" or "the day after": no other date stands in for it
        }
        main = main.stream().filter(Dated::usable).sorted(Comparator.comparing(d -> -d.value().length())).toList();
        if (!main.isEmpty()) {
            // one day, or periods that hold each other ("in 2009 … after a spring thaw"): the most precise
            Dated finest = main.get(0);
            return main.stream().allMatch(d -> finest.value().startsWith(d.value())) ? finest : null;
        }
        List<Dated> usable = dates.stream().filter(Dated::usable).toList();
        if (usable.isEmpty() || usable.stream().map(Dated::value).distinct().count() > 1
                || dates.stream().anyMatch(Dated::relative)) {
            return null;
        }
        // "has confirmed that the repairs were not scheduled until 2026": a later year in a clause of a sentence
        // whose main event is reported dates that clause, not the sentence
        Dated only = usable.get(0);
        return published != null && only.start().isAfter(published) ? null : only;
    }

    private static int firstToken(List<Token> tokens, TimeExpression t) {
        for (Token token : tokens) {
            if (token.span().start() >= t.span().start()) {
                return token.span().start() < t.span().end() ? token.index() : -1;
            }
        }
        return -1;
    }

    /** True when the date modifies a noun ("a 2022 inspection") or stands in a clause opened before it. */
    private static boolean subordinate(List<Token> tokens, int first, TimeExpression t, boolean pastPeriod) {
        int last = first;
        while (last + 1 < tokens.size() && tokens.get(last + 1).span().end() <= t.span().end()) {
            last++;
        }
        boolean modifier = first > 0 && last + 1 < tokens.size()
                && NOUN_DETERMINERS.contains(tokens.get(first - 1).word().toLowerCase(Locale.ROOT))
                && tokens.get(last + 1).pos().startsWith("NN");
        return modifier || opener(tokens, first, pastPeriod) != null;
    }

    private static boolean relative(List<Token> tokens, int first, boolean pastPeriod) {
        Token opener = opener(tokens, first, pastPeriod);
        return opener != null && (RELATIVE_TAGS.contains(opener.pos()) || participleAfterNoun(tokens, opener.index()));
    }

    /** A past participle right after a common noun: the reduced relative clause of "the measures announced Sunday". */
    private static boolean participleAfterNoun(List<Token> tokens, int i) {
        return i > 0 && tokens.get(i).pos().equals("VBN") && tokens.get(i - 1).pos().matches("NNS?");
    }

    /**
     * The word that opens the clause the token stands in, looking left: a relative word or a subordinating conjunction;
     * null for the main clause. A finite verb just after a comma is the main clause resuming after an inserted one
     * ("Krell, whose bakery has been open since 1994, waded back yesterday").
     */
    private static Token opener(List<Token> tokens, int first, boolean pastPeriod) {
        for (int i = first - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.word().equals(";")) {
                return null;
            }
            if (i > 0 && tokens.get(i - 1).word().equals(",") && t.pos().matches("VBD|VBZ|VBP|MD")) {
                return null;
            }
            if (RELATIVE_TAGS.contains(t.pos()) && !t.word().equalsIgnoreCase("when")) {
                return t;
            }
            if (pastPeriod && participleAfterNoun(tokens, i)) {
                return t; // "a sentence imposed in 1997", "the cuts announced last weekend": a clause of the noun's
            }
            if (t.pos().equals("IN") && SUBORDINATORS.contains(t.word().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }

    /**
     * The sentence as the entry's text: without a time stamp that opens it when another date was chosen; one opening
     * with a pronoun cut after its reporting verb, or null when that cannot be done without leaving a pronoun or the
     * date out.
     */
    private static String eventText(Sentence sentence, Dated date, List<Dated> dates) {
        String whole = sentence.text();
        int from = !date.stamp() && dates.stream().anyMatch(Dated::stamp) ? whole.indexOf('\n') + 1 : 0;
        String text = whole.substring(from);
        int start = sentence.span().start() + from + text.length() - text.stripLeading().length();
        text = text.strip();
        if (text.isEmpty() || !OPENING_PRONOUN.matcher(text).find()) {
            return text.isEmpty() ? null : text;
        }
        Matcher frame = PRONOUN_FRAME.matcher(text);
        if (!frame.find()) {
            return null;
        }
        String rest = text.substring(frame.end());
        int cut = start + frame.end();
        if (date.time().span().start() < cut || OPENING_PRONOUN.matcher(rest).find()
                || WORD.matcher(rest).results().count() < MIN_CUT_WORDS || !Character.isLetter(rest.charAt(0))) {
            return null;
        }
        return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /**
     * True when the date stands within quotation marks: a speaker's "tonight" or "on Friday" is relative to when they
     * spoke, which the sentence does not give. A quotation closing after the date with none opening before it began in
     * an earlier sentence.
     */
    private static boolean quoted(Sentence sentence, TimeExpression t) {
        int at = t.span().start() - sentence.span().start();
        if (at < 0 || at > sentence.text().length()) {
            return false;
        }
        long before = QUOTE_MARK.matcher(sentence.text().substring(0, at)).results().count();
        long after = QUOTE_MARK.matcher(sentence.text().substring(at)).results().count();
        return before % 2 == 1 || before == 0 && after % 2 == 1;
    }

    /** True when the date stands on a line of its own that opens the sentence: a dateline or time stamp. */
    private static boolean stamp(Sentence sentence, TimeExpression t) {
        int end = t.span().end() - sentence.span().start();
        int lineEnd = sentence.text().indexOf('\n');
        return lineEnd >= 0 && end >= 0 && end <= lineEnd;
    }

    /** Whether the report was published before the event (or spoke of it as still to come). */
    private static boolean toCome(Dated date, LocalDate published) {
        boolean future = date.time().relation() == TimeExpression.Relation.FUTURE;
        if (published == null) {
            return future;
        }
        Optional<LocalDate> end = StoryView.lastDay(date.value());
        if (end.isPresent() && end.get().isBefore(published)) {
            return false;
        }
        return date.start().isAfter(published) || future;
    }

    private static boolean sameEvent(Sighting a, Sighting b) {
        boolean figuresAgree = a.figures().containsAll(b.figures()) || b.figures().containsAll(a.figures());
        if (!a.value().equals(b.value()) || !figuresAgree) {
            return false;
        }
        Set<String> shared = new HashSet<>(a.words());
        shared.retainAll(b.words());
        int smaller = Math.min(a.words().size(), b.words().size());
        if (shared.size() >= SAME_EVENT_MIN_SHARED && shared.size() >= SAME_EVENT_OVERLAP * smaller) {
            return true;
        }
        double similarity = cosine(a.vector(), b.vector());
        // two reports of a day still to come in both are most often of the one thing planned for it
        boolean bothPlanned = a.toCome() && b.toCome() && a.value().matches("\\d{4}-\\d{2}-\\d{2}");
        return similarity >= SAME_EVENT_SIMILARITY || bothPlanned && (similarity >= SAME_PLANNED_EVENT_SIMILARITY
                || shared.size() >= SAME_PLANNED_EVENT_MIN_SHARED);
    }

    /** Cosine of two unit-length sentence embeddings; 0 when either sentence was not embedded (the ingest tier). */
    private static double cosine(float[] a, float[] b) {
        if (a == null || b == null || a.length != b.length) {
            return 0;
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** The content words of the sentence but those of its date, which events of one day share anyway. */
    private static Set<String> eventWords(String text, TimeExpression date) {
        Set<String> words = words(text);
        words.removeAll(words(date.text()));
        return words;
    }

    /** Content words, lower-cased, a plural or third-person "s" taken off. */
    private static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        WORD.matcher(text).results().map(r -> r.group().toLowerCase(Locale.ROOT))
                .filter(w -> w.length() > 2 && !STOP_WORDS.contains(w) && !Character.isDigit(w.charAt(0)))
                .map(w -> w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w)
                .forEach(words::add);
        return words;
    }

    /** The figures a sentence gives outside its dates, separators taken off: "1,200" and "1200" are one. */
    private static Set<String> figures(String text, List<Dated> dates) {
        Set<String> figures = new HashSet<>();
        Matcher m = FIGURE.matcher(CLOCK_TIME.matcher(text).replaceAll(" "));
        while (m.find()) {
            String figure = m.group().replaceAll("[,.]+$", "").replace(",", "");
            boolean inDate = dates.stream().anyMatch(d -> d.time().text().contains(m.group()));
            if (!inDate && !figure.isEmpty()) {
                figures.add(figure);
            }
        }
        return figures;
    }

    /** The calendar part of a value: "2021-12-07TEV" → "2021-12-07"; a time of day keeps only its date. */
    private static String calendarPart(String value) {
        if (value == null) {
            return null;
        }
        int t = value.indexOf('T');
        return t == 10 ? value.substring(0, 10) : value;
    }

    /** "XXXX-12-07" → the year that puts 7 December nearest to a dated article of the story; unchanged otherwise. */
    private String withYear(String value, List<LocalDate> dated) {
        if (value == null || !value.matches("XXXX-\\d{2}-\\d{2}")) {
            return value;
        }
        int month = Integer.parseInt(value.substring(5, 7));
        int day = Integer.parseInt(value.substring(8, 10));
        OptionalInt year = years.nearestYear(month, day, dated);
        return year.isPresent() ? LocalDate.of(year.getAsInt(), month, day).toString() : value;
    }
}
