package org.storylens.analyse;

/**
 * Character offsets into an article's cleaned text: {@code text.substring(start, end)}.
 *
 * @param start offset of the first character
 * @param end   offset after the last character
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }
}
