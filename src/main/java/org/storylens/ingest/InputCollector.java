package org.storylens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands what a user names on the command line into inputs: a file, every file below a folder (recursively, in
 * name order, skipping hidden files and folders), or an {@code http(s)} URL fetched with a {@link PageFetcher}.
 * SQLite databases (told by their header) and their {@code -wal}, {@code -shm} and {@code -journal} files are
 * skipped, so that a folder holding storylens's own database can be ingested. Thread-safe.
 */
public final class InputCollector {

    /**
     * The inputs found, the names that could not be used, and the database files skipped.
     *
     * @param skipped SQLite database files and their companions, which are no articles
     */
    public record Collected(List<Input> inputs, List<IngestException> failures, List<String> skipped) {

        public Collected(List<Input> inputs, List<IngestException> failures) {
            this(inputs, failures, List.of());
        }

        public Collected {
            inputs = List.copyOf(inputs);
            failures = List.copyOf(failures);
            skipped = List.copyOf(skipped);
        }
    }

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

    private final PageFetcher fetcher;

    public InputCollector(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    public Collected collect(List<String> names) {
        List<Input> inputs = new ArrayList<>();
        List<IngestException> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String name : names) {
            try {
                if (name.matches("(?i)https?://.+")) {
                    PageFetcher.FetchedPage page = fetcher.fetch(name);
                    inputs.add(Input.ofBytes(name, page.body()));
                    continue;
                }
                Path path = Path.of(name);
                if (Files.isDirectory(path)) {
                    inputs.addAll(walk(path, skipped));
                } else if (Files.isRegularFile(path)) {
                    if (isDatabaseFile(path)) {
                        skipped.add(path.toString());
                    } else {
                        inputs.add(Input.ofFile(path));
                    }
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
        return new Collected(inputs, failures, skipped);
    }

    private static List<Input> walk(Path folder, List<String> skipped) throws IOException {
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            List<Path> sorted = files.filter(Files::isRegularFile)
                    .filter(p -> !hidden(folder.relativize(p)))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
            for (Path p : sorted) {
                if (isDatabaseFile(p)) {
                    skipped.add(p.toString());
                } else {
                    inputs.add(Input.ofFile(p));
                }
            }
        }
        return inputs;
    }

    /**
     * A SQLite database by its header, or one of its {@code -wal}/{@code -shm}/{@code -journal} files; a database in
     * WAL mode may still be empty on disk while its write-ahead log holds everything, so a base file beside a
     * write-ahead log with SQLite's magic number counts too.
     */
    static boolean isDatabaseFile(Path file) {
        if (startsWith(file, SQLITE_HEADER) || isWriteAheadLog(file)) {
            return true;
        }
        String name = file.getFileName().toString();
        for (String suffix : COMPANIONS) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                Path base = file.resolveSibling(name.substring(0, name.length() - suffix.length()));
                if (startsWith(base, SQLITE_HEADER) || isWriteAheadLog(base.resolveSibling(base.getFileName() + "-wal"))) {
                    return true;
                }
            }
        }
        Path wal = file.resolveSibling(name + "-wal");
        return isWriteAheadLog(wal) && sizeOrMinusOne(file) == 0;
    }

    /** SQLite's write-ahead log starts with the magic number 0x377f0682 or 0x377f0683. */
    private static boolean isWriteAheadLog(Path file) {
        byte[] head = head(file, 4);
        return head.length == 4 && (head[0] & 0xFF) == 0x37 && (head[1] & 0xFF) == 0x7F && (head[2] & 0xFF) == 0x06
                && ((head[3] & 0xFF) == 0x82 || (head[3] & 0xFF) == 0x83);
    }

    private static boolean startsWith(Path file, byte[] prefix) {
        return Arrays.equals(head(file, prefix.length), prefix);
    }

    private static byte[] head(Path file, int n) {
        if (!Files.isRegularFile(file)) {
            return new byte[0];
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static long sizeOrMinusOne(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
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
