package org.storylens.analyse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass of {@link QuoteFinder} over one article: the rules in the order they are tried, the speaker memory and the
 * quotes found so far. Used once, on one thread.
 */
final class QuoteReading {

    private static final Set<String> DASHES = Set.of("–", "—", "-", "--");
    private static final Set<String> CLAUSE_PREPOSITIONS = Set.of("on", "in", "at", "during", "after", "before",
            "with", "to", "from", "late", "early", "earlier", "last", "this");
    private static final int MIN_UNATTRIBUTED_WORDS = 4;
    private static final Pattern TRANSCRIPT = Pattern.compile("([A-Z][A-Z'’-]{2,}):\\s");
    private static final int MAX_ATTRIBUTION_TAIL = 8;

    /** A speaker found at a cue; {@code end} is the token after the cue's last word. */
    private record Cue(Speakers.Speaker speaker, int end) {
    }

    private final AnnotatedText annotated;
    private final String text;
    private final List<QuoteMarks.Quoted> quoted;
    private final Speakers speakers;
    private final List<AttributedQuote> found = new ArrayList<>();
    private final Set<Integer> quotedSentences = new HashSet<>();
    private AttributedQuote lastDirect;
    /** A report in the sentence being read whose speaker could not be told, kept in case no rule finds one. */
    private Unattributed unattributed;

    private record Unattributed(Span span, int sentence, Speakers.Speaker speaker) {
    }

    QuoteReading(AnnotatedText annotated, TitleWords titles) {
        this.annotated = annotated;
        this.text = annotated.text();
        this.quoted = QuoteMarks.find(text);
        this.speakers = new Speakers(annotated, titles);
        for (QuoteMarks.Quoted q : quoted) {
            quotedSentences.add(sentenceOf(q.outer().start()));
            quotedSentences.add(sentenceOf(q.outer().end() - 1));
        }
    }

    List<AttributedQuote> read() {
        for (int s = 0; s < annotated.sentences().size(); s++) {
            rememberSubject(s);
            boolean any = false;
            for (QuoteMarks.Quoted q : quoted) {
                if (sentenceOf(q.outer().start()) == s) {
                    any |= direct(q, s);
                }
            }
            if (!any && !quotedSentences.contains(s)) {
                unattributed = null;
                int before = found.size();
                if (!dash(s) && !colonHeadline(s) && !reported(s) && !aroundAttribution(s)) {
                    beforeBareAttribution(s);
                }
                addUnattributed(before);
            } else {
                unattributed = null;
                int before = found.size();
                reported(s); // "Schultz said he did not support Trump, calling him “...”" reports more than the quote
                addUnattributed(before);
            }
        }
        found.sort(Comparator.comparingInt(a -> a.quote().span().start()));
        return List.copyOf(found);
    }

    /** The report whose speaker could not be told, when no rule found another in its sentence. */
    private void addUnattributed(int foundBefore) {
        if (unattributed != null && found.size() == foundBefore) {
            add(unattributed.span(), unattributed.sentence(), unattributed.speaker(), false);
        }
    }

    private boolean direct(QuoteMarks.Quoted q, int s) {
        if (q.inner().start() >= q.inner().end()) {
            return false;
        }
        Speakers.Speaker speaker = attribution(q, s);
        QuoteMarks.Quoted continued = continuation(q);
        if ((speaker == null || speaker.name() == null) && continued != null) {
            // “The earthquake was strong. / My husband rushed off,” said Sara Sadeqi: one quote over two paragraphs
            speaker = attribution(continued, sentenceOf(continued.outer().start()));
        }
        if ((speaker == null || speaker.name() == null) && lastDirect != null && startsSentence(q, s)
                && s - lastDirect.quote().sentence() <= 2 && lastDirect.quote().speaker() != null) {
            // a quote that goes on in the next sentence or paragraph keeps its speaker
            speaker = new Speakers.Speaker(lastDirect.quote().speaker(), lastDirect.speakerSpan(), false);
        }
        String words = text.substring(q.inner().start(), q.inner().end());
        if (speaker == null && words.split("\\s+").length < MIN_UNATTRIBUTED_WORDS) {
            return false;
        }
        lastDirect = add(q.inner(), s, speaker, true);
        return true;
    }

    /** Who a quote's own sentence, or the one around it, says spoke it; null when none says. */
    private Speakers.Speaker attribution(QuoteMarks.Quoted q, int s) {
        int opening = firstTokenFrom(tokens(s), q.outer().start());
        if (complementOfSpeechVerb(tokens(s), opening)) {
            // "... but insisted he “did not mean to,” sources tell the paper": the words are the insisting person's, not the sources'
            Cue cue = cueBefore(tokens(s), opening);
            return cue == null ? null : cue.speaker();
        }
        int closeSentence = sentenceOf(q.outer().end() - 1);
        List<Token> after = tokens(closeSentence);
        int next = firstTokenFrom(after, q.outer().end());
        Cue cue = nameGoesOn(closeSentence, cueAfter(after, next));
        if (cue == null && next >= after.size() - 1 && closeSentence + 1 < annotated.sentences().size()) {
            cue = bareAttribution(closeSentence + 1);
        }
        if (cue == null) {
            cue = cueBefore(tokens(s), firstTokenFrom(tokens(s), q.outer().start()));
        }
        if (cue == null && opening > 0 && tokens(s).get(opening - 1).word().equals(":")) {
            cue = personBeforeColon(tokens(s).subList(0, opening)); // ... such as Dr Azm Al Homoud: “We should ...”
        }
        if (cue == null && s > 0 && startsSentence(q, s) && endsWithColon(tokens(s - 1))) {
            cue = cueBefore(tokens(s - 1), tokens(s - 1).size()); // He said: / “We will ...”
            if (cue == null) {
                cue = personBeforeColon(tokens(s - 1)); // ... such as Dr Azm Al Homoud: / “We should ...”
            }
        }
        return cue == null ? transcriptSpeaker(q) : cue.speaker();
    }

    /** A speech verb just before a quote's opening mark, with at most a pronoun or "that" between: "insisted he “". */
    private static boolean complementOfSpeechVerb(List<Token> tokens, int opening) {
        for (int i = opening - 1; i >= 0 && opening - i <= 3; i--) {
            Token t = tokens.get(i);
            if (SpeechVerbs.isSpeechVerb(t) && !t.pos().equals("VBG")) {
                return i < opening - 1; // "said “...”" alone is the pattern of the cue before; it finds it anyway
            }
            if (!t.pos().equals("PRP") && !t.word().equalsIgnoreCase("that")) {
                return false;
            }
        }
        return false;
    }

    /**
     * The quote that goes on a quote left open at the end of its paragraph: the next one, when it starts the next
     * paragraph. Null when there is none.
     */
    private QuoteMarks.Quoted continuation(QuoteMarks.Quoted q) {
        int end = q.outer().end();
        if (end > 0 && end <= text.length() && "“”„\"«»".indexOf(text.charAt(end - 1)) >= 0) {
            return null; // closed where it ends
        }
        for (QuoteMarks.Quoted other : quoted) {
            if (other.outer().start() >= end) {
                String gap = text.substring(end, other.outer().start());
                return gap.isBlank() && gap.contains("\n") ? other : null;
            }
        }
        return null;
    }

    /** {@code Dr Azm Al Homoud:} closing the sentence before a quote: the person named just before the colon. */
    private Cue personBeforeColon(List<Token> tokens) {
        int colon = tokens.size() - 1;
        int first = colon;
        while (first > 0 && tokens.get(first - 1).ner().equals("PERSON")) {
            first--;
        }
        if (first == colon) {
            while (first > 0 && tokens.get(first - 1).pos().equals("NNP")) {
                first--; // "Dr Azm Al Homoud" the tagger missed: a name the article gives with a title
            }
            String name = first == colon ? null : text.substring(tokens.get(first).span().start(),
                    tokens.get(colon - 1).span().end());
            String known = name == null ? null : speakers.titledPerson(name);
            return known == null ? null : new Cue(new Speakers.Speaker(known, new Span(
                    tokens.get(first).span().start(), tokens.get(colon - 1).span().end()), true), colon);
        }
        Speakers.Speaker speaker = speakers.resolve(tokens, new NounPhrases.Range(first, colon));
        return speaker.person() ? new Cue(speaker, colon) : null;
    }

    /**
     * {@code ," said Dist. / Atty. Steve Cooley.}: a speaker's titles cut the sentence short, so the name that ends the
     * next sentence, when that sentence is nothing but capitalised words, is who spoke.
     */
    private Cue nameGoesOn(int s, Cue cue) {
        if (cue == null || cue.speaker().name() != null && cue.speaker().person()
                && !isCommonNoun(cue.speaker().name()) || s + 1 >= annotated.sentences().size()) {
            return cue;
        }
        List<Token> tokens = tokens(s);
        List<Token> next = tokens(s + 1);
        int end = contentEnd(next);
        if (cue.end() < contentEnd(tokens) || end == 0 || end > 4
                || !next.subList(0, end).stream().allMatch(t -> t.pos().startsWith("NNP"))
                || !next.get(end - 1).ner().equals("PERSON")) {
            return cue;
        }
        Speakers.Speaker person = speakers.resolve(next, new NounPhrases.Range(0, end));
        return person.name() == null ? cue : new Cue(person, cue.end());
    }

    private static boolean isCommonNoun(String name) {
        return !name.isEmpty() && Character.isLowerCase(name.charAt(0));
    }

    /** {@code "PENCE: Well, look, ...} in a transcript: the speaker's name in capitals before a colon. */
    private Speakers.Speaker transcriptSpeaker(QuoteMarks.Quoted q) {
        Matcher m = TRANSCRIPT.matcher(text).region(q.inner().start(), q.inner().end());
        if (!m.lookingAt()) {
            return null;
        }
        String name = m.group(1).charAt(0) + m.group(1).substring(1).toLowerCase(Locale.ROOT);
        return new Speakers.Speaker(speakers.fullName(name), new Span(m.start(1), m.end(1)), true);
    }

    /** {@code – We have known about ... – he told reporters.} */
    private boolean dash(int s) {
        List<Token> tokens = tokens(s);
        if (tokens.size() < 5 || !DASHES.contains(tokens.get(0).word())) {
            return false;
        }
        for (int d = tokens.size() - 2; d > 2; d--) {
            if (DASHES.contains(tokens.get(d).word())) {
                Cue cue = cueAfter(tokens, d + 1);
                if (cue != null && bareTail(tokens, cue.end())) {
                    lastDirect = add(spanOf(tokens, 1, d), s, cue.speaker(), true);
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code Peskov: talks will take place on Tuesday}: a headline that names its speaker before a colon. */
    private boolean colonHeadline(int s) {
        List<Token> tokens = tokens(s);
        int colon = 0;
        while (colon < tokens.size() && colon < 5 && tokens.get(colon).pos().startsWith("NNP")) {
            colon++;
        }
        int end = contentEnd(tokens);
        if (colon == 0 || colon >= tokens.size() || !tokens.get(colon).word().equals(":") || end - colon < 4) {
            return false;
        }
        add(spanOf(tokens, colon + 1, end), s, speakers.resolve(tokens, new NounPhrases.Range(0, colon)), false);
        return true;
    }

    /** {@code Peskov said (Saturday) (that) the conversation would take place ...} */
    private boolean reported(int s) {
        List<Token> tokens = tokens(s);
        for (int v = 0; v < tokens.size(); v++) {
            Token verb = tokens.get(v);
            boolean nounContent = SpeechVerbs.takesNounContent(verb);
            boolean thatOnly = SpeechVerbs.attributesThatClause(verb);
            if (!(SpeechVerbs.reportsClause(verb) || nounContent || thatOnly) || verb.pos().equals("VBG")) {
                continue;
            }
            NounPhrases.Range subject = NounPhrases.before(tokens, v);
            if (isQuoted(verb)) {
                continue;
            }
            if (subject == null || subject.start() > 0 && tokens.get(subject.start() - 1).word().equalsIgnoreCase("as")) {
                continue; // "as the newspaper announced" is an aside, not a report of what follows
            }
            int start = clauseStart(tokens, v);
            int end = contentEnd(tokens);
            if (start < 0 || end - start < 3 || isQuoted(tokens.get(start))) {
                continue;
            }
            boolean afterThat = tokens.get(start - 1).word().equalsIgnoreCase("that");
            if (thatOnly && !afterThat && !SpeechVerbs.reportsClause(verb)) {
                continue;
            }
            while (afterThat && start < end && tokens.get(start).word().equals(",")) {
                start++; // "said that, if elected, he would ..."
            }
            boolean clause = afterThat ? hasVerb(tokens, start, end) && !isQuoteMarkToken(tokens.get(start))
                    : opensWithClause(tokens, start, end);
            if (!clause && !(nounContent && !isQuoteMarkToken(tokens.get(start)))) {
                continue;
            }
            if (!afterThat && passive(tokens, v)) {
                continue; // "a man was reported missing after ...": the subject is not who reports
            }
            end = cutAccordingTo(tokens, start, end);
            Speakers.Speaker speaker = speakers.resolve(tokens, subject);
            if (speaker.name() == null) {
                // "at about 3 p. m. called ..., said Sgt. Vanette Christiansen": another verb may name one
                unattributed = new Unattributed(spanOf(tokens, start, end), s, speaker);
                continue;
            }
            if ((!clause || SpeechVerbs.denies(verb) || negated(tokens, subject.end(), v))) {
                // "Russia has denied any bellicose intentions": without its verb the words say the opposite
                start = subject.start();
            }
            add(spanOf(tokens, start, end), s, speaker, false);
            return true;
        }
        return accordingTo(s);
    }

    /** {@code According to the Kremlin, Putin will ...} and {@code ..., according to X.} */
    private boolean accordingTo(int s) {
        List<Token> tokens = tokens(s);
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (!isAccordingTo(tokens, i)) {
                continue;
            }
            NounPhrases.Range source = sourceOf(tokens, NounPhrases.after(tokens, i + 2));
            if (source == null) {
                return false;
            }
            int start = i == 0 ? source.end() : 0;
            int end = i == 0 ? contentEnd(tokens) : i;
            while (start < end && tokens.get(start).word().equals(",")) {
                start++;
            }
            while (end > start && tokens.get(end - 1).word().equals(",")) {
                end--;
            }
            if (end - start < 3 || !hasVerb(tokens, start, end)) {
                return false;
            }
            add(spanOf(tokens, start, end), s, speakers.resolve(tokens, source), false);
            return true;
        }
        return false;
    }

    /**
     * {@code These are the main items on the agenda, Kremlin spokesman Dmitry Peskov said.} and the aside of
     * {@code But to prevent problems, he said, the plant will close.}
     */
    private boolean aroundAttribution(int s) {
        List<Token> tokens = tokens(s);
        int end = contentEnd(tokens);
        for (int k = 3; k < end - 1; k++) {
            if (!tokens.get(k).word().equals(",")) {
                continue;
            }
            Cue cue = cueAfter(tokens, k + 1);
            if (cue == null) {
                continue;
            }
            if (bareTail(tokens, cue.end()) && hasVerb(tokens, 0, k)) {
                add(spanOf(tokens, 0, k), s, cue.speaker(), false);
                return true;
            }
            if (cue.end() < end && tokens.get(cue.end()).word().equals(",") && hasVerb(tokens, cue.end() + 1, end)) {
                add(spanOf(tokens, 0, end), s, cue.speaker(), false);
                return true;
            }
        }
        return false;
    }

    /** {@code President Biden will express ... integrity. White House spokeswoman Jen Psaki wrote in a statement.} */
    private void beforeBareAttribution(int s) {
        if (s == 0 || quotedSentences.contains(s - 1)
                || found.stream().anyMatch(a -> a.quote().sentence() == s - 1)) {
            return;
        }
        Cue cue = bareAttribution(s);
        List<Token> previous = tokens(s - 1);
        int end = contentEnd(previous);
        if (cue != null && end >= 3 && hasVerb(previous, 0, end)) {
            add(spanOf(previous, 0, end), s - 1, cue.speaker(), false);
        }
    }

    private Cue bareAttribution(int s) {
        List<Token> tokens = tokens(s);
        Cue cue = cueAfter(tokens, 0);
        return cue != null && bareTail(tokens, cue.end()) ? cue : null;
    }

    /** A speaker named after a quote: {@code , he said}, {@code – said the assistant}, {@code , according to X}. */
    private Cue cueAfter(List<Token> tokens, int i) {
        while (i < tokens.size() && isPunctuation(tokens.get(i))) {
            i++;
        }
        if (i >= tokens.size()) {
            return null;
        }
        Token first = tokens.get(i);
        if (SpeechVerbs.isSpeechVerb(first) && !first.pos().equals("VBG")) {
            NounPhrases.Range r = NounPhrases.after(tokens, i + 1);
            return r == null ? null : cue(tokens, r, r.end());
        }
        if (isAccordingTo(tokens, i)) {
            NounPhrases.Range r = sourceOf(tokens, NounPhrases.after(tokens, i + 2));
            return r == null ? null : cue(tokens, r, r.end());
        }
        NounPhrases.Range r = NounPhrases.after(tokens, i);
        if (r == null) {
            return null;
        }
        int v = r.end();
        while (v < tokens.size() && (tokens.get(v).pos().equals("RB") || tokens.get(v).pos().equals("MD")
                || tokens.get(v).lemma().equals("have"))) {
            v++;
        }
        if (v < tokens.size() && SpeechVerbs.isSpeechVerb(tokens.get(v))) {
            return cue(tokens, r, v + 1);
        }
        return null;
    }

    /** The last speaker named before a quote in its sentence: {@code Biden said: “...”}, {@code She added that ...}. */
    private Cue cueBefore(List<Token> tokens, int limit) {
        for (int v = Math.min(limit, tokens.size()) - 1; v >= 0; v--) {
            Token t = tokens.get(v);
            if (isQuoted(t)) {
                continue;
            }
            if (SpeechVerbs.isSpeechVerb(t) && !t.pos().equals("VBG")) {
                NounPhrases.Range r = NounPhrases.before(tokens, v);
                if (r != null) {
                    return cue(tokens, r, v + 1);
                }
            }
            if (isAccordingTo(tokens, v)) {
                NounPhrases.Range r = NounPhrases.after(tokens, v + 2);
                if (r != null) {
                    return cue(tokens, r, r.end());
                }
            }
        }
        return null;
    }

    private Cue cue(List<Token> tokens, NounPhrases.Range r, int end) {
        Speakers.Speaker speaker = speakers.resolve(tokens, r);
        int comma = r.end();
        if (comma + 1 < tokens.size() && tokens.get(comma).word().equals(",") && end == r.end()
                && !names(tokens, r) && tokens.get(comma + 1).ner().equals("PERSON")) {
            // "said Meravik's mayor, Teodora Lind, speaking outside ...": the role's name follows it
            int last = comma + 1;
            while (last + 1 < tokens.size() && tokens.get(last + 1).ner().equals("PERSON")) {
                last++;
            }
            return new Cue(speakers.resolve(tokens, new NounPhrases.Range(comma + 1, last + 1)), last + 1);
        }
        return new Cue(speaker, end);
    }

    /**
     * "according to a first estimate by the town council": when the phrase is a common noun followed by "by" or "from"
     * a source, that source.
     */
    private static NounPhrases.Range sourceOf(List<Token> tokens, NounPhrases.Range r) {
        if (r == null || r.end() + 1 >= tokens.size() || !tokens.get(r.end() - 1).pos().startsWith("NN")
                || tokens.get(r.end() - 1).pos().startsWith("NNP")) {
            return r;
        }
        String link = tokens.get(r.end()).word().toLowerCase(Locale.ROOT);
        if (!link.equals("by") && !link.equals("from")) {
            return r;
        }
        NounPhrases.Range source = NounPhrases.after(tokens, r.end() + 1);
        return source == null ? r : source;
    }

    /** True when a phrase names a person other than as an owner ("Meravik's mayor" names none). */
    private static boolean names(List<Token> tokens, NounPhrases.Range r) {
        for (int i = r.start(); i < r.end(); i++) {
            if (tokens.get(i).ner().equals("PERSON") && !(i + 1 < r.end() && tokens.get(i + 1).pos().equals("POS"))) {
                return true;
            }
        }
        return false;
    }

    /** Where the reported clause after a speech verb starts, or -1. */
    private int clauseStart(List<Token> tokens, int v) {
        for (int j = v + 1; j < tokens.size() && j <= v + 14; j++) {
            Token t = tokens.get(j);
            if (t.word().equalsIgnoreCase("that") && (t.pos().equals("IN") || t.pos().equals("WDT")
                    || t.pos().equals("DT") && j + 1 < tokens.size() && !NounPhrases.isNoun(tokens.get(j + 1)))) {
                return j + 1;
            }
            if (t.pos().startsWith("VB") || t.pos().equals("MD") || isQuoteMarkToken(t)) {
                break;
            }
        }
        int j = v + 1;
        if (SpeechVerbs.takesObject(tokens.get(v))) {
            NounPhrases.Range object = NounPhrases.after(tokens, j);
            if (object == null) {
                return -1;
            }
            j = object.end();
        }
        for (int step = 0; step < 6 && j < tokens.size(); step++) {
            Token t = tokens.get(j);
            if (NounPhrases.isTime(t)) {
                j++;
            } else if (CLAUSE_PREPOSITIONS.contains(t.word().toLowerCase(Locale.ROOT))
                    && (t.pos().equals("IN") || t.pos().equals("TO") || t.pos().equals("JJ") || t.pos().equals("DT"))) {
                NounPhrases.Range np = NounPhrases.after(tokens, j + 1);
                j = np == null ? j + 1 : np.end();
            } else {
                break;
            }
        }
        if (j < tokens.size() && tokens.get(j).word().equals(":")) {
            j++;
        }
        return j < tokens.size() ? j : -1;
    }

    /** The subject of a sentence's first verb, when it is a person, is who a later "he" or "she" means. */
    private void rememberSubject(int s) {
        List<Token> tokens = tokens(s);
        int first = 0;
        while (first < tokens.size() && first < 3 && !tokens.get(first).ner().equals("PERSON")) {
            first++;
        }
        int last = first;
        while (last < tokens.size() && tokens.get(last).ner().equals("PERSON")) {
            last++;
        }
        if (last > first && last < tokens.size() && tokens.get(last).word().equals(",") && !isQuoted(tokens.get(first))
                && tokens.subList(0, first).stream().allMatch(t -> t.pos().startsWith("NNP") || t.pos().equals("DT"))) {
            // "Jonas Krell, 54, whose family bakery ... waded back": the person the aside describes acts
            speakers.remember(speakers.resolve(tokens, new NounPhrases.Range(first, last)));
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (isQuoted(t)) {
                continue;
            }
            if (t.pos().startsWith("VB") || t.pos().equals("MD")) {
                NounPhrases.Range subject = NounPhrases.before(tokens, i);
                if (subject != null) {
                    speakers.remember(speakers.resolve(tokens, subject));
                }
                return;
            }
        }
    }

    /**
     * "was reported missing", "the manager accused of setting fire ...", "the cuts proposed by the government": a
     * participle after a form of "be", or one that follows the noun it describes and takes "by" its agent or "of"
     * without an object (the tagger often reads it as a past tense;
     * an accusation that reports someone's words has its object: "accused the West of provocation"), reports nothing
     * its subject said.
     */
    private static boolean passive(List<Token> tokens, int verb) {
        if (verb > 0 && verb + 1 < tokens.size() && tokens.get(verb - 1).pos().startsWith("NN")
                && tokens.get(verb + 1).word().equalsIgnoreCase("of")) {
            return true;
        }
        if (!tokens.get(verb).pos().equals("VBN")) {
            return false;
        }
        if (verb > 0 && verb + 1 < tokens.size() && tokens.get(verb - 1).pos().startsWith("NN")
                && tokens.get(verb + 1).word().equalsIgnoreCase("by")) {
            return true; // "the cuts proposed by the government": the cuts propose nothing
        }
        for (int i = verb - 1; i >= 0 && verb - i <= 3; i--) {
            Token t = tokens.get(i);
            if (t.lemma().equalsIgnoreCase("be")) {
                return true;
            }
            if (!t.pos().equals("RB")) {
                return false;
            }
        }
        return false;
    }


    /** "Not" or "never" between a speech verb's subject and the verb: "Peskov did not say the call ...". */
    private static boolean negated(List<Token> tokens, int from, int verb) {
        for (int i = from; i < verb; i++) {
            String w = tokens.get(i).word().toLowerCase(Locale.ROOT);
            if (w.equals("not") || w.equals("n't") || w.equals("never")) {
                return true;
            }
        }
        return false;
    }

    private AttributedQuote add(Span span, int sentence, Speakers.Speaker speaker, boolean direct) {
        speakers.remember(speaker);
        AttributedQuote a = new AttributedQuote(new Quote(text.substring(span.start(), span.end()), span, sentence,
                speaker == null ? null : speaker.name(), direct), speaker == null ? null : speaker.span());
        found.add(a);
        return a;
    }

    private boolean bareTail(List<Token> tokens, int from) {
        int end = contentEnd(tokens);
        return end - from <= MAX_ATTRIBUTION_TAIL && !hasVerb(tokens, from, end);
    }

    private int cutAccordingTo(List<Token> tokens, int start, int end) {
        for (int i = start + 3; i + 1 < end; i++) {
            if (tokens.get(i - 1).word().equals(",") && isAccordingTo(tokens, i)) {
                return i - 1;
            }
        }
        return end;
    }

    private static boolean isAccordingTo(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && tokens.get(i).word().equalsIgnoreCase("according")
                && tokens.get(i + 1).word().equalsIgnoreCase("to");
    }

    /** A reported clause has its verb before any comma and does not open with "as", "when", "because" ... */
    private static boolean opensWithClause(List<Token> tokens, int start, int end) {
        if (tokens.get(start).pos().equals("IN") || tokens.get(start).pos().equals("WRB")
                || isQuoteMarkToken(tokens.get(start))) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (tokens.get(i).word().equals(",")) {
                return false;
            }
            if (hasVerb(tokens, i, i + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasVerb(List<Token> tokens, int start, int end) {
        for (int i = start; i < end; i++) {
            String pos = tokens.get(i).pos();
            if ((pos.startsWith("VB") && !pos.equals("VBN") && !pos.equals("VBG")) || pos.equals("MD")) {
                return true;
            }
        }
        return false;
    }

    /** The index after the last word of a sentence, leaving out its final punctuation. */
    private static int contentEnd(List<Token> tokens) {
        int end = tokens.size();
        while (end > 0 && (isPunctuation(tokens.get(end - 1)) || tokens.get(end - 1).word().equals("."))) {
            end--;
        }
        return end;
    }

    private static boolean isPunctuation(Token t) {
        String pos = t.pos();
        return pos.equals(",") || pos.equals(":") || pos.equals(".") || pos.equals("``") || pos.equals("''")
                || pos.equals("HYPH") || pos.equals("-LRB-") || pos.equals("-RRB-") || DASHES.contains(t.word())
                || isQuoteMarkToken(t);
    }

    private static boolean isQuoteMarkToken(Token t) {
        String w = t.word();
        return w.length() == 1 && "“”„\"«»‘’'".indexOf(w.charAt(0)) >= 0 || NounPhrases.isQuoteMark(t);
    }

    private boolean isQuoted(Token t) {
        for (QuoteMarks.Quoted q : quoted) {
            if (q.outer().contains(t.span())) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithColon(List<Token> tokens) {
        return !tokens.isEmpty() && tokens.get(tokens.size() - 1).word().equals(":");
    }

    private boolean startsSentence(QuoteMarks.Quoted q, int s) {
        List<Token> tokens = tokens(s);
        return !tokens.isEmpty() && tokens.get(0).span().start() >= q.outer().start();
    }

    private Span spanOf(List<Token> tokens, int start, int end) {
        return new Span(tokens.get(start).span().start(), tokens.get(end - 1).span().end());
    }

    private List<Token> tokens(int s) {
        return annotated.tokens().get(s);
    }

    private int sentenceOf(int offset) {
        List<Sentence> sentences = annotated.sentences();
        for (int s = sentences.size() - 1; s >= 0; s--) {
            if (sentences.get(s).span().start() <= offset) {
                return s;
            }
        }
        return 0;
    }

    private static int firstTokenFrom(List<Token> tokens, int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).span().start() >= offset) {
                return i;
            }
        }
        return tokens.size();
    }
}
