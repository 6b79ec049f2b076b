package org.storylens.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.storylens.clean.Article;
import org.storylens.pipeline.SeedArticles;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The five seed articles as the JSON Lines body of {@code POST /api/articles}: each file's text as it is (so that the
 * server's cleaner removes its boilerplate) with the headline, date and outlet the cleaner found in it.
 */
final class SeedArticleLines {

    private SeedArticleLines() {
    }

    static String body() throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (Article a : SeedArticles.cleaned().articles()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", a.id());
            line.put("title", a.title());
            line.put("text", Files.readString(SeedArticles.folder().resolve(a.id() + ".txt")));
            line.put("publishedAt", a.publishedAt());
            line.put("outlet", a.outlet());
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        return lines.toString();
    }
}
