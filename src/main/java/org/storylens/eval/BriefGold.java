package org.storylens.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a careful reader finds in one story's articles: the gold of a brief audit, in the format of
 * {@code ../shared/docs/brief-audit-format.md}, with the fields storylens adds (each optional): {@code articlesFrom}
 * (where the articles are when there is no {@code STORY.jsonl} beside the gold), a quote's {@code statement} (one
 * label for the same statement in several articles or wordings), a figure's {@code units} (words a brief may use as
 * its unit), the conflict kind {@code denial} (one side asserts what the other denies) and a conflict value's
 * {@code text} (its words at {@code offset}, for values that are statements rather than figures).
 *
 * @param story         the story's name (the file's name without {@code .gold.json})
 * @param articles      the ids of the story's articles
 * @param articlesFrom  where the articles are to be read from when no {@code STORY.jsonl} is given, or null
 * @param aliases       other correct forms of a speaker's or source's name, by canonical name
 * @param organisations speakers or sources that are organisations or unnamed groups
 * @param quotes        every direct quotation and clear reported attribution
 * @param figures       every count and measurement
 * @param dates         dates the articles make certain
 * @param conflicts     values that disagree (disputes, denials) or that a later report revises (updates)
 * @param nonConflicts  values a careless reader would set against each other but which agree or measure other things
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BriefGold(String story, List<String> articles, ArticleSource articlesFrom,
                        Map<String, List<String>> aliases, List<String> organisations, List<GoldQuote> quotes,
                        List<GoldFigure> figures, List<GoldDate> dates, List<GoldConflict> conflicts,
                        List<NonConflict> nonConflicts) {

    /** The conflict kinds this scorer knows. */
    public static final Set<String> CONFLICT_KINDS = Set.of("dispute", "update", "denial");

    public BriefGold {
        articles = articles == null ? List.of() : List.copyOf(articles);
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
        figures = figures == null ? List.of() : List.copyOf(figures);
        dates = dates == null ? List.of() : List.copyOf(dates);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        nonConflicts = nonConflicts == null ? List.of() : List.copyOf(nonConflicts);
    }

    /**
     * Where a story's articles are kept outside the audit folder, relative to the shared data folder.
     *
     * @param folder a folder of article files (read with storylens's readers; the id is the file name without its
     *               extension), or null
     * @param jsonl  a JSON Lines file whose records with the gold's article ids are the story's articles, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ArticleSource(String folder, String jsonl) {
    }

    /**
     * A quotation or reported attribution.
     *
     * @param article        the article's id
     * @param fragment       some of the quoted words, exactly as the article has them
     * @param speaker        who the article says spoke (canonical name), or null when it names no one
     * @param speakerAliases other correct forms of the speaker's name for this quote
     * @param direct         true for words in quotation marks, false for reported speech
     * @param statement      a label shared by the same statement in other articles or wordings, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoldQuote(String article, String fragment, String speaker, List<String> speakerAliases,
                            boolean direct, String statement) {
        public GoldQuote {
            speakerAliases = speakerAliases == null ? List.of() : List.copyOf(speakerAliases);
        }
    }

    /**
     * A count or measurement.
     *
     * @param article the article's id
     * @param text    the figure's words, exactly as the article has them
     * @param value   its value
     * @param offset  where {@code text} starts in the article's text
     * @param what    what it counts or measures
     * @param units   words a brief may use as its unit (besides those of {@code what})
     * @param source  who the sentence credits for it, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoldFigure(String article, String text, double value, Integer offset, String what,
                             List<String> units, String source) {
        public GoldFigure {
            units = units == null ? List.of() : List.copyOf(units);
        }
    }

    /**
     * A date the article makes certain.
     *
     * @param article the article's id
     * @param text    the expression, exactly as the article has it
     * @param value   its ISO 8601 value
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoldDate(String article, String text, String value) {
    }

    /**
     * Values that conflict.
     *
     * @param what   the quantity or matter
     * @param kind   {@code dispute}, {@code update} or {@code denial}
     * @param values the values, each located in an article
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoldConflict(String what, String kind, List<ConflictValue> values) {
        public GoldConflict {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /**
     * One side of a conflict or non-conflict.
     *
     * @param article the article's id
     * @param value   the figure's value, or null for a statement
     * @param offset  where it is in the article's text
     * @param text    its words at {@code offset}, or null (then the figure of the gold at this offset gives them)
     * @param level   values of one level agree with each other, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConflictValue(String article, Double value, Integer offset, String text, String level) {
    }

    /**
     * Values that do not conflict.
     *
     * @param what     the matter
     * @param note     why they do not conflict
     * @param articles the articles concerned
     * @param values   the values
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NonConflict(String what, String note, List<String> articles, List<ConflictValue> values) {
        public NonConflict {
            articles = articles == null ? List.of() : List.copyOf(articles);
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** Reads a {@code STORY.gold.json} file. */
    public static BriefGold read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return json.readValue(file.toFile(), BriefGold.class);
    }

    /** Every correct form of a name: itself, its aliases and the extra forms given. */
    Set<String> namesOf(String canonical, List<String> extra) {
        Set<String> names = new LinkedHashSet<>();
        if (canonical != null) {
            names.add(canonical);
            names.addAll(aliases.getOrDefault(canonical, List.of()));
        }
        names.addAll(extra);
        return names;
    }

    /**
     * What is wrong with this gold against its articles' texts (by id): a fragment, figure or date text that is not
     * in its article, an offset that does not point at its text, an article not in the story, a speaker or source
     * that is neither a listed alias key nor an organisation, a conflict with fewer than two values or an unknown
     * kind. Empty when the gold is sound.
     */
    public List<String> problems(Map<String, String> texts) {
        List<String> problems = new ArrayList<>();
        if (story == null || story.isBlank()) {
            problems.add("no story name");
        }
        for (String id : articles) {
            if (!texts.containsKey(id)) {
                problems.add("article " + id + " is not among the story's articles");
            }
        }
        for (GoldQuote q : quotes) {
            String text = textOf(q.article(), texts, problems, "quote '" + q.fragment() + "'");
            if (text != null && (q.fragment() == null || q.fragment().isBlank() || !text.contains(q.fragment()))) {
                problems.add("quote fragment '" + q.fragment() + "' is not in article " + q.article());
            }
            checkName(q.speaker(), "speaker of quote '" + q.fragment() + "'", problems);
        }
        for (GoldFigure f : figures) {
            String text = textOf(f.article(), texts, problems, "figure '" + f.text() + "'");
            if (text != null) {
                if (f.text() == null || f.text().isBlank() || !text.contains(f.text())) {
                    problems.add("figure text '" + f.text() + "' is not in article " + f.article());
                } else if (f.offset() == null || !text.startsWith(f.text(), f.offset())) {
                    problems.add("figure '" + f.text() + "' of article " + f.article() + ": offset " + f.offset()
                            + " does not point at it (it is at " + text.indexOf(f.text()) + ")");
                }
            }
            if (f.what() == null || f.what().isBlank()) {
                problems.add("figure '" + f.text() + "' of article " + f.article() + " says not what it counts");
            }
            checkName(f.source(), "source of figure '" + f.text() + "'", problems);
        }
        for (GoldDate d : dates) {
            String text = textOf(d.article(), texts, problems, "date '" + d.text() + "'");
            if (text != null && (d.text() == null || d.text().isBlank() || !text.contains(d.text()))) {
                problems.add("date text '" + d.text() + "' is not in article " + d.article());
            }
            if (d.value() == null || !d.value().matches("\\d{4}(-\\d{2}(-\\d{2})?|-W\\d{2})?")) {
                problems.add("date '" + d.text() + "' of article " + d.article() + " has no ISO value: " + d.value());
            }
        }
        for (GoldConflict c : conflicts) {
            if (!CONFLICT_KINDS.contains(c.kind())) {
                problems.add("conflict '" + c.what() + "' has an unknown kind: " + c.kind());
            }
            checkValues("conflict '" + c.what() + "'", c.values(), texts, problems);
        }
        for (NonConflict n : nonConflicts) {
            checkValues("non-conflict '" + n.what() + "'", n.values(), texts, problems);
        }
        return problems;
    }

    private void checkValues(String where, List<ConflictValue> values, Map<String, String> texts, List<String> problems) {
        if (values.size() < 2) {
            problems.add(where + " has fewer than two values");
        }
        for (ConflictValue v : values) {
            String text = textOf(v.article(), texts, problems, where);
            if (text == null) {
                continue;
            }
            String words = wordsOf(v);
            if (v.offset() == null || words == null) {
                problems.add(where + ": the value in article " + v.article() + " at " + v.offset()
                        + " is neither a gold figure there nor given a text");
            } else if (!text.startsWith(words, v.offset())) {
                problems.add(where + ": '" + words + "' is not at offset " + v.offset() + " of article "
                        + v.article() + " (it is at " + text.indexOf(words) + ")");
            }
            if (v.value() == null && v.text() == null) {
                problems.add(where + ": a value in article " + v.article() + " has neither value nor text");
            }
        }
    }

    /** The words of a conflict value: its own text, else the text of the gold figure at its offset. */
    String wordsOf(ConflictValue v) {
        if (v.text() != null) {
            return v.text();
        }
        for (GoldFigure f : figures) {
            if (f.article().equals(v.article()) && Objects.equals(f.offset(), v.offset())) {
                return f.text();
            }
        }
        return null;
    }

    private String textOf(String article, Map<String, String> texts, List<String> problems, String what) {
        if (article == null || !articles.contains(article)) {
            problems.add(what + ": article " + article + " is not one of the story's articles");
            return null;
        }
        return texts.get(article);
    }

    private void checkName(String name, String what, List<String> problems) {
        if (name != null && !aliases.containsKey(name) && !organisations.contains(name)) {
            problems.add(what + ": '" + name + "' is neither an alias key nor an organisation");
        }
    }
}
