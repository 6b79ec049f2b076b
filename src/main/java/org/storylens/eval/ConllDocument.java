package org.storylens.eval;

import java.util.List;

/**
 * One document of a CoNLL-2003 file: its sentences, each a list of tokens with their gold tags.
 *
 * @param sentences tokens per sentence
 */
record ConllDocument(List<List<Tagged>> sentences) {

    /** A token and its IOB tag ({@code O}, {@code B-PER}, {@code I-LOC}, ...). */
    record Tagged(String token, String tag) {
    }

    ConllDocument {
        sentences = sentences.stream().map(List::copyOf).toList();
    }

    List<Tagged> tokens() {
        return sentences.stream().flatMap(List::stream).toList();
    }
}
