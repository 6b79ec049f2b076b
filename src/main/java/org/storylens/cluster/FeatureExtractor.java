package org.storylens.cluster;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Embedder;
import org.storylens.analyse.EntityMention;
import org.storylens.analyse.EntityType;
import org.storylens.analyse.NumberMention;
import org.storylens.analyse.Sentence;
import org.storylens.analyse.TimeExpression;
import org.storylens.analyse.Token;
import org.storylens.clean.Article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns analysed articles into {@link ArticleFeatures}: headline and body lemmas, entities, calendar values, figures,
 * a MinHash signature of the wording, and an embedding of headline and lead. Thread-safe; the embedder is the
 * caller's to close.
 */
public final class FeatureExtractor {

    private static final int EMBEDDED_CHARS = 600;
    private static final int EMBED_BATCH = 32;
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CALENDAR_VALUE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int LEAD_CHARS = 120;
    private static final int LEAD_SENTENCES = 2;
    private static final Pattern HAS_LETTER = Pattern.compile(".*\\p{L}.*");
    // words that carry no event: auxiliaries, reporting verbs, and the commonest function words of headlines
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or",
            "but", "with", "by", "from", "as", "be", "is", "are", "was", "were", "been", "have", "has", "had", "do",
            "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "say", "says",
            "said", "tell", "told", "it", "its", "this", "that", "these", "those", "after", "over", "into", "about",
            "up", "out", "he", "she", "they", "his", "her", "their", "who", "what", "when", "where", "why", "how",
            "not", "no", "than", "also", "other", "such", "more", "most", "many", "much", "get", "make", "go", "new",
            "s", "mr", "mrs", "ms", "year", "day", "time", "report", "accord", "include", "take", "come");

    private final MinHasher minHasher;

    public FeatureExtractor(MinHasher minHasher) {
        this.minHasher = minHasher;
    }

    /** Features of the articles in order, their embeddings computed in batches. */
    public List<ArticleFeatures> features(List<AnalysedArticle> articles, Embedder embedder) {
        List<ArticleFeatures> out = new ArrayList<>(articles.size());
        for (int from = 0; from < articles.size(); from += EMBED_BATCH) {
            List<AnalysedArticle> batch = articles.subList(from, Math.min(articles.size(), from + EMBED_BATCH));
            List<float[]> vectors = embedder.embed(batch.stream().map(FeatureExtractor::embeddedText).toList());
            for (int i = 0; i < batch.size(); i++) {
                out.add(features(batch.get(i), vectors.get(i)));
            }
        }
        return out;
    }

    /** Features of one article with its embedding already computed (an empty array for none). */
    public ArticleFeatures features(AnalysedArticle analysed, float[] embedding) {
        Article a = analysed.article();
        Map<String, String> lemmaOfWord = new HashMap<>();
        Map<String, Integer> body = new HashMap<>();
        Map<String, Integer> lead = new HashMap<>();
        for (List<Token> sentence : analysed.annotation().tokens()) {
            for (Token t : sentence) {
                String word = t.word().toLowerCase(Locale.ROOT);
                String lemma = t.lemma() == null ? word : t.lemma().toLowerCase(Locale.ROOT);
                lemmaOfWord.putIfAbsent(word, lemma);
                if (t.sentence() < LEAD_SENTENCES && (("CD".equals(t.pos()) && !word.matches("(19|20)\\d\\d"))
                        || (isContentWord(t.pos()) && lemma.length() > 1 && !STOP.contains(lemma)))) {
                    lead.merge("CD".equals(t.pos()) ? word.replace(",", "") : lemma, 1, Integer::sum);
                }
                if (isContentWord(t.pos()) && lemma.length() > 1 && !STOP.contains(lemma)
                        && HAS_LETTER.matcher(lemma).matches()) {
                    body.merge(lemma, 1, Integer::sum);
                }
            }
        }
        Map<TermField, Map<String, Integer>> terms = new EnumMap<>(TermField.class);
        Map<String, Integer> title = titleTerms(headline(analysed), lemmaOfWord);
        terms.put(TermField.TITLE, title);
        title.forEach((t, n) -> lead.merge(t, n, Integer::sum));
        terms.put(TermField.LEAD, lead);
        terms.put(TermField.BODY, body);
        terms.put(TermField.ENTITIES, entityTerms(analysed.entities(), false));
        terms.put(TermField.PEOPLE, entityTerms(analysed.entities(), true));
        terms.put(TermField.DATES, dateTerms(analysed.times()));
        terms.put(TermField.FIGURES, figureTerms(analysed.numbers()));
        LocalDate published = a.published() == null ? null : a.published().date();
        return new ArticleFeatures(a.id(), a.outlet(), a.wire(), a.language(),
                published != null ? published : reportDate(analysed), terms, embedding,
                minHasher.signature(a.text()));
    }

    /** What the embedding is taken of: the headline and the lead, short enough for one pass of the model. */
    public static String embeddedText(AnalysedArticle analysed) {
        StringBuilder text = new StringBuilder();
        if (analysed.article().title() != null) {
            text.append(analysed.article().title()).append(". ");
        }
        for (Sentence s : analysed.sentences()) {
            if (text.length() >= EMBEDDED_CHARS) {
                break;
            }
            text.append(s.text()).append(' ');
        }
        if (text.length() == 0) {
            text.append(analysed.article().text());
        }
        return text.length() > EMBEDDED_CHARS ? text.substring(0, EMBEDDED_CHARS) : text.toString().strip();
    }

    /**
     * A full calendar date that opens the text ("December 15th, 2008, 7:35 am ...", "Posted 2/3/2009"): a lead
     * date the cleaner did not take as the publication date; a date later in the text is more often history.
     */
    static LocalDate reportDate(AnalysedArticle analysed) {
        LocalDate dateLine = DateLine.of(analysed.article().title());
        return dateLine != null ? dateLine : leadDate(analysed);
    }

    static LocalDate leadDate(AnalysedArticle analysed) {
        for (TimeExpression t : analysed.times()) {
            if (t.span().start() > LEAD_CHARS) {
                break;
            }
            if (t.value() != null && !t.inferred() && FULL_DATE.matcher(t.value()).matches()) {
                try {
                    return LocalDate.parse(t.value());
                } catch (java.time.format.DateTimeParseException e) {
                    // a value SUTime formed but the calendar lacks (2009-02-30): no lead date from it
                }
            }
        }
        return null;
    }

    private static String headline(AnalysedArticle analysed) {
        if (analysed.article().title() != null) {
            return analysed.article().title();
        }
        return analysed.sentences().isEmpty() ? "" : analysed.sentences().get(0).text();
    }

    private static boolean isContentWord(String pos) {
        return pos != null && (pos.startsWith("NN") || pos.startsWith("VB") || pos.startsWith("JJ"));
    }

    private static Map<String, Integer> titleTerms(String headline, Map<String, String> lemmaOfWord) {
        Map<String, Integer> terms = new HashMap<>();
        for (String w : WORD.split(headline.toLowerCase(Locale.ROOT))) {
            String lemma = lemmaOfWord.getOrDefault(w, w);
            if (lemma.length() > 1 && !STOP.contains(lemma) && !STOP.contains(w)) {
                terms.merge(lemma, 1, Integer::sum);
            }
        }
        return terms;
    }

    private static Map<String, Integer> entityTerms(List<EntityMention> mentions, boolean peopleOnly) {
        Map<String, Integer> terms = new HashMap<>();
        for (EntityMention m : mentions) {
            if (peopleOnly && m.type() != EntityType.PERSON) {
                continue;
            }
            String name = m.text().toLowerCase(Locale.ROOT).replaceAll("'s$|’s$", "").replaceAll("^the ", "")
                    .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            if (name.isEmpty()) {
                continue;
            }
            terms.merge(name, 1, Integer::sum);
            String[] words = name.split(" ");
            // "LaRue" and "Fred LaRue" are the same person in one story
            if (m.type() == EntityType.PERSON && words.length > 1) {
                terms.merge(words[words.length - 1], 1, Integer::sum);
            }
        }
        return terms;
    }

    private static Map<String, Integer> dateTerms(List<TimeExpression> times) {
        Map<String, Integer> terms = new HashMap<>();
        for (TimeExpression t : times) {
            if (t.value() != null && "DATE".equals(t.type()) && CALENDAR_VALUE.matcher(t.value()).matches()) {
                // 2004-07-28 also counts as 2004-07 and 2004: reports of one event name its day at varied precision
                for (int end = 4; end <= t.value().length(); end += 3) {
                    terms.merge(t.value().substring(0, end), 1, Integer::sum);
                }
            }
        }
        return terms;
    }

    private static Map<String, Integer> figureTerms(List<NumberMention> numbers) {
        Map<String, Integer> terms = new HashMap<>();
        for (NumberMention n : numbers) {
            if (n.unit() == null) {
                continue;
            }
            String value = n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
                    ? Long.toString((long) n.value()) : Double.toString(n.value());
            terms.merge(value + " " + n.unit().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        return terms;
    }
}
