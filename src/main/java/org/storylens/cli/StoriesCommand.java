package org.storylens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.storylens.store.ArticleStore;
import org.storylens.store.Stores;
import org.storylens.store.StoreException;
import org.storylens.store.StoredStory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code storylens stories}: the stories the stored articles were assigned to at ingest, largest first. */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = {"Lists the stories that ingest assigned the stored articles to, largest first: id, number of "
                + "articles, independent sources (outlets that are not copies of each other), date span, title "
                + "(the first article's).",
                "JSON: {\"stories\": [{\"id\", \"title\", \"articles\", \"independentSources\", \"firstPublished\", "
                        + "\"lastPublished\"}]}.",
                "Exit code: 0 listed, 3 database error (a missing database too)."})
final class StoriesCommand implements Callable<Integer> {

    enum Format { table, json }

    @Option(names = "--db", paramLabel = "FILE|URL", defaultValue = "storylens-data/storylens.db",
            description = "Database to list: a SQLite file, or a PostgreSQL database as postgresql://HOST[:PORT]/DB "
                    + "or a jdbc:postgresql: URL. Default: ${DEFAULT-VALUE}")
    String db;

    @Option(names = "--format", defaultValue = "table", description = "table or json. Default: ${DEFAULT-VALUE}")
    Format format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Stores.isMissingFile(db)) {
            return StorylensCli.noDatabase(err, db);
        }
        List<StoredStory> stories;
        try (ArticleStore store = Stores.open(db)) {
            stories = store.stories();
        } catch (StoreException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return StorylensCli.STORE_FAILED;
        }
        if (format == Format.json) {
            out.println(json(stories));
        } else {
            new StoryTable().print(stories, out);
        }
        out.flush();
        return 0;
    }

    private static String json(List<StoredStory> stories) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode list = root.putArray("stories");
        for (StoredStory s : stories) {
            ObjectNode o = list.addObject();
            o.put("id", s.id());
            o.put("title", s.title());
            o.put("articles", s.articles());
            o.put("independentSources", s.independentSources());
            o.put("firstPublished", s.firstPublished() == null ? null : s.firstPublished().toString());
            o.put("lastPublished", s.lastPublished() == null ? null : s.lastPublished().toString());
        }
        return root.toPrettyString();
    }
}
