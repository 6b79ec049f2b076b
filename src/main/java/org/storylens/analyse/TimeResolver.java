package org.storylens.analyse;

import org.storylens.analyse.TimeExpression.Relation;
import org.storylens.clean.PublicationDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the time mentions of an annotated article into {@link TimeExpression}s whose ISO values are resolved against
 * the article's publication date: weekdays by the tense of the verb that governs them (past: the latest such day on
 * or before publication, since wires write "said Friday" on the Friday itself; future: the first on or after it;
 * "last"/"next": strictly before/after; otherwise the nearest), days of the month written alone ("on the 7th", which
 * this class adds to SUTime's mentions) by tense within the neighbouring months, dates and months without a year by
 * tense and nearness, "N years ago" at the unit's precision. Other expressions ("next week", "yesterday") keep
 * SUTime's value, without parts of the day ("Friday night" is placed on Friday; "in the evening" alone is left
 * open). A number SUTime reads as a year is one only in a year context ({@link YearContext}: "in 1990", "a 2022
 * inspection"; "0240 GMT", "risen to 1530", "1,530 people" are a clock time and counts). The relation comes from
 * cue words ("last", "next", "ago", "since") and the tense and modality of the governing verb group.
 * When the publication date, or its year, is unknown, explicit dates are kept and relative ones get a null value
 * (a month and day keep their month and day: {@code XXXX-12-07}); today's date is never used. Values computed from an
 * inferred publication year are marked {@code inferred}.
 *
 * <p>The text must have been annotated with the publication date as CoreNLP's document date (or none when it is
 * unknown), so that SUTime's values for the expressions left to it rest on that date. Stateless and thread-safe.
 */
public final class TimeResolver {

    private static final Set<String> TIME_TAGS = Set.of("DATE", "TIME", "DURATION", "SET");
    /** "a 6-year-old", "the 44-year-old": an age, which SUTime reads as a duration but says nothing of when. */
    private static final Pattern AGE = Pattern.compile("(?i).*\\b[\\w-]+-(year|month|week|day)s?-olds?");

    /**
     * "the main march", "may": a month whose name is also a common word, written in lower case and alone, is the
     * word ("the march reached parliament"), not the month.
     */
    private static final Pattern COMMON_WORD_MONTH = Pattern.compile("(?:the\\s+)?(?:march|may)");
    private final TenseReader tenses = new TenseReader();
    private final OrdinalDays ordinalDays = new OrdinalDays();
    private final CalendarRules rules = new CalendarRules();
    private final YearContext years = new YearContext();

    /**
     * @param text      the annotated article
     * @param published its publication date, or null when none is known
     * @return its time expressions, in text order
     */
    public List<TimeExpression> resolve(AnnotatedText text, PublicationDate published) {
        LocalDate date = published == null ? null : published.date();
        boolean yearInferred = published != null && published.yearInferred();
        List<TimeExpression> found = new ArrayList<>();
        for (AnnotatedText.Mention m : merged(text)) {
            String type = m.timexType() != null ? m.timexType() : m.tag();
            found.add(expression(text, m.sentence(), m.firstToken(), m.lastToken(), m.timexValue(), type, date,
                    yearInferred));
        }
        for (int s = 0; s < text.tokens().size(); s++) {
            for (int[] range : ordinalDays.find(text.tokens().get(s))) {
                Span span = span(text.tokens().get(s), range[0], range[1]);
                if (found.stream().noneMatch(e -> e.span().overlaps(span))) {
                    found.add(expression(text, s, range[0], range[1], null, "DATE", date, yearInferred));
                }
            }
        }
        found.sort(Comparator.comparingInt(e -> e.span().start()));
        return List.copyOf(found);
    }

    /**
     * The time mentions, with neighbours that CoreNLP split out of one SUTime expression joined again ("Friday" and
     * "night" of "Friday night", "Friday" and "Oct. 23" of "Friday, Oct. 23"): same sentence, same value, at most a
     * comma between them.
     */
    private List<AnnotatedText.Mention> merged(AnnotatedText text) {
        List<AnnotatedText.Mention> merged = new ArrayList<>();
        for (AnnotatedText.Mention m : text.mentions()) {
            if (!TIME_TAGS.contains(m.tag()) || AGE.matcher(m.text()).matches() || years.notAYear(text, m)
                    || COMMON_WORD_MONTH.matcher(m.text()).matches()) {
                continue;
            }
            AnnotatedText.Mention previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && previous.sentence() == m.sentence() && m.timexValue() != null
                    && m.timexValue().equals(previous.timexValue()) && joinable(text, previous, m)) {
                Span span = new Span(previous.span().start(), m.span().end());
                merged.set(merged.size() - 1, new AnnotatedText.Mention(
                        text.text().substring(span.start(), span.end()), previous.tag(), span, m.sentence(),
                        previous.firstToken(), m.lastToken(), m.timexValue(), previous.timexType()));
            } else {
                merged.add(m);
            }
        }
        return merged;
    }

    private static boolean joinable(AnnotatedText text, AnnotatedText.Mention left, AnnotatedText.Mention right) {
        int gap = right.firstToken() - left.lastToken();
        return gap == 0 || gap == 1 && text.tokens().get(left.sentence()).get(left.lastToken()).word().equals(",");
    }

    private TimeExpression expression(AnnotatedText text, int sentence, int first, int last, String sutimeValue,
                                      String type, LocalDate published, boolean yearInferred) {
        List<Token> tokens = text.tokens().get(sentence);
        Span span = span(tokens, first, last);
        String words = text.text().substring(span.start(), span.end());
        Relation relation = tenses.relation(tokens, first, last);
        CalendarRules.Placed placed = rules.place(words, sutimeValue, type, relation, published);
        return new TimeExpression(words, span, sentence, placed.value(), type, relation,
                yearInferred && placed.fromPublication());
    }

    private static Span span(List<Token> tokens, int first, int last) {
        return new Span(tokens.get(first).span().start(), tokens.get(last - 1).span().end());
    }
}
