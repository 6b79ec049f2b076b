package org.storylens.eval;

import java.util.ArrayList;
import java.util.List;

/** Entity chunks (token range and type) read from a tag sequence, the way conlleval reads them. */
final class Chunks {

    /** Tokens {@code start} (inclusive) to {@code end} (exclusive) form an entity of {@code type}. */
    record Chunk(int start, int end, String type) {
    }

    private Chunks() {
    }

    /**
     * Reads IOB1 or IOB2 tags ({@code B-PER}, {@code I-PER}, {@code O}) or plain types ({@code PER}): a chunk begins
     * at a {@code B-} tag or where the type changes, so adjacent plain types merge into one chunk.
     */
    static List<Chunk> of(List<String> tags) {
        List<Chunk> chunks = new ArrayList<>();
        String open = null;
        int start = 0;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            String type = tag.equals("O") ? null : tag.replaceFirst("^[BI]-", "");
            boolean begins = type != null && (tag.startsWith("B-") || !type.equals(open));
            if (open != null && (type == null || begins)) {
                chunks.add(new Chunk(start, i, open));
                open = null;
            }
            if (begins) {
                open = type;
                start = i;
            }
        }
        return chunks;
    }
}
