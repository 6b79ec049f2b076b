package org.storylens.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a story matched a search: the article of the story that matches it best, and its title and a passage of its
 * text cut into pieces, the words the search matched marked. The pieces are plain text, to be escaped where shown.
 * Immutable.
 *
 * @param articleId the article's id
 * @param title     its title in pieces (none when it has no title)
 * @param passage   the passage of its text around the matched words, in pieces (none when it has no text)
 */
public record SearchMatch(String articleId, List<Piece> title, List<Piece> passage) {

    /** A run of text, and whether it is a word the search matched. */
    public record Piece(String text, boolean matched) {
    }

    public SearchMatch {
        title = List.copyOf(title);
        passage = List.copyOf(passage);
    }

    /** Whether the title holds a matched word. */
    public boolean titleMatched() {
        return title.stream().anyMatch(Piece::matched);
    }

    /** Whether the passage holds a matched word. */
    public boolean passageMatched() {
        return passage.stream().anyMatch(Piece::matched);
    }

    /**
     * The match of texts the database marked with {@link FullTextIndex#MATCH_START} and
     * {@link FullTextIndex#MATCH_END} (null texts are none); whitespace runs become one space.
     */
    static SearchMatch of(String articleId, String markedTitle, String markedPassage) {
        return new SearchMatch(articleId, pieces(markedTitle), pieces(markedPassage));
    }

    static List<Piece> pieces(String marked) {
        List<Piece> pieces = new ArrayList<>();
        if (marked == null) {
            return pieces;
        }
        String flat = marked.replaceAll("\\s+", " ").strip();
        int at = 0;
        while (at < flat.length()) {
            int start = flat.indexOf(FullTextIndex.MATCH_START, at);
            if (start < 0) {
                add(pieces, flat.substring(at), false);
                break;
            }
            add(pieces, flat.substring(at, start), false);
            int end = flat.indexOf(FullTextIndex.MATCH_END, start + 1);
            if (end < 0) {
                end = flat.length();
            }
            add(pieces, flat.substring(start + 1, end), true);
            at = end + 1;
        }
        return pieces;
    }

    private static void add(List<Piece> pieces, String text, boolean matched) {
        String clean = text.replace(FullTextIndex.MATCH_START, "").replace(FullTextIndex.MATCH_END, "");
        if (clean.isEmpty()) {
            return;
        }
        int last = pieces.size() - 1;
        if (last >= 0 && pieces.get(last).matched() == matched) {
            pieces.set(last, new Piece(pieces.get(last).text() + clean, matched));
        } else {
            pieces.add(new Piece(clean, matched));
        }
    }
}
