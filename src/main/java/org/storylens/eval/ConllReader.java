package org.storylens.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a CoNLL-2003 file: token first and tag last on each line, blank lines between sentences. */
final class ConllReader {

    private ConllReader() {
    }

    static List<ConllDocument> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static List<ConllDocument> parse(List<String> lines, String source) {
        List<ConllDocument> documents = new ArrayList<>();
        List<List<ConllDocument.Tagged>> sentences = new ArrayList<>();
        List<ConllDocument.Tagged> sentence = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("-DOCSTART-")) {
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                    sentence = new ArrayList<>();
                }
                if (line.startsWith("-DOCSTART-") && !sentences.isEmpty()) {
                    documents.add(new ConllDocument(sentences));
                    sentences = new ArrayList<>();
                }
                continue;
            }
            String[] columns = line.split("\\s+");
            if (columns.length < 2) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected a token and a tag: " + line);
            }
            sentence.add(new ConllDocument.Tagged(columns[0], columns[columns.length - 1]));
        }
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        if (!sentences.isEmpty()) {
            documents.add(new ConllDocument(sentences));
        }
        return documents;
    }
}
