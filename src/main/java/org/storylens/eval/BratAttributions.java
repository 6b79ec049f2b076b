package org.storylens.eval;

import org.storylens.analyse.Span;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads PolNeAR's brat stand-off attributions: text-bound {@code Source}, {@code Cue} and {@code Content} spans (which
 * may be discontinuous: {@code 315 448;463 553}) linked by {@code Attribution} events.
 */
final class BratAttributions {

    /** One gold attribution; {@code source} is empty for attributions without a source. */
    record Gold(List<Span> source, List<Span> cue, List<Span> content) {
    }

    private BratAttributions() {
    }

    static List<Gold> read(Path ann) {
        List<String> lines;
        try {
            lines = Files.readAllLines(ann, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attributions " + ann, e);
        }
        Map<String, List<Span>> spans = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("T")) {
                String[] fields = line.split("\t");
                spans.put(fields[0], spans(fields[1], ann));
            }
        }
        List<Gold> gold = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("E")) {
                continue;
            }
            List<Span> source = new ArrayList<>();
            List<Span> cue = new ArrayList<>();
            List<Span> content = new ArrayList<>();
            for (String argument : line.split("\t")[1].trim().split(" ")) {
                String[] roleAndId = argument.split(":");
                if (roleAndId.length != 2 || !spans.containsKey(roleAndId[1])) {
                    continue;
                }
                List<Span> target = roleAndId[0].startsWith("Source") ? source
                        : roleAndId[0].startsWith("Cue") ? cue
                        : roleAndId[0].startsWith("Content") ? content : null;
                if (target != null) {
                    target.addAll(spans.get(roleAndId[1]));
                }
            }
            gold.add(new Gold(List.copyOf(source), List.copyOf(cue), List.copyOf(content)));
        }
        return gold;
    }

    /** {@code Content 315 448;463 553} → two spans. */
    private static List<Span> spans(String typeAndOffsets, Path ann) {
        List<Span> result = new ArrayList<>();
        String offsets = typeAndOffsets.substring(typeAndOffsets.indexOf(' ') + 1);
        for (String part : offsets.split(";")) {
            String[] ends = part.trim().split(" ");
            try {
                result.add(new Span(Integer.parseInt(ends[0]), Integer.parseInt(ends[1])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad brat offsets '" + typeAndOffsets + "' in " + ann, e);
            }
        }
        return result;
    }
}
