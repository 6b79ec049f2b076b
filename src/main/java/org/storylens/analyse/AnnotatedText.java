package org.storylens.analyse;

import java.util.List;

/**
 * What CoreNLP found in a text, copied out of its {@code Annotation} into typed records at the edge of this package:
 * sentences, their tokens, and the entity and time mentions its NER and SUTime built.
 *
 * @param text      the text that was annotated
 * @param sentences sentences in order
 * @param tokens    tokens per sentence
 * @param mentions  entity, number and time mentions in order
 */
public record AnnotatedText(String text, List<Sentence> sentences, List<List<Token>> tokens, List<Mention> mentions) {

    /**
     * A mention as CoreNLP's NER built it.
     *
     * @param text       as written
     * @param tag        coarse NER tag: PERSON, ORGANIZATION, LOCATION, MISC, DATE, TIME, DURATION, SET, NUMBER, ...
     * @param span       where it stands
     * @param sentence   index of its sentence
     * @param firstToken index of its first token in the sentence
     * @param lastToken  index after its last token in the sentence
     * @param timexValue SUTime's TIMEX3 value for times, else null
     * @param timexType  SUTime's TIMEX3 type for times, else null
     */
    public record Mention(String text, String tag, Span span, int sentence, int firstToken, int lastToken,
                          String timexValue, String timexType) {
    }

    public AnnotatedText {
        sentences = List.copyOf(sentences);
        tokens = tokens.stream().map(List::copyOf).toList();
        mentions = List.copyOf(mentions);
    }
}
