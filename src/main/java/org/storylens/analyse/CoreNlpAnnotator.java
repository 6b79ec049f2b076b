package org.storylens.analyse;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;
import org.storylens.ingest.Limits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Runs Stanford CoreNLP (tokenize, ssplit, pos, lemma, ner; coarse tags only) and SUTime over a text and copies what
 * it found into an {@link AnnotatedText}. CoreNLP's own types stay inside this class and {@link CuedTimeTagger}. The
 * models load once, in the constructor (about 3.5 s); {@link #annotate} is thread-safe. {@link Options} choose the NER
 * models and where SUTime runs: the {@link Options#INGEST ingest tier} is fast enough to analyse every article as it
 * arrives, the {@link Options#BRIEF brief tier} (CoreNLP's defaults) is the most accurate.
 */
public final class CoreNlpAnnotator {

    /** Where SUTime looks for time expressions. */
    public enum Times {
        /** Nowhere: no time values (entities only). */
        NONE,
        /** In every sentence, inside CoreNLP's NER (its default). */
        EVERY_SENTENCE,
        /** Only in short windows around words time expressions are made of; about four times cheaper. */
        CUED_WINDOWS
    }

    /**
     * How CoreNLP's NER and SUTime are set up.
     *
     * @param nerModels classpath paths of the CRF models, applied in order (CoreNLP's {@code ner.model}); empty for
     *                  CoreNLP's default three (3-class, 7-class MUC, 4-class CoNLL)
     * @param times     where SUTime finds and normalises time expressions (needed for {@code timexValue})
     */
    public record Options(List<String> nerModels, Times times) {

        public static final String CONLL_4CLASS = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
        public static final String ALL_3CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
        /** CoreNLP's defaults, the brief tier: all three CRF models and SUTime on every sentence. */
        public static final Options BRIEF = new Options(List.of(), Times.EVERY_SENTENCE);
        /**
         * The ingest tier: the CoNLL 4-class model alone and SUTime on cued windows, about three times as fast as
         * {@link #BRIEF} (measured in {@code bench/AnalyseSpeed.java}).
         */
        public static final Options INGEST = new Options(List.of(CONLL_4CLASS), Times.CUED_WINDOWS);
        /** Entities only: the CoNLL 4-class model and no SUTime, so no time values. */
        public static final Options FAST_ENTITIES = new Options(List.of(CONLL_4CLASS), Times.NONE);

        public Options {
            nerModels = List.copyOf(nerModels);
            Objects.requireNonNull(times, "times");
        }
    }

    private static final Set<String> TIME_TAGS = Set.of("DATE", "TIME", "DURATION", "SET");

    /** Tokenizes and splits sentences; the long sentences it finds are broken before {@link #tagger} reads them. */
    private final StanfordCoreNLP splitter;
    private final StanfordCoreNLP tagger;
    private final int maxSentenceChars;
    private final CuedTimeTagger cuedTimes;
    /** With cued times: NER for sentences with a number (numeric classifiers on) and for the others (off). */
    private final StanfordCoreNLP nerWithNumbers;
    private final StanfordCoreNLP nerWithoutNumbers;

    public CoreNlpAnnotator(Options options) {
        this(options, Limits.MAX_SENTENCE_CHARS);
    }

    /** @param maxSentenceChars a longer sentence is broken between tokens before it is tagged */
    public CoreNlpAnnotator(Options options, int maxSentenceChars) {
        this.maxSentenceChars = maxSentenceChars;
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        // two newlines end a sentence: paragraphs and cross-heads never run into the next sentence
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.buildEntityMentions", "true");
        props.setProperty("ner.useSUTime", String.valueOf(options.times() == Times.EVERY_SENTENCE));
        if (!options.nerModels().isEmpty()) {
            props.setProperty("ner.model", String.join(",", options.nerModels()));
        }
        props.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=false");
        if (options.times() == Times.CUED_WINDOWS) {
            // CoreNLP's numeric classifiers read every token with TokensRegex, as SUTime does; a sentence without a
            // cardinal number has no figure for them to find, so they run only on sentences that have one (the price:
            // each of the two NER annotators holds its own copy of the CRF model)
            props.setProperty("annotators", "tokenize,ssplit");
            this.splitter = new StanfordCoreNLP(props);
            props.setProperty("annotators", "pos,lemma");
            this.tagger = new StanfordCoreNLP(props, false);
            props.setProperty("annotators", "ner");
            props.setProperty("ner.applyNumericClassifiers", "true");
            this.nerWithNumbers = new StanfordCoreNLP(props, false);
            props.setProperty("ner.applyNumericClassifiers", "false");
            this.nerWithoutNumbers = new StanfordCoreNLP(props, false);
            this.cuedTimes = new CuedTimeTagger();
        } else {
            props.setProperty("annotators", "tokenize,ssplit");
            this.splitter = new StanfordCoreNLP(props);
            props.setProperty("annotators", "pos,lemma,ner");
            this.tagger = new StanfordCoreNLP(props, false);
            this.nerWithNumbers = null;
            this.nerWithoutNumbers = null;
            this.cuedTimes = null;
        }
    }

    /** Runs NER on the sentences with a cardinal number and on the others, each with its own annotator. */
    private void tagEntities(Annotation document) {
        List<CoreMap> withNumbers = new ArrayList<>();
        List<CoreMap> without = new ArrayList<>();
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            boolean number = sentence.get(CoreAnnotations.TokensAnnotation.class).stream()
                    .anyMatch(t -> "CD".equals(t.tag()));
            (number ? withNumbers : without).add(sentence);
        }
        nerWithNumbers.annotate(part(document, withNumbers));
        nerWithoutNumbers.annotate(part(document, without));
    }

    private static Annotation part(Annotation document, List<CoreMap> sentences) {
        Annotation part = new Annotation(document.get(CoreAnnotations.TextAnnotation.class));
        part.set(CoreAnnotations.TokensAnnotation.class, document.get(CoreAnnotations.TokensAnnotation.class));
        part.set(CoreAnnotations.SentencesAnnotation.class, sentences);
        if (document.containsKey(CoreAnnotations.DocDateAnnotation.class)) {
            part.set(CoreAnnotations.DocDateAnnotation.class, document.get(CoreAnnotations.DocDateAnnotation.class));
        }
        return part;
    }

    /**
     * @param text    the text
     * @param docDate the date relative expressions are resolved against, or null when it is not known
     */
    public AnnotatedText annotate(String text, LocalDate docDate) {
        return annotate(text, docDate, new ArrayList<>());
    }

    /**
     * As {@link #annotate(String, LocalDate)}; a sentence longer than the limit is broken between tokens into parts
     * within it, with a warning added to {@code warnings}.
     */
    public AnnotatedText annotate(String text, LocalDate docDate, List<String> warnings) {
        Annotation document = new Annotation(text);
        if (docDate != null) {
            document.set(CoreAnnotations.DocDateAnnotation.class, docDate.toString());
        }
        splitter.annotate(document);
        int broken = breakLongSentences(document);
        if (broken > 0) {
            warnings.add(String.format(java.util.Locale.ROOT, "%d sentence(s) longer than %,d characters broken "
                    + "into shorter parts for analysis", broken, maxSentenceChars));
        }
        tagger.annotate(document);
        if (cuedTimes != null) {
            tagEntities(document);
        }
        List<Sentence> sentences = new ArrayList<>();
        List<List<Token>> tokens = new ArrayList<>();
        List<AnnotatedText.Mention> mentions = new ArrayList<>();
        List<CoreMap> coreSentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        for (int s = 0; s < coreSentences.size(); s++) {
            CoreMap sentence = coreSentences.get(s);
            int begin = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            sentences.add(new Sentence(s, new Span(begin, end), text.substring(begin, end)));
            List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
            List<CuedTimeTagger.Found> times = cuedTimes == null ? List.of()
                    : cuedTimes.tag(text, labels, docDate == null ? null : docDate.toString());
            List<Token> sentenceTokens = new ArrayList<>();
            for (int t = 0; t < labels.size(); t++) {
                CoreLabel l = labels.get(t);
                String ner = l.ner();
                String normalized = l.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
                if (cuedTimes != null) {
                    CuedTimeTagger.Found time = covering(times, l.beginPosition(), l.endPosition());
                    if (time != null) {
                        ner = time.type();
                        normalized = time.value();
                    } else if (TIME_TAGS.contains(ner)) {
                        ner = "O"; // the numeric classifier's own date guesses: SUTime's windows replace them
                        normalized = null;
                    }
                }
                sentenceTokens.add(new Token(l.word(), l.lemma(), l.tag(), ner, normalized,
                        new Span(l.beginPosition(), l.endPosition()), s, t));
            }
            tokens.add(sentenceTokens);
            List<AnnotatedText.Mention> sentenceFound = new ArrayList<>();
            List<CoreMap> sentenceMentions = sentence.get(CoreAnnotations.MentionsAnnotation.class);
            int sentenceTokenBegin = sentence.get(CoreAnnotations.TokenBeginAnnotation.class);
            for (CoreMap m : sentenceMentions == null ? List.<CoreMap>of() : sentenceMentions) {
                int mBegin = m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
                int mEnd = m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
                String tag = m.get(CoreAnnotations.EntityTypeAnnotation.class);
                if (cuedTimes != null && (TIME_TAGS.contains(tag) || overlaps(times, mBegin, mEnd))) {
                    continue;
                }
                Timex timex = m.get(TimeAnnotations.TimexAnnotation.class);
                sentenceFound.add(new AnnotatedText.Mention(text.substring(mBegin, mEnd), tag, new Span(mBegin, mEnd), s,
                        m.get(CoreAnnotations.TokenBeginAnnotation.class) - sentenceTokenBegin,
                        m.get(CoreAnnotations.TokenEndAnnotation.class) - sentenceTokenBegin,
                        timex == null ? null : timex.value(), timex == null ? null : timex.timexType()));
            }
            for (CuedTimeTagger.Found time : times) {
                int first = -1;
                int last = -1;
                for (Token t : sentenceTokens) {
                    if (t.span().start() >= time.begin() && t.span().end() <= time.end()) {
                        first = first < 0 ? t.index() : first;
                        last = t.index() + 1;
                    }
                }
                if (first >= 0) {
                    sentenceFound.add(new AnnotatedText.Mention(text.substring(time.begin(), time.end()), time.type(),
                            new Span(time.begin(), time.end()), s, first, last, time.value(), time.type()));
                }
            }
            sentenceFound.sort(Comparator.comparingInt(m -> m.span().start()));
            mentions.addAll(sentenceFound);
        }
        return new AnnotatedText(text, sentences, tokens, mentions);
    }

    /**
     * Breaks each sentence longer than {@link #maxSentenceChars} between tokens into parts no longer than that (a
     * token longer than that is a part of its own; {@link org.storylens.clean.AnalysableText} leaves none), renumbering
     * sentences and tokens as the sentence splitter numbers them. Returns how many sentences were broken.
     */
    private int breakLongSentences(Annotation document) {
        List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        if (sentences.stream().noneMatch(s -> length(s) > maxSentenceChars)) {
            return 0;
        }
        String text = document.get(CoreAnnotations.TextAnnotation.class);
        List<CoreMap> parts = new ArrayList<>();
        int broken = 0;
        for (CoreMap sentence : sentences) {
            if (length(sentence) <= maxSentenceChars) {
                parts.add(sentence);
                continue;
            }
            broken++;
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            int tokenBegin = sentence.get(CoreAnnotations.TokenBeginAnnotation.class);
            int from = 0;
            while (from < tokens.size()) {
                int begin = tokens.get(from).beginPosition();
                int to = from + 1;
                while (to < tokens.size() && tokens.get(to).endPosition() - begin <= maxSentenceChars) {
                    to++;
                }
                int end = tokens.get(to - 1).endPosition();
                Annotation part = new Annotation(text.substring(begin, end));
                part.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
                part.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
                part.set(CoreAnnotations.TokensAnnotation.class, new ArrayList<>(tokens.subList(from, to)));
                part.set(CoreAnnotations.TokenBeginAnnotation.class, tokenBegin + from);
                part.set(CoreAnnotations.TokenEndAnnotation.class, tokenBegin + to);
                parts.add(part);
                from = to;
            }
        }
        for (int s = 0; s < parts.size(); s++) {
            CoreMap sentence = parts.get(s);
            sentence.set(CoreAnnotations.SentenceIndexAnnotation.class, s);
            int index = 1;
            for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
                token.setSentIndex(s);
                token.setIndex(index++);
            }
        }
        document.set(CoreAnnotations.SentencesAnnotation.class, parts);
        return broken;
    }

    private static int length(CoreMap sentence) {
        return sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class)
                - sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
    }

    private static CuedTimeTagger.Found covering(List<CuedTimeTagger.Found> times, int begin, int end) {
        for (CuedTimeTagger.Found f : times) {
            if (f.begin() <= begin && end <= f.end()) {
                return f;
            }
        }
        return null;
    }

    private static boolean overlaps(List<CuedTimeTagger.Found> times, int begin, int end) {
        for (CuedTimeTagger.Found f : times) {
            if (f.begin() < end && begin < f.end()) {
                return true;
            }
        }
        return false;
    }
}
