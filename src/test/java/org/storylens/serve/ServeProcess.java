package org.storylens.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code storylens serve} in a child JVM on a free port, as a user starts it: its stderr goes to a log file, its
 * address is read from what it prints.
 *
 * @param process the child
 * @param url     its home page, on the port it really listens on
 */
record ServeProcess(Process process, URI url) {

    private static final Pattern SERVING = Pattern.compile("storylens is serving (http://127\\.0\\.0\\.1:(\\d+)/)");

    /** Starts {@code storylens serve --db DB --port 0 --threads 2 EXTRA...} and waits until it serves. */
    static ServeProcess start(Path db, Path log, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-cp", System.getProperty("java.class.path"), "org.storylens.cli.StorylensCli", "serve",
                "--db", db.toString(), "--port", "0", "--threads", "2"));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                assertThat(Integer.parseInt(m.group(2))).as("the real port, not 0").isPositive();
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "serve-stdout");
                drain.setDaemon(true);
                drain.start();
                return new ServeProcess(p, URI.create(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new IOException("storylens serve stopped before serving; its log: " + Files.readString(log));
    }
}
