package org.storylens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing to read: a file, or a document fetched from a URL.
 *
 * @param name   what to call it in messages and origins (a path or URL)
 * @param idHint the default article id: the file name without extension
 * @param size   its length in bytes, or -1 when not known before reading (a gunzipped stream)
 * @param opener opens a fresh stream over its bytes each time it is called
 */
public record Input(String name, String idHint, long size, Opener opener) {

    /** Opens the bytes of an input. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public Input {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idHint, "idHint");
        Objects.requireNonNull(opener, "opener");
    }

    public static Input ofFile(Path file) throws IOException {
        return new Input(file.toString(), idFromFileName(file.getFileName().toString()), Files.size(file),
                () -> Files.newInputStream(file));
    }

    public static Input ofBytes(String name, byte[] bytes) {
        String last = name.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        last = last.substring(last.lastIndexOf('/') + 1);
        return new Input(name, idFromFileName(last.isEmpty() ? "document" : last), bytes.length,
                () -> new ByteArrayInputStream(bytes));
    }

    /** {@code 002_96ae.txt} → {@code 002_96ae}; {@code crawl.warc.gz} → {@code crawl}. */
    static String idFromFileName(String fileName) {
        String id = fileName;
        if (id.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            id = id.substring(0, id.length() - 3);
        }
        int dot = id.lastIndexOf('.');
        if (dot > 0) {
            id = id.substring(0, dot);
        }
        return id;
    }
}
