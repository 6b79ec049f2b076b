package org.storylens.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The figures of one fuzz run (inputs by kind, rejections and warnings by reason, memory, time) and every broken
 * invariant met, grouped by kind and symptom so that one cause met a thousand times reads as one line.
 */
final class FuzzReport {

    /** Words in an error message that belong to a library or the JVM, not to the user. */
    private static final Pattern INTERNALS = Pattern.compile("Exception|Error\\b|java\\.|javax\\.|com\\.fasterxml"
            + "|org\\.storylens|StreamReadConstraints|\\bat [a-z]+\\.[a-z]+|\\bnull\\b$");

    /** One broken invariant: what kind of input, which input, what went wrong. */
    record Problem(String kind, String input, String symptom) {
    }

    private final String title;
    private final long startNanos = System.nanoTime();
    private final Map<String, Integer> inputsByKind = new TreeMap<>();
    private final Map<String, Integer> rejectsByReason = new TreeMap<>();
    private final Map<String, Integer> warningsByReason = new TreeMap<>();
    private final Map<String, Integer> outcomesByKind = new TreeMap<>();
    private final Map<String, Long> millisByKind = new TreeMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();

    FuzzReport(String title) {
        this.title = title;
    }

    void input(String kind) {
        inputsByKind.merge(kind, 1, Integer::sum);
    }

    void took(String kind, long millis) {
        millisByKind.merge(kind, millis, Long::sum);
    }

    /** How an input ended: {@code accepted}, {@code rejected}, {@code partly} ... */
    void outcome(String kind, String outcome) {
        outcomesByKind.merge(kind + " → " + outcome, 1, Integer::sum);
    }

    void rejected(String reason) {
        rejectsByReason.merge(reasonClass(reason), 1, Integer::sum);
    }

    void warned(String reason) {
        warningsByReason.merge(reasonClass(reason), 1, Integer::sum);
    }

    void problem(String kind, String input, String symptom) {
        problems.add(new Problem(kind, input, symptom));
    }

    void figure(String name, Object value) {
        figures.put(name, String.valueOf(value));
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Whether a message is one a user can act on: not blank and naming no exception class or library internals. */
    static boolean isClear(String message) {
        return message != null && !message.isBlank() && !INTERNALS.matcher(message).find();
    }

    /**
     * A reason reduced to its class: the part before any detail (after a colon or a parenthesis), numbers as N,
     * quoted names as Q.
     */
    static String reasonClass(String reason) {
        String r = reason == null ? "(none)" : reason.strip();
        r = r.replaceAll("'[^']*'|\"[^\"]*\"", "Q").replaceAll("\\([^)]*\\)", "").replaceAll("\\d+", "N");
        int colon = r.indexOf(": ");
        if (colon > 0) {
            r = r.substring(0, colon);
        }
        r = r.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        return r.length() > 90 ? r.substring(0, 90) + "…" : r;
    }

    /** The process's peak resident set in MiB ({@code VmHWM}), or -1 where /proc is not there. */
    static long peakRssMib(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The heap in use now in MiB (sampled after each input: the largest sample is the run's figure). */
    static long usedHeapMib() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    /** The CPU time (user + system) a process has used so far, in seconds, or -1 where /proc is not there. */
    static long cpuSeconds(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return ticks / 100; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    long elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1_000_000_000L;
    }

    /** The problems grouped by kind and symptom, with how often each was met and its first input. */
    String problemSummary() {
        record Group(String kind, String symptom) {
        }
        Map<Group, List<Problem>> groups = new LinkedHashMap<>();
        for (Problem p : problems) {
            String symptom = p.symptom().replaceAll("https?://\\S+", "URL").replaceAll("/tmp/\\S+", "PATH")
                    .replaceAll("\\d+", "N");
            symptom = symptom.length() > 160 ? symptom.substring(0, 160) + "…" : symptom;
            groups.computeIfAbsent(new Group(p.kind(), symptom), g -> new ArrayList<>()).add(p);
        }
        StringBuilder b = new StringBuilder();
        groups.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Group, List<Problem>> e) -> e.getKey().kind())
                        .thenComparing(e -> -e.getValue().size()))
                .forEach(e -> {
                    Problem first = e.getValue().get(0);
                    String symptom = first.symptom().length() > 300 ? first.symptom().substring(0, 300) + "…"
                            : first.symptom();
                    b.append(String.format("  %-18s ×%-5d %s%n  %-18s        first: %s%n", e.getKey().kind(),
                            e.getValue().size(), symptom, "", first.input()));
                });
        return b.toString();
    }

    String render() {
        StringBuilder b = new StringBuilder();
        b.append("== ").append(title).append(" ==\n");
        figures.forEach((k, v) -> b.append(String.format("%-34s %s%n", k, v)));
        b.append(String.format("%-34s %d s%n", "wall time", elapsedSeconds()));
        b.append("inputs by kind (and the time spent on them):\n");
        inputsByKind.forEach((k, v) -> b.append(String.format("  %-22s %6d  %8.1f s%n", k, v,
                millisByKind.getOrDefault(k, 0L) / 1000.0)));
        b.append("outcomes by kind:\n");
        outcomesByKind.forEach((k, v) -> b.append(String.format("  %-40s %6d%n", k, v)));
        b.append("rejections by reason:\n");
        rejectsByReason.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> b.append(String.format("  %6d  %s%n", e.getValue(), e.getKey())));
        b.append("warnings by reason:\n");
        warningsByReason.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> b.append(String.format("  %6d  %s%n", e.getValue(), e.getKey())));
        b.append("broken invariants: ").append(problems.size()).append('\n');
        b.append(problemSummary());
        return b.toString();
    }
}
