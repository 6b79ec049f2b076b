package org.storylens.analyse;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs Stanford CoreNLP (tokenize, ssplit, pos, lemma, ner with SUTime; coarse tags only) over a text and copies what
 * it found into an {@link AnnotatedText}. CoreNLP's own types stay inside this class. The models load once, in the
 * constructor (about 3.5 s); {@link #annotate} is thread-safe. {@link Options} choose the NER models and whether
 * SUTime runs; the no-argument constructor keeps CoreNLP's defaults (three CRF models, SUTime on).
 */
public final class CoreNlpAnnotator {

    /**
     * How CoreNLP's NER is set up.
     *
     * @param nerModels classpath paths of the CRF models, applied in order (CoreNLP's {@code ner.model}); empty for
     *                  CoreNLP's default three (3-class, 7-class MUC, 4-class CoNLL)
     * @param useSUTime whether SUTime finds and normalises time expressions (needed for {@code timexValue})
     */
    public record Options(List<String> nerModels, boolean useSUTime) {

        public static final String CONLL_4CLASS = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
        public static final String ALL_3CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
        /** CoreNLP's defaults: all three CRF models and SUTime. */
        public static final Options DEFAULT = new Options(List.of(), true);
        /**
         * Entities only, about 3.5 times as fast as {@link #DEFAULT} for 0.4 points of CoNLL F1 (87.8 against 88.2 on
         * the shared CoNLL half): the CoNLL 4-class model alone and no SUTime, so no time values.
         */
        public static final Options FAST_ENTITIES = new Options(List.of(CONLL_4CLASS), false);

        public Options {
            nerModels = List.copyOf(nerModels);
        }
    }

    private final StanfordCoreNLP pipeline;

    public CoreNlpAnnotator() {
        this(Options.DEFAULT);
    }

    public CoreNlpAnnotator(Options options) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        // two newlines end a sentence: paragraphs and cross-heads never run into the next sentence
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.buildEntityMentions", "true");
        props.setProperty("ner.useSUTime", String.valueOf(options.useSUTime()));
        if (!options.nerModels().isEmpty()) {
            props.setProperty("ner.model", String.join(",", options.nerModels()));
        }
        props.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=false");
        this.pipeline = new StanfordCoreNLP(props);
    }

    /**
     * @param text    the text
     * @param docDate the date relative expressions are resolved against, or null when it is not known
     */
    public AnnotatedText annotate(String text, LocalDate docDate) {
        Annotation document = new Annotation(text);
        if (docDate != null) {
            document.set(CoreAnnotations.DocDateAnnotation.class, docDate.toString());
        }
        pipeline.annotate(document);
        List<Sentence> sentences = new ArrayList<>();
        List<List<Token>> tokens = new ArrayList<>();
        List<AnnotatedText.Mention> mentions = new ArrayList<>();
        List<CoreMap> coreSentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        for (int s = 0; s < coreSentences.size(); s++) {
            CoreMap sentence = coreSentences.get(s);
            int begin = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            sentences.add(new Sentence(s, new Span(begin, end), text.substring(begin, end)));
            List<Token> sentenceTokens = new ArrayList<>();
            List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
            for (int t = 0; t < labels.size(); t++) {
                CoreLabel l = labels.get(t);
                sentenceTokens.add(new Token(l.word(), l.lemma(), l.tag(), l.ner(),
                        l.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class),
                        new Span(l.beginPosition(), l.endPosition()), s, t));
            }
            tokens.add(sentenceTokens);
            List<CoreMap> sentenceMentions = sentence.get(CoreAnnotations.MentionsAnnotation.class);
            if (sentenceMentions == null) {
                continue;
            }
            int sentenceTokenBegin = sentence.get(CoreAnnotations.TokenBeginAnnotation.class);
            for (CoreMap m : sentenceMentions) {
                int mBegin = m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
                int mEnd = m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
                Timex timex = m.get(TimeAnnotations.TimexAnnotation.class);
                mentions.add(new AnnotatedText.Mention(text.substring(mBegin, mEnd),
                        m.get(CoreAnnotations.EntityTypeAnnotation.class), new Span(mBegin, mEnd), s,
                        m.get(CoreAnnotations.TokenBeginAnnotation.class) - sentenceTokenBegin,
                        m.get(CoreAnnotations.TokenEndAnnotation.class) - sentenceTokenBegin,
                        timex == null ? null : timex.value(), timex == null ? null : timex.timexType()));
            }
        }
        return new AnnotatedText(text, sentences, tokens, mentions);
    }
}
