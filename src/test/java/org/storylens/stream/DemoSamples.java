package org.storylens.stream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The demo's bundled sample articles (the jar's {@code org/storylens/demo}), written to a folder. */
final class DemoSamples {

    private static final String SAMPLES = "/org/storylens/demo/";

    private DemoSamples() {
    }

    static Path extract(Path target) throws IOException {
        Files.createDirectories(target);
        List<String> names;
        try (InputStream index = DemoSamples.class.getResourceAsStream(SAMPLES + "index.txt")) {
            names = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        }
        for (String name : names) {
            try (InputStream in = DemoSamples.class.getResourceAsStream(SAMPLES + name)) {
                Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }
}
