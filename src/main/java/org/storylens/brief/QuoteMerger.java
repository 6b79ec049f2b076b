package org.storylens.brief;

import org.storylens.analyse.AnalysedArticle;
import org.storylens.analyse.Embedder;
import org.storylens.analyse.Quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Merges the quotes of a story's articles by meaning: two quotes are one statement when their embeddings are close
 * and their speakers do not disagree (the same canonical speaker, or one of them unknown). Speakers written in another
 * case ("Police", "police") or with a one-letter variant of the surname ("Halvard Brenner" beside "Halvard Brenne")
 * are one speaker, named in their most frequent form. The first report's wording is kept, unless a later source
 * quotes the same speaker's statement directly: then its quoted words are shown, and only then is the entry direct.
 * Fragments of fewer than {@link #MIN_STATEMENT_WORDS} words and statements no source attributes to anyone are left
 * out. Thread-safe.
 */
public final class QuoteMerger {

    /** Fewer words than this are a fragment ("initiatives", "red lines", "determine that."), not a statement. */
    static final int MIN_STATEMENT_WORDS = 4;

    /** Above this cosine similarity two quotes say the same thing (translations of one statement score 0.8-0.95). */
    static final double SAME_STATEMENT = 0.75;

    private final Embedder embedder;

    public QuoteMerger(Embedder embedder) {
        this.embedder = embedder;
    }

    private static final class Group {
        String speaker;
        String text;
        float[] vector;
        boolean direct;
        final List<String> sources = new ArrayList<>();

        Group(String speaker, String text, float[] vector, boolean direct) {
            this.speaker = speaker;
            this.text = text;
            this.vector = vector;
            this.direct = direct;
        }
    }

    /**
     * @param story         the story's articles, oldest first
     * @param canonicalName maps a speaker as written to the story's canonical name for that entity
     */
    public List<QuoteEntry> merge(List<AnalysedArticle> story, UnaryOperator<String> canonicalName) {
        List<Quote> quotes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (AnalysedArticle a : story) {
            for (Quote q : a.quotes()) {
                if (wordCount(q.text()) < MIN_STATEMENT_WORDS) {
                    continue;
                }
                // the analysis may have embedded it already; the rest are embedded below in one call
                float[] kept = a.vectors().get(AnalysedArticle.vectorKey(q.text()));
                if (kept == null) {
                    missing.add(quotes.size());
                }
                quotes.add(q);
                ids.add(a.article().id());
                vectors.add(kept);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> embedded = embedder.embed(missing.stream().map(i -> quotes.get(i).text()).toList());
            for (int k = 0; k < missing.size(); k++) {
                vectors.set(missing.get(k), embedded.get(k));
            }
        }
        Map<String, String> speakers = speakerForms(quotes.stream()
                .map(q -> q.speaker() == null ? null : canonicalName.apply(q.speaker())).toList());
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < quotes.size(); i++) {
            Quote q = quotes.get(i);
            String speaker = q.speaker() == null ? null : speakers.get(canonicalName.apply(q.speaker()));
            Group match = null;
            double best = SAME_STATEMENT;
            for (Group g : groups) {
                boolean speakersAgree = speaker == null || g.speaker == null || speaker.equals(g.speaker);
                double similarity = Embedder.similarity(vectors.get(i), g.vector);
                if (speakersAgree && similarity >= best) {
                    best = similarity;
                    match = g;
                }
            }
            if (match == null) {
                match = new Group(speaker, q.text(), vectors.get(i), q.direct());
                groups.add(match);
            } else if (q.direct() && !match.direct && speaker != null && speaker.equals(match.speaker)) {
                // "direct" means quotation marks around the words shown: show the words a source quotes
                match.text = q.text();
                match.vector = vectors.get(i);
                match.direct = true;
            }
            if (match.speaker == null) {
                match.speaker = speaker;
            }
            if (!match.sources.contains(ids.get(i))) {
                match.sources.add(ids.get(i));
            }
        }
        return groups.stream().filter(g -> g.speaker != null)
                .map(g -> new QuoteEntry(g.speaker, g.text, g.direct, g.sources)).toList();
    }

    private static int wordCount(String words) {
        int count = 0;
        for (String w : words.strip().split("\\s+")) {
            if (w.chars().anyMatch(Character::isLetterOrDigit)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The form each speaker is shown in: the most frequent of the forms that differ only in case or by one letter of a
     * person's surname (the same first names, a surname of five letters or more), the first seen on a tie.
     */
    static Map<String, String> speakerForms(List<String> written) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : written) {
            if (s != null) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        List<String> forms = new ArrayList<>(counts.keySet());
        Map<String, String> shown = new HashMap<>();
        for (String form : forms) {
            String best = form;
            for (String other : forms) {
                if (sameSpeaker(form, other) && (counts.get(other) > counts.get(best)
                        || counts.get(other).equals(counts.get(best)) && forms.indexOf(other) < forms.indexOf(best))) {
                    best = other;
                }
            }
            shown.put(form, best);
        }
        return shown;
    }

    static boolean sameSpeaker(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        String[] x = a.strip().split("\\s+");
        String[] y = b.strip().split("\\s+");
        if (x.length < 2 || x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length - 1; i++) {
            if (!x[i].equals(y[i]) || !Character.isUpperCase(x[i].charAt(0))) {
                return false;
            }
        }
        String s = x[x.length - 1];
        String t = y[y.length - 1];
        return Math.min(s.length(), t.length()) >= 5 && Character.isUpperCase(s.charAt(0))
                && Character.isUpperCase(t.charAt(0)) && oneEdit(s.toLowerCase(Locale.ROOT), t.toLowerCase(Locale.ROOT));
    }

    /** True when one letter added, dropped or changed turns one word into the other. */
    private static boolean oneEdit(String s, String t) {
        if (Math.abs(s.length() - t.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(s.length(), t.length()) && s.charAt(i) == t.charAt(i)) {
            i++;
        }
        if (i == Math.min(s.length(), t.length())) {
            return true;
        }
        if (s.length() == t.length()) {
            return s.substring(i + 1).equals(t.substring(i + 1));
        }
        return s.length() > t.length() ? s.substring(i + 1).equals(t.substring(i)) : s.substring(i).equals(t.substring(i + 1));
    }
}
