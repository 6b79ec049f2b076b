package org.storylens.ingest;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands what a user names on the command line into inputs: a file, every file below a folder (recursively, in
 * name order, skipping hidden files and folders), or an {@code http(s)} URL fetched with a {@link PageFetcher}.
 * Thread-safe.
 */
public final class InputCollector {

    /** The inputs found and the names that could not be used. */
    public record Collected(List<Input> inputs, List<IngestException> failures) {
    }

    private final PageFetcher fetcher;

    public InputCollector(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    public Collected collect(List<String> names) {
        List<Input> inputs = new ArrayList<>();
        List<IngestException> failures = new ArrayList<>();
        for (String name : names) {
            try {
                if (name.matches("(?i)https?://.+")) {
                    PageFetcher.FetchedPage page = fetcher.fetch(name);
                    inputs.add(Input.ofBytes(name, page.body()));
                    continue;
                }
                Path path = Path.of(name);
                if (Files.isDirectory(path)) {
                    inputs.addAll(walk(path));
                } else if (Files.isRegularFile(path)) {
                    inputs.add(Input.ofFile(path));
                } else if (Files.exists(path)) {
                    throw new IngestException(name, "not a regular file or folder");
                } else {
                    throw new IngestException(name, "no such file or folder");
                }
            } catch (IngestException e) {
                failures.add(e);
            } catch (IOException | RuntimeException e) {
                failures.add(new IngestException(name, "cannot read: " + e.getMessage(), e));
            }
        }
        return new Collected(inputs, failures);
    }

    private static List<Input> walk(Path folder) throws IOException {
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            List<Path> sorted = files.filter(Files::isRegularFile)
                    .filter(p -> !hidden(folder.relativize(p)))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
            for (Path p : sorted) {
                inputs.add(Input.ofFile(p));
            }
        }
        return inputs;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
