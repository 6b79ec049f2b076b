package org.storylens.brief;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Writes the renderings of the hand-built briefs for looking at, not a check: {@code mvn -q -B -o test
 * -Dtest=BriefPagePreview -Dstorylens.render.preview=/tmp} gives {@code brief-full.html}, {@code brief-full.md} and
 * {@code brief-hostile.html}; screenshot them with headless Chromium (see README, "Brief formats").
 */
class BriefPagePreview {

    @Test
    void writesThePreviewPages() throws Exception {
        String dir = System.getProperty("storylens.render.preview");
        assumeTrue(dir != null, "set -Dstorylens.render.preview=DIR to write the preview pages");
        Path out = Path.of(dir);
        Files.createDirectories(out);
        Files.writeString(out.resolve("brief-full.html"), new BriefHtml().render(BriefFixtures.full()));
        Files.writeString(out.resolve("brief-full.md"), new BriefMarkdown().render(BriefFixtures.full()));
        Files.writeString(out.resolve("brief-hostile.html"), new BriefHtml().render(BriefFixtures.hostile()));
        Files.writeString(out.resolve("brief-hostile.md"), new BriefMarkdown().render(BriefFixtures.hostile()));
    }
}
