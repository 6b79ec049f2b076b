package org.storylens.fuzz;

/**
 * One generated input: what kind of hostility it carries, the file name it is read under (its extension is a hint a
 * reader may follow or ignore), and its bytes.
 *
 * @param kind     the generator's label ({@code gzip-bomb}, {@code nested-html}, {@code normal}, ...)
 * @param fileName the name the input is stored and read under
 * @param bytes    the content
 */
record HostileInput(String kind, String fileName, byte[] bytes) {

    /** Whether the input is meant to be an ordinary article that every path must accept. */
    boolean isNormal() {
        return kind.equals(HostileInputs.NORMAL);
    }

    @Override
    public String toString() {
        return kind + " " + fileName + " (" + bytes.length + " bytes)";
    }
}
