package org.storylens.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code storylens serve} in a child JVM on a free loopback port, as a user starts it, so that whatever a hostile
 * input does to it (an OutOfMemoryError, a hang) stays in that process: it can be killed and started again on the
 * same database. Its stderr goes to a log file.
 */
final class ServeChild implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("storylens is serving (http://127\\.0\\.0\\.1:(\\d+)/)");

    private final Process process;
    private final URI url;

    private ServeChild(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Starts {@code storylens serve --db DB --port 0 --threads 2} with the heap given and waits until it serves. */
    static ServeChild start(Path db, Path log, String maxHeap, Duration patience) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap,
                "-cp", System.getProperty("java.class.path"), "org.storylens.cli.StorylensCli", "serve",
                "--db", db.toString(), "--port", "0", "--threads", "2"));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<URI> serving = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        return URI.create(m.group(1));
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        URI url;
        try {
            url = serving.get(patience.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            url = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            url = null;
        }
        if (url == null) {
            p.destroyForcibly();
            throw new IOException("storylens serve did not serve within " + patience.toSeconds() + " s on " + db
                    + "; the end of its log: " + tail(log));
        }
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "serve-child-stdout");
        drain.setDaemon(true);
        drain.start();
        return new ServeChild(p, url);
    }

    static String tail(Path log) {
        try {
            String all = Files.readString(log);
            return all.length() > 1500 ? all.substring(all.length() - 1500) : all;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    URI url(String path) {
        return url.resolve(path);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The child's peak resident set in MiB so far, or -1 once it has ended. */
    long peakRssMib() {
        return FuzzReport.peakRssMib(Long.toString(process.pid()));
    }

    /** The CPU time the child has used so far in seconds, or -1 once it has ended. */
    long cpuSeconds() {
        return FuzzReport.cpuSeconds(Long.toString(process.pid()));
    }

    /** Kills the child at once (SIGKILL), as a hung server is ended. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the child as Ctrl-C does, and kills it if it has not ended within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
