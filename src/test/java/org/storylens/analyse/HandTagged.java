package org.storylens.analyse;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-sentence {@link AnnotatedText} built by hand, for rules that must hold whatever CoreNLP happens to tag:
 * tokens are split at spaces, and {@link #mention} marks a run of them with a tag.
 */
final class HandTagged {

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final List<AnnotatedText.Mention> mentions = new ArrayList<>();

    HandTagged(String text) {
        this.text = text;
        int start = 0;
        for (String word : text.split(" ")) {
            String pos = Character.isUpperCase(word.charAt(0)) ? "NNP" : "NN";
            tokens.add(new Token(word, word, pos, "O", null, new Span(start, start + word.length()), 0, tokens.size()));
            start += word.length() + 1;
        }
    }

    /** Tags the words {@code first} (inclusive) to {@code last} (exclusive) as one mention. */
    HandTagged mention(int first, int last, String tag) {
        Span span = new Span(tokens.get(first).span().start(), tokens.get(last - 1).span().end());
        for (int i = first; i < last; i++) {
            Token t = tokens.get(i);
            tokens.set(i, new Token(t.word(), t.lemma(), t.pos(), tag, null, t.span(), 0, i));
        }
        mentions.add(new AnnotatedText.Mention(text.substring(span.start(), span.end()), tag, span, 0, first, last,
                null, null));
        return this;
    }

    AnnotatedText annotated() {
        return new AnnotatedText(text, List.of(new Sentence(0, new Span(0, text.length()), text)), List.of(tokens),
                mentions);
    }
}
